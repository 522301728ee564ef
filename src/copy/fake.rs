//! Stand-ins for personal values, each drawn from HMAC-SHA256 of the value under the copy's
//! key: the same value gets the same stand-in in every table, in free text, and in every copy
//! made with the same key, and nothing about the value can be read back without the key. A
//! stand-in that meets another value's in a unique column is drawn again, deterministically.

use std::collections::{HashMap, HashSet};

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::rules::{Kind, hex};

const FIRST: [&str; 32] = [
    "Alex", "Blair", "Casey", "Dana", "Eli", "Frankie", "Gray", "Harper", "Indy", "Jules", "Kai",
    "Lee", "Morgan", "Noor", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Taylor", "Uma", "Vic",
    "Wren", "Xan", "Yael", "Zion", "Ari", "Bo", "Cam", "Drew", "Emery", "Finley",
];
const LAST: [&str; 32] = [
    "Adams", "Baker", "Clarke", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen",
    "Khan", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Quinlan", "Rossi", "Silva",
    "Tanaka", "Ueda", "Varga", "Walsh", "Xu", "Young", "Zhang", "Abara", "Berg", "Costa", "Dubois",
    "Eriksen", "Fontaine",
];
const WORDS: [&str; 16] = [
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "do",
    "eiusmod",
    "tempor",
    "incididunt",
    "ut",
    "labore",
    "magna",
];

