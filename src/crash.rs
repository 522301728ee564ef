//! The panic hook: a crash report that says it is a bug and never shows a password.

use std::backtrace::{Backtrace, BacktraceStatus};

use crate::config;

/// Replace the default panic message, which prints whatever the panicking code formatted, a
/// connection URL included.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = redact(&info.to_string(), &config::secrets());
        crate::ui::restore_terminal();
        eprintln!("error: cruddur-db crashed, which is a bug: {message}");
        let backtrace = Backtrace::capture();
        if backtrace.status() == BacktraceStatus::Captured {
            eprintln!("{backtrace}");
        }
        eprintln!(
            "hint: please report it with the command you ran; an open transaction was rolled back, as the connection closed"
        );
    }));
}

/// `text` with every secret in it replaced by `***`, longest first so that a secret containing
/// another is not half-replaced.
pub fn redact(text: &str, secrets: &[String]) -> String {
    let mut secrets: Vec<&String> = secrets.iter().filter(|s| !s.is_empty()).collect();
    secrets.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
    secrets.into_iter().fold(text.to_string(), |text, secret| {
        text.replace(secret.as_str(), "***")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_a_password_both_as_typed_and_percent_encoded() {
        let secrets = config::passwords_in(["postgresql://u:pa%2Fss@h/db"]);
        let text = "panicked at src/x.rs:1:1:\nbad url postgresql://u:pa%2Fss@h/db (pa/ss)";
        let redacted = redact(text, &secrets);
        assert_eq!(
            redacted,
            "panicked at src/x.rs:1:1:\nbad url postgresql://u:***@h/db (***)"
        );
    }

    #[test]
    fn leaves_text_without_secrets_alone() {
        assert_eq!(
            redact("index out of bounds", &[String::new()]),
            "index out of bounds"
        );
    }
}
