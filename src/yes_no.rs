//! psql's yes/no words, as `\if`, `\set ON_ERROR_STOP` and `--set` read them: shared by the
//! command line (which refuses `ON_ERROR_STOP=off` up front) and the SQL-file runner.

/// psql's boolean values for `\if` and friends: unique prefixes of true/false/yes/no/on/off,
/// and 1/0, case-insensitive; anything else is an error.
pub fn parse_bool(value: &str) -> Option<bool> {
    let value = value.trim().to_ascii_lowercase();
    let prefix_of = |word: &str| !value.is_empty() && word.starts_with(&value);
    // `on` and `off` need two letters: `o` alone could be either.
    let two = value.len() >= 2;
    if prefix_of("true") || prefix_of("yes") || value == "on" || value == "1" {
        Some(true)
    } else if prefix_of("false") || prefix_of("no") || (two && prefix_of("off")) || value == "0" {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_take_psqls_spellings() {
        for yes in ["true", "T", "yes", "y", "on", "1", "TRUE"] {
            assert_eq!(parse_bool(yes), Some(true), "{yes}");
        }
        for no in ["false", "f", "no", "off", "of", "0"] {
            assert_eq!(parse_bool(no), Some(false), "{no}");
        }
        for neither in ["o", "maybe", "", "2"] {
            assert_eq!(parse_bool(neither), None, "{neither}");
        }
    }
}
