//! Which statements cannot share one transaction with the rest of a load: those PostgreSQL
//! refuses inside a transaction block, and those that end or need one of their own.

/// What `statement` is, when PostgreSQL refuses to run it inside a transaction block.
pub fn refuses_transaction(statement: &str) -> Option<&'static str> {
    let words = leading_words(statement, 8);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let has = |word: &str| words.contains(&word);
    match words.as_slice() {
        ["create", ..] if has("index") && has("concurrently") => Some("CREATE INDEX CONCURRENTLY"),
        ["drop", "index", "concurrently", ..] => Some("DROP INDEX CONCURRENTLY"),
        ["reindex", ..] if has("concurrently") => Some("REINDEX CONCURRENTLY"),
        ["alter", "table", ..] if has("detach") && has("concurrently") => {
            Some("DETACH PARTITION CONCURRENTLY")
        }
        ["vacuum", ..] => Some("VACUUM"),
        ["create", "database", ..] => Some("CREATE DATABASE"),
        ["drop", "database", ..] => Some("DROP DATABASE"),
        ["alter", "system", ..] => Some("ALTER SYSTEM"),
        ["create" | "drop", "tablespace", ..] => Some("a TABLESPACE change"),
        _ => None,
    }
}

/// What `statement` is, when it cannot run inside a transaction that also holds the statements
/// before and after it (as `setup`'s in-place reset runs schema, migrations and seed): what
/// [`refuses_transaction`], transaction control of its own, and `ALTER TYPE ... ADD VALUE`,
/// whose new value the same transaction cannot use.
pub fn breaks_one_transaction(statement: &str) -> Option<&'static str> {
    if let Some(what) = refuses_transaction(statement) {
        return Some(what);
    }
    let words = leading_words(statement, 8);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["begin" | "start", ..] => Some("its own BEGIN"),
        ["commit" | "end", next, ..] if *next != "prepared" => Some("its own COMMIT"),
        ["commit" | "end"] => Some("its own COMMIT"),
        ["rollback" | "abort"] => Some("its own ROLLBACK"),
        ["rollback" | "abort", next, ..] if !matches!(*next, "to" | "prepared") => {
            Some("its own ROLLBACK")
        }
        ["prepare", "transaction", ..] => Some("PREPARE TRANSACTION"),
        ["alter", "type", ..] if words.windows(2).any(|w| w == ["add", "value"]) => {
            Some("ALTER TYPE ... ADD VALUE")
        }
        _ => None,
    }
}

/// The first `count` words of `statement`, lowercased, after any leading comments.
fn leading_words(statement: &str, count: usize) -> Vec<String> {
    let mut rest = statement.trim_start();
    loop {
        if let Some(comment) = rest.strip_prefix("--") {
            rest = comment.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(comment) = rest.strip_prefix("/*") {
            rest = comment.split_once("*/").map_or("", |(_, after)| after);
        } else {
            break;
        }
        rest = rest.trim_start();
    }
    rest.split(|c: char| c.is_whitespace() || c == ';' || c == '(')
        .filter(|word| !word.is_empty())
        .take(count)
        .map(str::to_ascii_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_postgres_refuses_in_a_transaction_are_named() {
        assert_eq!(
            refuses_transaction("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)"),
            Some("CREATE INDEX CONCURRENTLY")
        );
        assert_eq!(refuses_transaction("vacuum;"), Some("VACUUM"));
        assert_eq!(
            refuses_transaction("-- tidy up\n/* first */ VACUUM ANALYZE t"),
            Some("VACUUM")
        );
        assert_eq!(refuses_transaction("CREATE INDEX i ON t (a)"), None);
    }

    #[test]
    fn transaction_control_and_new_enum_values_break_one_transaction() {
        for (statement, what) in [
            ("BEGIN;", "its own BEGIN"),
            ("START TRANSACTION", "its own BEGIN"),
            ("commit", "its own COMMIT"),
            ("ROLLBACK;", "its own ROLLBACK"),
            (
                "ALTER TYPE mood ADD VALUE 'meh'",
                "ALTER TYPE ... ADD VALUE",
            ),
            ("ALTER SYSTEM SET work_mem = '8MB'", "ALTER SYSTEM"),
        ] {
            assert_eq!(breaks_one_transaction(statement), Some(what), "{statement}");
        }
        for fine in [
            "ROLLBACK TO SAVEPOINT a",
            "SAVEPOINT a",
            "COMMIT PREPARED 'x'",
            "ALTER TYPE mood RENAME VALUE 'a' TO 'b'",
            "CREATE TABLE begin_dates (d date)",
        ] {
            assert_eq!(breaks_one_transaction(fine), None, "{fine}");
        }
    }
}
