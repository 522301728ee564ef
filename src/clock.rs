//! The wall clock, read one way everywhere: Unix time now, and UTC dates written compactly
//! for names and migration versions (`20261126-053944`, `20261126053944`).

use std::time::{SystemTime, UNIX_EPOCH};

/// Unix milliseconds now (0 before 1970, which no clock here reports).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Unix seconds now.
pub fn now_secs() -> u64 {
    now_ms() / 1000
}

/// Unix seconds `secs` in UTC as `YYYYMMDD-HHMMSS`.
pub fn utc_compact(secs: u64) -> String {
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Unix seconds `secs` in UTC as RFC 3339 (`2026-11-26T05:39:44Z`), as AWS writes times.
pub fn utc_rfc3339(secs: u64) -> String {
    let compact = utc_compact(secs);
    let (date, time) = compact.split_once('-').unwrap_or((&compact, ""));
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        &date[..4],
        &date[4..6],
        &date[6..8],
        &time[..2],
        &time[2..4],
        &time[4..6]
    )
}

/// Unix seconds `secs` in UTC as dbmate's version, `YYYYMMDDHHMMSS`.
pub fn utc_version(secs: u64) -> String {
    utc_compact(secs).replace('-', "")
}

/// How long ago `then_secs` was, as a clock reads (`2m05s`).
pub fn ago(then_secs: u64) -> String {
    format_duration(now_secs().saturating_sub(then_secs) as f64)
}

/// Days since 1970-01-01 as a (year, month, day) date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A duration as a clock reads it: `4s`, `2m05s`, `1h02m`, `1d01h`.
pub fn format_duration(seconds: f64) -> String {
    let total = seconds.max(0.0) as u64;
    match total {
        0..60 => format!("{total}s"),
        60..3600 => format!("{}m{:02}s", total / 60, total % 60),
        3600..86400 => format!("{}h{:02}m", total / 3600, total % 3600 / 60),
        _ => format!("{}d{:02}h", total / 86400, total % 86400 / 3600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_a_clock() {
        assert_eq!(format_duration(4.9), "4s");
        assert_eq!(format_duration(125.0), "2m05s");
        assert_eq!(format_duration(3720.0), "1h02m");
        assert_eq!(format_duration(90000.0), "1d01h");
    }

    #[test]
    fn dates_are_utc_and_compact() {
        assert_eq!(utc_compact(0), "19700101-000000");
        // 2023-04-11 04:12:33 UTC, a leap year's February behind it.
        assert_eq!(utc_version(1_681_186_353), "20230411041233");
        assert_eq!(utc_compact(951_782_400), "20000229-000000");
    }
}
