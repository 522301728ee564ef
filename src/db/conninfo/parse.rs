//! libpq's two connection string forms, read exactly as libpq reads them: URIs
//! (`postgresql://user:password@h1:5432,h2/db?sslmode=require`) and keyword/value strings
//! (`host=h dbname=db password='it\'s'`). The result is keyword/value pairs in order, several
//! hosts and ports joined with commas as libpq keeps them; what they mean is `params`' job.

use anyhow::Result;

use crate::error::{Exit, Fail};

/// `text` as keyword/value pairs, in the order written (a later pair overrides an earlier one).
pub fn parse(text: &str) -> Result<Vec<(String, String)>> {
    let trimmed = text.trim();
    match ["postgresql://", "postgres://"]
        .iter()
        .find_map(|prefix| trimmed.strip_prefix(prefix))
    {
        Some(rest) => parse_uri(rest),
        None if trimmed.contains("://") => {
            let scheme = trimmed.split("://").next().unwrap_or_default();
            Err(invalid(format!(
                "the connection string's scheme is `{scheme}://`; expected `postgresql://` or `postgres://`"
            )))
        }
        None => parse_keywords(trimmed),
    }
}

fn invalid(message: impl Into<String>) -> anyhow::Error {
    Fail::new(Exit::Usage, message)
        .hint("a connection string looks like postgresql://USER:PASSWORD@HOST:5432/DATABASE?sslmode=require or host=HOST dbname=DATABASE user=USER")
        .into()
}

/// What follows `postgresql://`. As in libpq's `conninfo_uri_parse_options`: the user part
/// runs to the first `@` before any `/`; hosts are `host[:port]` separated by commas, IPv6
/// addresses in brackets; every part is percent-decoded.
fn parse_uri(rest: &str) -> Result<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    // libpq scans for `@` up to the first `/` only, so a `?` or `:` in the password is fine.
    let (userinfo, rest) = match rest.find(['@', '/']) {
        Some(at) if rest[at..].starts_with('@') => (Some(&rest[..at]), &rest[at + 1..]),
        _ => (None, rest),
    };
    if let Some(userinfo) = userinfo {
        let (user, password) = match userinfo.split_once(':') {
            Some((user, password)) => (user, Some(password)),
            None => (userinfo, None),
        };
        if !user.is_empty() {
            pairs.push(("user".to_string(), decode(user, "user name")?));
        }
        if let Some(password) = password {
            pairs.push(("password".to_string(), decode(password, "password")?));
        }
    }
    let hosts_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (hosts, rest) = rest.split_at(hosts_end);
    let (path, query) = match rest.strip_prefix('/') {
        Some(path_and_query) => match path_and_query.split_once('?') {
            Some((path, query)) => (path, query),
            None => (path_and_query, ""),
        },
        None => ("", rest.strip_prefix('?').unwrap_or(rest)),
    };
    let (mut host_list, mut port_list) = (Vec::new(), Vec::new());
    if !hosts.is_empty() {
        for (host, port) in split_hosts(hosts)? {
            host_list.push(decode(host, "host")?);
            port_list.push(decode(port, "port")?);
        }
    }
    if host_list.iter().any(|h| !h.is_empty()) {
        pairs.push(("host".to_string(), host_list.join(",")));
    }
    if port_list.iter().any(|p| !p.is_empty()) {
        pairs.push(("port".to_string(), port_list.join(",")));
    }
    if path.contains(['/', '@']) {
        // libpq would take it all as the database name, but it is almost always a password
        // with an unescaped `/`: refuse, and never echo it.
        return Err(Fail::new(
            Exit::Usage,
            "the connection URI's path has more than one segment; it must be just the database name",
        )
        .hint("percent-encode any `/`, `@`, `:` or `?` in the password or database name (`/` is %2F, `@` is %40)")
        .into());
    }
    if !path.is_empty() {
        pairs.push(("dbname".to_string(), decode(path, "database name")?));
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(invalid(format!(
                "the connection URI's parameter `{}` has no `=value`",
                decode(pair, "parameter").unwrap_or_default()
            )));
        };
        let key = decode(key, "parameter name")?;
        let value = decode(value, "parameter value")?;
        // libpq's JDBC-compatible spelling.
        if key == "ssl" && value == "true" {
            pairs.push(("sslmode".to_string(), "require".to_string()));
        } else {
            pairs.push((key, value));
        }
    }
    Ok(pairs)
}

