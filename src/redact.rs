//! What must never be printed: secrets replaced by `***` in any text we show, and the literals
//! after `PASSWORD` in SQL (`ALTER ROLE x PASSWORD '...'`, `CREATE USER ... PASSWORD`, a user
//! mapping's `password '...'`), which psql echoes and we do not.

/// `text` with every secret in it replaced by `***`, longest first so that a secret containing
/// another is not half-replaced.
pub fn redact(text: &str, secrets: &[String]) -> String {
    let mut secrets: Vec<&String> = secrets.iter().filter(|s| !s.is_empty()).collect();
    secrets.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
    secrets.into_iter().fold(text.to_string(), |text, secret| {
        text.replace(secret.as_str(), "***")
    })
}

/// The string literals that follow the word `PASSWORD` in `sql`, as written (quotes and all),
/// so they can be found again in a line of the file or in the server's message.
pub fn password_literals(sql: &str) -> Vec<String> {
    let lower = sql.to_ascii_lowercase();
    let mut literals = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("password") {
        let start = from + found;
        let end = start + "password".len();
        from = end;
        // The keyword alone: not part of a longer name, not quoted text or a quoted name.
        let joined_before = lower[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '\'' | '"' | '$'));
        let spaced_after = sql[end..].starts_with(char::is_whitespace);
        if joined_before || !spaced_after {
            continue;
        }
        let rest = &sql[end..];
        let literal_at = end + (rest.len() - rest.trim_start().len());
        if let Some(len) = literal_len(&sql[literal_at..]) {
            literals.push(sql[literal_at..literal_at + len].to_string());
            from = literal_at + len;
        }
    }
    literals
}

/// `sql` with the literal after each `PASSWORD` shown as `'***'`.
pub fn sql(sql: &str) -> String {
    let literals = password_literals(sql);
    if literals.is_empty() {
        return sql.to_string();
    }
    literals.iter().fold(sql.to_string(), |text, literal| {
        text.replace(literal.as_str(), "'***'")
    })
}

/// `text` with the password literals of `statement` shown as `'***'`: for a line of the file
/// or a server message about that statement.
pub fn sql_secrets_in(text: &str, statement: &str) -> String {
    password_literals(statement)
        .iter()
        .fold(text.to_string(), |text, literal| {
            text.replace(literal.as_str(), "'***'")
        })
}

/// The length of the string literal `text` starts with: `'...'` (with `''`), `E'...'` (with
/// backslash escapes) or `$tag$...$tag$`.
fn literal_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes.first()? {
        b'\'' => quoted_len(bytes, 0, false),
        b'e' | b'E' if bytes.get(1) == Some(&b'\'') => quoted_len(bytes, 1, true),
        b'$' => {
            let tag_end = text[1..].find('$')? + 2;
            let tag = &text[..tag_end];
            if !tag[1..tag_end - 1]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_')
            {
                return None;
            }
            Some(tag_end + text[tag_end..].find(tag)? + tag.len())
        }
        _ => None,
    }
}

/// Length up to and including the quote that closes the one at `open`; to the end when it
/// never closes (a statement cut short still hides its password).
fn quoted_len(bytes: &[u8], open: usize, backslash_escapes: bool) -> Option<usize> {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if backslash_escapes => i += 2,
            b'\'' if bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b'\'' => return Some(i + 1),
            _ => i += 1,
        }
    }
    Some(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_a_password_both_as_typed_and_percent_encoded() {
        let secrets = crate::config::passwords_in(["postgresql://u:pa%2Fss@h/db"]);
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
        assert_eq!(sql("SELECT 'password'"), "SELECT 'password'");
        assert_eq!(
            sql("UPDATE users SET password_hash = 'x'"),
            "UPDATE users SET password_hash = 'x'"
        );
    }

    #[test]
    fn hides_every_kind_of_literal_after_password() {
        assert_eq!(
            sql("ALTER ROLE app WITH LOGIN PASSWORD 'it''s secret';"),
            "ALTER ROLE app WITH LOGIN PASSWORD '***';"
        );
        assert_eq!(
            sql("CREATE USER u ENCRYPTED password\n  E'a\\'b' VALID UNTIL 'infinity'"),
            "CREATE USER u ENCRYPTED password\n  '***' VALID UNTIL 'infinity'"
        );
        assert_eq!(
            sql("CREATE USER MAPPING FOR u SERVER s OPTIONS (user 'x', password $p$hunter2$p$)"),
            "CREATE USER MAPPING FOR u SERVER s OPTIONS (user 'x', password '***')"
        );
        assert_eq!(
            sql("ALTER ROLE x PASSWORD 'never closed"),
            "ALTER ROLE x PASSWORD '***'"
        );
    }

    #[test]
    fn finds_a_statement_s_password_in_a_line_or_message_about_it() {
        let statement = "ALTER ROLE app PASSWORD\n'hunter2' VALID UNTIL 'soon'";
        assert_eq!(
            sql_secrets_in("'hunter2' VALID UNTIL 'soon'", statement),
            "'***' VALID UNTIL 'soon'"
        );
    }
}
