//! Python source read as far as `import-legacy` needs, by Python's own rules: logical lines
//! (strings, brackets and `\` continuations kept whole) and string literals evaluated exactly
//! as the interpreter would, or refused where that cannot be done without running code.

/// A logical line: where its text starts and ends (bytes), and how far it is indented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub indent: usize,
    pub start: usize,
    pub end: usize,
}

/// The logical lines of `source` that hold code (blank and comment-only lines left out).
/// `source` must use `\n` line ends, as Python's reader gives them (see [`normalize`]).
pub fn logical_lines(source: &str) -> Result<Vec<Line>, String> {
    let bytes = source.as_bytes();
    let mut lines = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let line_start = at;
        while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\x0c') {
            at += 1;
        }
        let indent = at - line_start;
        if at >= bytes.len() || matches!(bytes[at], b'\n' | b'#') {
            at = end_of_physical_line(source, at) + 1;
            continue;
        }
        let start = at;
        let mut depth = 0usize;
        while at < bytes.len() {
            match bytes[at] {
                b'\'' | b'"' => at = end_of_string(source, at)?,
                b'#' => at = end_of_physical_line(source, at),
                b'\\' if bytes.get(at + 1) == Some(&b'\n') => at += 2,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    at += 1;
                }
                b')' | b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    at += 1;
                }
                b'\n' if depth == 0 => break,
                _ => at += 1,
            }
        }
        lines.push(Line {
            indent,
            start,
            end: at,
        });
        at += 1;
    }
    Ok(lines)
}

/// Python reads source with universal newlines: `\r\n` and a lone `\r` are `\n`.
pub fn normalize(source: &str) -> String {
    source.replace("\r\n", "\n").replace('\r', "\n")
}

fn end_of_physical_line(source: &str, from: usize) -> usize {
    source[from..]
        .find('\n')
        .map_or(source.len(), |end| from + end)
}

/// The byte just past the string literal whose opening quote is at `open`.
fn end_of_string(source: &str, open: usize) -> Result<usize, String> {
    let quote = quote_at(&source[open..]);
    let bytes = source.as_bytes();
    let mut at = open + quote.len();
    while at < bytes.len() {
        if source[at..].starts_with(quote) {
            return Ok(at + quote.len());
        }
        match bytes[at] {
            // In raw strings too, a backslash keeps the next character from closing the string.
            b'\\' => at += 2,
            b'\n' if quote.len() == 1 => break,
            _ => at += 1,
        }
    }
    Err("a string literal is never closed".to_string())
}

fn quote_at(text: &str) -> &'static str {
    ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| text.starts_with(q))
        .unwrap_or("\"")
}

/// The value of `expression` when it is string literals only (one, or several side by side
/// as Python joins them, optionally in parentheses), evaluated as Python does; an error saying
/// why not otherwise (f-strings with fields, bytes, `\N{...}`, operators, names, calls).
pub fn string_value(expression: &str) -> Result<String, String> {
    let mut rest = skip_blank(expression);
    let parenthesized = rest.starts_with('(');
    if parenthesized {
        rest = skip_blank(&rest[1..]);
    }
    let mut value = String::new();
    let mut literals = 0;
    while let Some((prefix_len, flags)) = prefix(rest) {
        let (piece, after) = literal(&rest[prefix_len..], flags)?;
        value.push_str(&piece);
        literals += 1;
        rest = skip_blank(after);
    }
    if literals == 0 {
        return Err("is not a string literal".to_string());
    }
    if parenthesized {
        rest = rest
            .strip_prefix(')')
            .map(skip_blank)
            .ok_or("is more than string literals")?;
    }
    if !rest.is_empty() {
        return Err("is more than string literals (an operator, a call or a name follows)".into());
    }
    Ok(value)
}

/// Past white space, comments and `\` line continuations.
fn skip_blank(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start_matches([' ', '\t', '\n', '\x0c']);
        if let Some(comment) = trimmed.strip_prefix('#') {
            text = comment.find('\n').map_or("", |end| &comment[end..]);
        } else if let Some(after) = trimmed.strip_prefix("\\\n") {
            text = after;
        } else {
            return trimmed;
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    raw: bool,
    bytes: bool,
    format: bool,
}

/// The string prefix (`r`, `u`, `b`, `f` and their pairs, any case) at the start of `text`
/// when a quote follows it.
fn prefix(text: &str) -> Option<(usize, Flags)> {
    let letters = text
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .take(3)
        .count();
    if !text[letters..].starts_with(['\'', '"']) {
        return None;
    }
    let mut flags = Flags::default();
    let lower = text[..letters].to_ascii_lowercase();
    match lower.as_str() {
        "" | "u" => {}
        "r" => flags.raw = true,
        "b" => flags.bytes = true,
        "f" => flags.format = true,
        "rb" | "br" => (flags.raw, flags.bytes) = (true, true),
        "rf" | "fr" => (flags.raw, flags.format) = (true, true),
        _ => return None,
    }
    Some((letters, flags))
}

/// One literal whose quote starts `text`: its value and the text after it.
fn literal(text: &str, flags: Flags) -> Result<(String, &str), String> {
    if flags.bytes {
        return Err("is a bytes literal (b\"...\"), not text".to_string());
    }
    let quote = quote_at(text);
    let body_end = end_of_string(text, 0)? - quote.len();
    let body = &text[quote.len()..body_end];
    let mut value = if flags.raw {
        body.to_string()
    } else {
        unescape(body)?
    };
    if flags.format {
        value = format_without_fields(&value)?;
    }
    Ok((value, &text[body_end + quote.len()..]))
}

/// An f-string's value when it has no replacement fields: `{{` and `}}` are braces.
fn format_without_fields(text: &str) -> Result<String, String> {
    let mut value = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' if chars.peek() == Some(&c) => {
                chars.next();
                value.push(c);
            }
            '{' | '}' => {
                return Err(
                    "is an f-string with a replacement field, which only running Python can fill"
                        .to_string(),
                );
            }
            c => value.push(c),
        }
    }
    Ok(value)
}

