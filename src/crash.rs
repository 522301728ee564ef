//! The panic hook: a crash report that says it is a bug and never shows a password.

use std::backtrace::{Backtrace, BacktraceStatus};

use crate::config;
use crate::redact::redact;

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

/// Debug builds only: panic when a test asks for it (`CRUDDUR_DB_DEBUG_PANIC`), with the
/// connection URL in the message as a careless `expect` would, to test the hook in the binary.
pub fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if let Some(url) = config::debug_panic_requested() {
        panic!("simulated bug while connecting to {url}");
    }
}
