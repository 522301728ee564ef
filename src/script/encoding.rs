//! Client encodings: how a file's bytes become text. psql sends a file's bytes as they are and
//! lets the server convert them from `client_encoding`; cruddur-db keeps the session in UTF8
//! and decodes the file itself (with encoding_rs, Firefox's decoder), so `SET client_encoding
//! TO 'LATIN1'` files, `\encoding` and `PGCLIENTENCODING` load the same rows as with psql.

use encoding_rs::Encoding;

/// The decoder for a PostgreSQL client encoding name, `None` when there is none. UTF8 and
/// SQL_ASCII (no conversion: the bytes must then be UTF-8) need none either: that is
/// `Some(None)`.
pub fn by_pg_name(name: &str) -> Option<Option<&'static Encoding>> {
    let name = name
        .trim()
        .trim_matches('\'')
        .trim_matches('"')
        .to_ascii_uppercase()
        .replace(['-', '_'], "");
    let label = match name.as_str() {
        "UTF8" | "UNICODE" | "SQLASCII" => return Some(None),
        // encoding_rs reads ISO-8859-1 as windows-1252, its superset, as browsers do.
        "LATIN1" | "ISO88591" => "iso-8859-1",
        "LATIN2" | "ISO88592" => "iso-8859-2",
        "LATIN3" | "ISO88593" => "iso-8859-3",
        "LATIN4" | "ISO88594" => "iso-8859-4",
        "LATIN5" | "ISO88599" => "iso-8859-9",
        "LATIN6" | "ISO885910" => "iso-8859-10",
        "LATIN7" | "ISO885913" => "iso-8859-13",
        "LATIN8" | "ISO885914" => "iso-8859-14",
        "LATIN9" | "ISO885915" => "iso-8859-15",
        "LATIN10" | "ISO885916" => "iso-8859-16",
        "ISO88595" => "iso-8859-5",
        "ISO88596" => "iso-8859-6",
        "ISO88597" => "iso-8859-7",
        "ISO88598" => "iso-8859-8",
        "WIN866" | "ALT" => "ibm866",
        "WIN874" => "windows-874",
        "WIN1250" => "windows-1250",
        "WIN1251" | "WIN" => "windows-1251",
        "WIN1252" => "windows-1252",
        "WIN1253" => "windows-1253",
        "WIN1254" => "windows-1254",
        "WIN1255" => "windows-1255",
        "WIN1256" => "windows-1256",
        "WIN1257" => "windows-1257",
        "WIN1258" => "windows-1258",
        "KOI8R" | "KOI8" => "koi8-r",
        "KOI8U" => "koi8-u",
        "SJIS" | "SHIFTJIS" | "MSKANJI" => "shift_jis",
        "EUCJP" => "euc-jp",
        "EUCKR" => "euc-kr",
        "BIG5" => "big5",
        "GBK" | "CP936" | "EUCCN" => "gbk",
        "GB18030" => "gb18030",
        _ => return None,
    };
    Encoding::for_label(label.as_bytes()).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_names_map_to_decoders() {
        assert_eq!(by_pg_name("UTF8"), Some(None));
        assert_eq!(
            by_pg_name("'latin1'"),
            Some(Some(encoding_rs::WINDOWS_1252))
        );
        assert_eq!(by_pg_name("WIN1251"), Some(Some(encoding_rs::WINDOWS_1251)));
        assert_eq!(by_pg_name("EUC_JP"), Some(Some(encoding_rs::EUC_JP)));
        assert_eq!(by_pg_name("MULE_INTERNAL"), None);
    }
}
