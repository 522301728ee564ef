//! COPY's text format, one field at a time: `\N` is NULL, and a backslash escapes what would
//! end a field or a row. Only the fields a rule rewrites are decoded; the rest pass as bytes.

use anyhow::{Result, bail};

/// NULL, as COPY writes it.
pub const NULL: &[u8] = b"\\N";

/// A field's value.
pub fn decode(field: &[u8]) -> Result<String> {
    let mut out = Vec::with_capacity(field.len());
    let mut at = 0;
    while at < field.len() {
        let b = field[at];
        at += 1;
        if b != b'\\' || at == field.len() {
            out.push(b);
            continue;
        }
        let e = field[at];
        at += 1;
        out.push(match e {
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'v' => 11,
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match field.get(at) {
                        Some(d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            at += 1;
                        }
                        _ => break,
                    }
                }
                value as u8
            }
            b'x' if field.get(at).is_some_and(u8::is_ascii_hexdigit) => {
                let mut value = 0u8;
                for _ in 0..2 {
                    match field.get(at).and_then(|d| (*d as char).to_digit(16)) {
                        Some(d) => {
                            value = value * 16 + d as u8;
                            at += 1;
                        }
                        None => break,
                    }
                }
                value
            }
            other => other,
        });
    }
    match String::from_utf8(out) {
        Ok(text) => Ok(text),
        Err(_) => bail!("a value is not UTF-8"),
    }
}

/// `value` as a field.
pub fn encode(value: &str, out: &mut Vec<u8>) {
    for b in value.bytes() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_copy_escapes_comes_back_and_goes_out_as_copy_writes_it() {
        let field = b"a\\tb\\nc\\\\d\\101\\x41\\\\N";
        let value = decode(field).unwrap();
        assert_eq!(value, "a\tb\nc\\dAA\\N");
        let mut out = Vec::new();
        encode(&value, &mut out);
        assert_eq!(out, b"a\\tb\\nc\\\\dAA\\\\N");
        assert_eq!(decode("héllo".as_bytes()).unwrap(), "héllo");
    }
}