/// Draws stand-ins under one key, remembering what unique columns were given.
pub struct Faker {
    /// HMAC-SHA256 keyed once: each stand-in clones it rather than hashing the key again.
    keyed: Hmac<Sha256>,
    /// Per kind: each stand-in given in a unique column, and a fingerprint of the value it
    /// stands for (so the same value meeting its own stand-in again is no collision).
    given: HashMap<&'static str, HashMap<u64, u64>>,
    /// Per kind: values whose first draws met another value's, and the draw they got.
    redrawn: HashMap<(&'static str, u64), u32>,
    /// Fingerprints of the handles met in handle columns (lower case): free text may name
    /// them without an `@`.
    handles: HashSet<u64>,
    /// Stand-ins given lately outside unique columns, per kind and length limit: a user's
    /// email recurs in every post. Each is emptied when full, so memory stays flat however
    /// many values pass.
    recent: HashMap<(&'static str, Option<usize>), HashMap<u64, String>>,
}

/// How many draws a unique column's stand-in gets before the copy gives up.
pub const DRAWS: u32 = 64;

/// How many recent stand-ins are remembered.
const RECENT: usize = 4096;

impl Faker {
    pub fn new(key: &[u8]) -> Faker {
        Faker {
            keyed: Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length"),
            given: HashMap::new(),
            redrawn: HashMap::new(),
            handles: HashSet::new(),
            recent: HashMap::new(),
        }
    }

    fn mac(&self, tag: &str, value: &str, draw: u32) -> [u8; 32] {
        let mut mac = self.keyed.clone();
        mac.update(tag.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        mac.update(&draw.to_be_bytes());
        mac.finalize().into_bytes().into()
    }

    /// The stand-in for `value` under `kind` (not `scrub`, `keep` or the server's kinds), cut
    /// to `max_chars`; `unique` when the column allows each value once. `None` when no draw
    /// is free.
    pub fn fake(
        &mut self,
        kind: &Kind,
        value: &str,
        max_chars: Option<usize>,
        unique: bool,
    ) -> Option<String> {
        let recent = (tag_of(kind), max_chars);
        let seen = fingerprint(value.as_bytes());
        if !unique && let Some(fake) = self.recent.get(&recent).and_then(|r| r.get(&seen)) {
            return Some(fake.clone());
        }
        let (tag, normal) = normalise(kind, value);
        if *kind == Kind::Handle && normal.len() >= 3 {
            self.handles.insert(fingerprint(normal.as_bytes()));
        }
        let print = fingerprint(format!("{tag}\0{normal}").as_bytes());
        let first = self.redrawn.get(&(tag, print)).copied().unwrap_or(0);
        for draw in first..first + DRAWS {
            let mut fake = self.draw(kind, value, &self.mac(tag, &normal, draw), draw);
            if let Some(max) = max_chars {
                fake = fake.chars().take(max).collect();
            }
            if !unique {
                let remembered = self.recent.entry(recent).or_default();
                if remembered.len() >= RECENT {
                    remembered.clear();
                }
                remembered.insert(seen, fake.clone());
                return Some(fake);
            }
            let given = self.given.entry(tag).or_default();
            let key = fingerprint(fake.as_bytes());
            match given.get(&key) {
                Some(owner) if *owner != print => continue,
                _ => {
                    given.insert(key, print);
                    if draw > 0 {
                        self.redrawn.insert((tag, print), draw);
                        // What was remembered for this value is its first draw.
                        self.recent.clear();
                    }
                    return Some(fake);
                }
            }
        }
        None
    }

    fn draw(&self, kind: &Kind, value: &str, mac: &[u8; 32], draw: u32) -> String {
        let first = FIRST[mac[0] as usize % FIRST.len()];
        let last = LAST[mac[1] as usize % LAST.len()];
        match kind {
            Kind::Email => format!("{}.{}@example.com", first.to_lowercase(), hex(&mac[2..6])),
            Kind::Handle => format!("{}_{}", first.to_lowercase(), hex(&mac[2..5])),
            // Names are few: past a few draws, a suffix keeps a unique column's apart.
            Kind::Name if draw < 8 => format!("{first} {last}"),
            Kind::Name => format!("{first} {last} {}", hex(&mac[2..4])),
            Kind::Phone => phone(value, mac),
            Kind::Text => filler(value.chars().count(), mac),
            _ => hex(mac),
        }
    }
}

/// The tag a kind's stand-ins are drawn under.
fn tag_of(kind: &Kind) -> &'static str {
    match kind {
        Kind::Email => "email",
        Kind::Handle => "handle",
        Kind::Phone => "phone",
        Kind::Name => "name",
        Kind::Text => "text",
        _ => "hash",
    }
}

/// The tag a kind's stand-ins are drawn under, and the value as it is compared: emails and
/// handles regardless of case, phone numbers by their digits.
fn normalise(kind: &Kind, value: &str) -> (&'static str, String) {
    let normal = match kind {
        Kind::Email => value.trim().to_lowercase(),
        Kind::Handle => value.trim().trim_start_matches('@').to_lowercase(),
        Kind::Phone => value.chars().filter(char::is_ascii_digit).collect(),
        _ => value.to_string(),
    };
    (tag_of(kind), normal)
}

fn fingerprint(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// The number written as it was (separators, a leading +, the count of digits), with other
/// digits.
fn phone(value: &str, mac: &[u8; 32]) -> String {
    let mut digits = mac
        .iter()
        .cycle()
        .flat_map(|b| [b >> 4, b & 15])
        .filter(|d| *d < 10);
    value
        .chars()
        .map(|c| match c.is_ascii_digit() {
            true => char::from(b'0' + digits.next().unwrap_or(0)),
            false => c,
        })
        .collect()
}

/// Words, exactly `chars` characters long.
fn filler(chars: usize, mac: &[u8; 32]) -> String {
    let mut text = String::with_capacity(chars);
    let mut at = mac[0] as usize;
    while text.len() < chars {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(WORDS[at % WORDS.len()]);
        at = at.wrapping_add(mac[at % 32] as usize + 1);
    }
    text.truncate(chars);
    text
}

/// A value's text with every email, @handle and phone number in it, and every handle this
/// copy has met in a handle column written as a bare word, replaced by the stand-in that
/// value gets in its own column.
pub fn scrub(faker: &mut Faker, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut copied = 0;
    while at < bytes.len() {
        let Some((end, kind)) = token(faker, bytes, at) else {
            at += 1;
            continue;
        };
        out.push_str(&text[copied..at]);
        let value = &text[at..end];
        let fake = match (&kind, value.strip_prefix('@')) {
            (Kind::Handle, Some(handle)) => format!(
                "@{}",
                faker.fake(&kind, handle, None, false).unwrap_or_default()
            ),
            _ => faker.fake(&kind, value, None, false).unwrap_or_default(),
        };
        out.push_str(&fake);
        at = end;
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// The personal value starting at `at`, if one does: where it ends, and what it is.
fn token(faker: &Faker, bytes: &[u8], at: usize) -> Option<(usize, Kind)> {
    if at > 0 && is_local(bytes[at - 1]) {
        return None;
    }
    let mut local = at;
    while local < bytes.len() && is_local(bytes[local]) {
        local += 1;
    }
    if bytes.get(local) == Some(&b'@')
        && let Some((start, end)) = email_around(bytes, local)
        && start == at
    {
        return Some((end, Kind::Email));
    }
    match bytes[at] {
        b'@' => handle_at(bytes, at).map(|end| (end, Kind::Handle)),
        b'+' | b'(' | b'0'..=b'9' if let Some(end) = phone_at(bytes, at) => {
            Some((end, Kind::Phone))
        }
        b if is_word(b) => {
            let mut end = at;
            while end < bytes.len() && is_word(bytes[end]) {
                end += 1;
            }
            if end - at < 3 || faker.handles.is_empty() {
                return None;
            }
            let word = std::str::from_utf8(&bytes[at..end]).ok()?;
            let known = match word.bytes().any(|b| b.is_ascii_uppercase()) {
                true => faker
                    .handles
                    .contains(&fingerprint(word.to_ascii_lowercase().as_bytes())),
                false => faker.handles.contains(&fingerprint(word.as_bytes())),
            };
            known.then_some((end, Kind::Handle))
        }
        _ => None,
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_local(b: u8) -> bool {
    is_word(b) || matches!(b, b'.' | b'%' | b'+' | b'-')
}

/// The email whose `@` is at `at`: its start and end.
fn email_around(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut start = at;
    while start > 0 && is_local(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = at + 1;
    while end < bytes.len()
        && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'-' | b'.'))
    {
        end += 1;
    }
    while end > at + 1 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    let domain = &bytes[at + 1..end];
    (start < at && domain.contains(&b'.') && domain.first().is_some_and(u8::is_ascii_alphanumeric))
        .then_some((start, end))
}

/// The end of the @handle whose `@` is at `at`, when one starts there.
fn handle_at(bytes: &[u8], at: usize) -> Option<usize> {
    if at > 0 && (is_word(bytes[at - 1]) || bytes[at - 1] == b'.') {
        return None;
    }
    let mut end = at + 1;
    while end < bytes.len() && is_word(bytes[end]) {
        end += 1;
    }
    (end > at + 1).then_some(end)
}

/// The end of a phone number starting at `at`: 7 to 15 digits with spaces, dots, dashes and
/// parentheses between them; not a date (`2024-01-31`) or a plain number of another length.
fn phone_at(bytes: &[u8], at: usize) -> Option<usize> {
    let mut end = at;
    let mut digits = 0;
    let mut last_digit = at;
    while end < bytes.len() {
        match bytes[end] {
            b'0'..=b'9' => {
                digits += 1;
                last_digit = end + 1;
            }
            b'+' if end == at => {}
            b' ' | b'-' | b'.' | b'(' | b')' => {}
            _ => break,
        }
        end += 1;
    }
    let end = last_digit;
    let text = std::str::from_utf8(&bytes[at..end]).ok()?;
    let separated = text.contains([' ', '-', '.', '(', ')']) || text.starts_with('+');
    let date = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    let after_ok = end == bytes.len() || !is_word(bytes[end]);
    ((7..=15).contains(&digits) && separated && !date && after_ok).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_value_gets_the_same_stand_in_under_one_key_and_another_under_another() {
        let mut one = Faker::new(b"k1");
        let mut two = Faker::new(b"k2");
        let a = one
            .fake(&Kind::Email, "Andrew@Example.com", None, false)
            .unwrap();
        assert_eq!(
            a,
            one.fake(&Kind::Email, "andrew@example.com ", None, true)
                .unwrap()
        );
        assert_ne!(
            a,
            two.fake(&Kind::Email, "andrew@example.com", None, false)
                .unwrap()
        );
        assert!(a.ends_with("@example.com") && !a.contains("andrew"), "{a}");
        assert_eq!(one.fake(&Kind::Hash, "x", None, false).unwrap().len(), 64);
        assert_eq!(
            one.fake(&Kind::Hash, "x", Some(10), false).unwrap().len(),
            10
        );
    }

    #[test]
    fn a_unique_columns_stand_ins_stay_unique_by_drawing_again() {
        let mut faker = Faker::new(b"key");
        let mut seen = HashSet::new();
        for n in 0..3000 {
            let name = faker
                .fake(&Kind::Name, &format!("person {n}"), None, true)
                .unwrap();
            assert!(seen.insert(name.clone()), "{name} given twice");
        }
        // A value redrawn keeps its redrawn stand-in wherever it comes again.
        let again: Vec<String> = (0..3000)
            .map(|n| {
                faker
                    .fake(&Kind::Name, &format!("person {n}"), None, false)
                    .unwrap()
            })
            .collect();
        assert_eq!(again.iter().collect::<HashSet<_>>().len(), 3000);
    }

    #[test]
    fn text_and_phone_keep_their_shape() {
        let mut faker = Faker::new(b"key");
        let text = faker
            .fake(&Kind::Text, "héllo wörld, this is private", None, false)
            .unwrap();
        assert_eq!(
            text.chars().count(),
            "héllo wörld, this is private".chars().count()
        );
        let phone = faker
            .fake(&Kind::Phone, "+1 (555) 010-9999", None, false)
            .unwrap();
        assert_eq!(phone.len(), "+1 (555) 010-9999".len());
        assert!(phone.starts_with("+") && phone.contains(" (") && phone != "+1 (555) 010-9999");
    }

    #[test]
    fn scrub_replaces_emails_handles_and_phones_with_their_own_stand_ins() {
        let mut faker = Faker::new(b"key");
        let email = faker
            .fake(&Kind::Email, "andrew@exampro.co", None, false)
            .unwrap();
        let handle = faker
            .fake(&Kind::Handle, "andrewbrown", None, false)
            .unwrap();
        let phone = faker
            .fake(&Kind::Phone, "555-010-1234", None, false)
            .unwrap();
        let text = "Mail andrew@exampro.co or ping @andrewbrown (andrewbrown), call 555-010-1234 on 2024-01-31!";
        let scrubbed = scrub(&mut faker, text);
        assert_eq!(
            scrubbed,
            format!("Mail {email} or ping @{handle} ({handle}), call {phone} on 2024-01-31!")
        );
        assert_eq!(
            scrub(&mut faker, "no personal data, 42 cats"),
            "no personal data, 42 cats"
        );
    }
}