/// `h1:5432,[::1]:5433,h3` as (host, port) pieces, still percent-encoded.
fn split_hosts(hosts: &str) -> Result<Vec<(&str, &str)>> {
    let mut specs = Vec::new();
    let mut rest = hosts;
    loop {
        let (host, after) = if let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']').ok_or_else(|| {
                invalid("the connection URI has an IPv6 address without its closing `]`")
            })?;
            (&inner[..close], &inner[close + 1..])
        } else {
            let end = rest.find([':', ',']).unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        let (port, after) = match after.strip_prefix(':') {
            Some(port_rest) => {
                let end = port_rest.find(',').unwrap_or(port_rest.len());
                (&port_rest[..end], &port_rest[end..])
            }
            None => ("", after),
        };
        specs.push((host, port));
        match after.strip_prefix(',') {
            Some(next) => rest = next,
            None if after.is_empty() => return Ok(specs),
            None => {
                return Err(invalid(
                    "the connection URI's host list is malformed (expected host:port,host:port)",
                ));
            }
        }
    }
}

/// Percent-decoding as libpq does it: `%XX` only, `+` stays `+`. Never echoes the text: it
/// may be a password.
fn decode(part: &str, what: &str) -> Result<String> {
    let bytes = part.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).unwrap_or_default();
            if hex.len() < 2 || !hex.iter().all(u8::is_ascii_hexdigit) {
                return Err(invalid(format!(
                    "the connection URI's {what} has a `%` that is not followed by two hex digits"
                )));
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    percent_encoding::percent_decode_str(part)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| {
            invalid(format!(
                "the connection URI's {what} is not valid UTF-8 once percent-decoded"
            ))
        })
}

/// `keyword = value` pairs separated by spaces; a value may be single-quoted, and `\` escapes
/// the next character (in quotes and out), as in libpq's `conninfo_parse`.
fn parse_keywords(text: &str) -> Result<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return Ok(pairs);
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && !c.is_whitespace()) {
            key.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('=') {
            return Err(invalid(format!(
                "missing \"=\" after \"{key}\" in the connection string"
            )));
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            loop {
                match chars.next() {
                    Some('\\') => value.extend(chars.next()),
                    Some('\'') => break,
                    Some(c) => value.push(c),
                    None => {
                        return Err(invalid(format!(
                            "the value of `{key}` in the connection string opens a quote that is never closed"
                        )));
                    }
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.extend(chars.next());
                } else {
                    value.push(c);
                }
            }
        }
        pairs.push((key, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        parse(text).unwrap()
    }

    fn kv(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn uris_carry_every_part_percent_decoded() {
        assert_eq!(
            pairs("postgresql://us%40er:pa%2Fss@h:5433/my%20db?sslmode=require&application_name=x"),
            kv(&[
                ("user", "us@er"),
                ("password", "pa/ss"),
                ("host", "h"),
                ("port", "5433"),
                ("dbname", "my db"),
                ("sslmode", "require"),
                ("application_name", "x"),
            ])
        );
    }

    #[test]
    fn every_uri_part_is_optional() {
        assert_eq!(pairs("postgresql://"), kv(&[]));
        assert_eq!(pairs("postgres:///db"), kv(&[("dbname", "db")]));
        assert_eq!(pairs("postgresql://h"), kv(&[("host", "h")]));
        assert_eq!(pairs("postgresql://u@"), kv(&[("user", "u")]));
        assert_eq!(
            pairs("postgresql:///db?host=/var/run/postgresql"),
            kv(&[("dbname", "db"), ("host", "/var/run/postgresql")])
        );
    }

    #[test]
    fn several_hosts_and_ipv6_literals() {
        assert_eq!(
            pairs("postgresql://h1:5432,[::1]:5433,h3/db"),
            kv(&[
                ("host", "h1,::1,h3"),
                ("port", "5432,5433,"),
                ("dbname", "db")
            ])
        );
        assert_eq!(
            pairs("postgresql://%2Fcloudsql%2Fp%3Ar%3Ai/db"),
            kv(&[("host", "/cloudsql/p:r:i"), ("dbname", "db")])
        );
    }

    #[test]
    fn keyword_strings_follow_libpq_quoting() {
        assert_eq!(
            pairs(r"host=h  port = 5432 password='it\'s a \\ secret' dbname=a\ b"),
            kv(&[
                ("host", "h"),
                ("port", "5432"),
                ("password", r"it's a \ secret"),
                ("dbname", "a b"),
            ])
        );
        assert_eq!(pairs("dbname=''"), kv(&[("dbname", "")]));
    }

    #[test]
    fn malformed_strings_say_what_is_wrong_without_echoing_secrets() {
        let error = |text: &str| format!("{:#}", parse(text).unwrap_err());
        assert!(error("host=h dbname").contains("missing \"=\" after \"dbname\""));
        assert!(error("password='hunter2").contains("never closed"));
        assert!(!error("password='hunter2").contains("hunter2"));
        assert!(error("mysql://h/db").contains("mysql://"));
        assert!(error("postgresql://u:%zzhunter2@h/db").contains("two hex digits"));
        let unescaped_slash = error("postgresql://u:12/SECRET@host/db");
        assert!(unescaped_slash.contains("more than one segment"));
        assert!(!unescaped_slash.contains("SECRET"));
        assert!(!error("postgresql://u:%zzhunter2@h/db").contains("hunter2"));
    }
}
