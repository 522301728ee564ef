//! "Did you mean": for a column, table or function the server does not know, the closest name
//! that exists, by edit distance (or one name inside the other: `bio` and `biography`).

/// The name an error message says is unknown, and in which table when it says: from
/// `column users.bio does not exist`, `column "bio" does not exist`, `relation "userz" does
/// not exist`, `function lowr(text) does not exist`.
pub fn unknown_name(message: &str) -> Option<(Option<String>, String)> {
    let rest = message
        .strip_prefix("column ")
        .or_else(|| message.strip_prefix("relation "))
        .or_else(|| message.strip_prefix("function "))?;
    let name = rest.strip_suffix(" does not exist")?;
    let name = name.split('(').next().unwrap_or(name).trim_matches('"');
    match name.rsplit_once('.') {
        Some((table, column)) if message.starts_with("column ") => Some((
            Some(table.trim_matches('"').to_string()),
            column.trim_matches('"').to_string(),
        )),
        Some((_, bare)) => Some((None, bare.trim_matches('"').to_string())),
        None => Some((None, name.to_string())),
    }
}

/// The closest of `candidates` to `wanted`, when one is close enough to be a likely slip.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| !c.eq_ignore_ascii_case(wanted))
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let distance = distance(&wanted_lower, &lower);
            let contains = wanted_lower.len() >= 3
                && (lower.contains(&wanted_lower) || wanted_lower.contains(&lower));
            let close = distance <= (wanted.chars().count() / 3).max(2);
            (close || contains).then_some((distance, candidate))
        })
        .min_by_key(|(distance, candidate)| (*distance, *candidate))
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unknown_name_is_read_from_the_servers_message() {
        assert_eq!(
            unknown_name("column users.bio does not exist"),
            Some((Some("users".into()), "bio".into()))
        );
        assert_eq!(
            unknown_name("column \"bio\" does not exist"),
            Some((None, "bio".into()))
        );
        assert_eq!(
            unknown_name("relation \"public.userz\" does not exist"),
            Some((None, "userz".into()))
        );
        assert_eq!(
            unknown_name("function lowr(text) does not exist"),
            Some((None, "lowr".into()))
        );
        assert_eq!(unknown_name("syntax error at or near \"FORM\""), None);
    }

    #[test]
    fn a_close_name_or_one_inside_the_other_is_suggested_and_a_far_one_is_not() {
        let names = ["bio", "handle", "display_name", "created_at"];
        assert_eq!(closest("biography", names), Some("bio"));
        assert_eq!(closest("handel", names), Some("handle"));
        assert_eq!(closest("display_nam", names), Some("display_name"));
        assert_eq!(closest("price", names), None);
    }
}