/// The escapes of a non-raw text literal, as Python evaluates them. Unknown escapes (`\w`,
/// `\d`, `\.`) keep their backslash, as Python does.
fn unescape(body: &str) -> Result<String, String> {
    let mut value = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            value.push(c);
            continue;
        }
        let Some(escaped) = chars.next() else {
            return Err("ends in a lone backslash".to_string());
        };
        match escaped {
            '\n' => {}
            '\\' | '\'' | '"' => value.push(escaped),
            'a' => value.push('\x07'),
            'b' => value.push('\x08'),
            'f' => value.push('\x0c'),
            'n' => value.push('\n'),
            'r' => value.push('\r'),
            't' => value.push('\t'),
            'v' => value.push('\x0b'),
            '0'..='7' => {
                let mut code = escaped.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|d| d.to_digit(8)) {
                        Some(digit) => {
                            code = code * 8 + digit;
                            chars.next();
                        }
                        None => break,
                    }
                }
                value.push(char::from_u32(code).ok_or("has an octal escape out of range")?);
            }
            'x' | 'u' | 'U' => {
                let digits = match escaped {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = (0..digits).filter_map(|_| chars.next()).collect();
                let code = (hex.len() == digits && hex.chars().all(|h| h.is_ascii_hexdigit()))
                    .then(|| u32::from_str_radix(&hex, 16).ok())
                    .flatten()
                    .ok_or_else(|| {
                        format!("has a \\{escaped} escape without {digits} hex digits")
                    })?;
                value.push(char::from_u32(code).ok_or_else(|| {
                    format!("has a \\{escaped} escape that is no character (a surrogate, or past U+10FFFF)")
                })?);
            }
            'N' => {
                return Err(
                    "uses a \\N{...} escape; write the character itself instead".to_string()
                );
            }
            other => {
                value.push('\\');
                value.push(other);
            }
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Literals whose value Python itself computes in the test below; each is checked
    /// against `python3`.
    const LITERALS: &[&str] = &[
        r#""plain""#,
        r#""""CHECK (handle ~ '^\w+$')""""#,
        r#"'\d+\s*\.\r\n\t\0\x41\u00e9\U0001F600\a\b\f\v\101\7z'"#,
        "'line one \\\nline two'",
        "\"\"\"multi\nline \\\ncontinued\"\"\"",
        r#"r'^\w+$ \n stays'"#,
        r#"R"raw \" quote""#,
        r#"u'unicode \u00e9'"#,
        r#"f'no fields {{braces}}'"#,
        r#"rf'raw {{f}} \d'"#,
        r#"'it''s' "joined" '''too'''"#,
        "(\"across\"\n  ' lines' # a comment\n)",
        r#"'\z unknown \q escapes \\ kept'"#,
        r#"'%%'"#,
        r#""a 'single' inside""#,
        r#"'''triple with "quotes" and \''' inside'''"#,
    ];

    fn python_values(literals: &[&str]) -> Vec<String> {
        let program = "import json,sys; print(json.dumps([eval(s) for s in json.load(sys.stdin)]))";
        let mut child = std::process::Command::new("python3")
            .args(["-c", program])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 is the reference for Python's literal rules");
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(serde_json::to_string(literals).unwrap().as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "python3 refused a literal");
        serde_json::from_slice(&output.stdout).unwrap()
    }

    #[test]
    fn literals_evaluate_exactly_as_python_evaluates_them() {
        let expected = python_values(LITERALS);
        for (literal, python) in LITERALS.iter().zip(expected) {
            assert_eq!(
                string_value(literal).as_deref(),
                Ok(python.as_str()),
                "{literal}"
            );
        }
    }

    #[test]
    fn what_only_running_python_can_evaluate_is_refused() {
        for (literal, why) in [
            ("f'{table}'", "replacement field"),
            ("b'bytes'", "bytes literal"),
            (r"'\N{BULLET}'", "\\N{...}"),
            (r"'\x4'", "hex digits"),
            (r"'\ud800'", "surrogate"),
            ("'a' + 'b'", "more than string literals"),
            ("sql", "not a string literal"),
            ("'a'.upper()", "more than string literals"),
            ("'never closed", "never closed"),
        ] {
            let err = string_value(literal).unwrap_err();
            assert!(err.contains(why), "{literal}: {err}");
        }
    }

    #[test]
    fn logical_lines_keep_strings_brackets_and_continuations_whole() {
        let source = "def f():\n    x = \"\"\"\nreturn inside\n\"\"\"  # c\n\n    # only a comment\n    y = (1,\n  2)\n    return \\\n  x\n";
        let lines: Vec<(usize, &str)> = logical_lines(source)
            .unwrap()
            .iter()
            .map(|line| (line.indent, &source[line.start..line.end]))
            .collect();
        assert_eq!(
            lines,
            [
                (0, "def f():"),
                (4, "x = \"\"\"\nreturn inside\n\"\"\"  # c"),
                (4, "y = (1,\n  2)"),
                (4, "return \\\n  x"),
            ]
        );
    }
}
