//! The code's layers hold: nothing below `commands/` reaches up into it, and nothing but the
//! configuration reads the environment.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Each source file below `src/` with its path relative to it.
fn source_files() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    sources(&src, &mut found);
    found
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(&src).unwrap().display().to_string();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

#[test]
fn nothing_below_commands_imports_commands() {
    let reaching_up: Vec<String> = source_files()
        .into_iter()
        .filter(|(name, _)| !name.starts_with("commands/") && name != "lib.rs")
        .filter(|(_, text)| text.contains("crate::commands"))
        .map(|(name, _)| name)
        .collect();
    assert!(
        reaching_up.is_empty(),
        "these import commands/: {reaching_up:?}"
    );
}

#[test]
fn only_the_configuration_reads_the_environment() {
    let reading: Vec<String> = source_files()
        .into_iter()
        .filter(|(name, _)| !name.starts_with("config/"))
        .filter(|(_, text)| {
            // Unit tests may make temp dirs; only the code above them counts.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            ["env::var", "env::current_dir", "env::vars"]
                .iter()
                .any(|call| code.contains(call))
        })
        .map(|(name, _)| name)
        .collect();
    assert!(
        reading.is_empty(),
        "these read the environment: {reading:?}"
    );
}

#[test]
fn the_database_layer_never_imports_aws() {
    let reaching: Vec<String> = source_files()
        .into_iter()
        .filter(|(name, _)| name.starts_with("db/"))
        .filter(|(_, text)| text.contains("crate::aws"))
        .map(|(name, _)| name)
        .collect();
    assert!(reaching.is_empty(), "these import aws/: {reaching:?}");
}

#[test]
fn a_command_imports_no_other_command() {
    // A file right under commands/ is a command: it reaches nothing through `super`. A
    // command's folder (commands/migrate/) holds its parts, which reach their own mod.rs only.
    let reaching: Vec<String> = source_files()
        .into_iter()
        .filter(|(name, _)| name.starts_with("commands/") && name != "commands/mod.rs")
        .filter(|(name, text)| {
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let folder = name.matches('/').count() == 2;
            match folder {
                true => code.contains("super::super::"),
                false => code.contains("super::"),
            }
        })
        .map(|(name, _)| name)
        .collect();
    assert!(
        reaching.is_empty(),
        "these reach another command: {reaching:?}"
    );
}

#[test]
fn the_modules_below_commands_import_each_other_in_one_direction() {
    // Module A depends on module B when a file of A names `crate::B`; no two depend on each
    // other, however indirectly.
    let mut depends: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for (name, text) in source_files() {
        let module = name
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if matches!(module.as_str(), "lib" | "main" | "commands") {
            continue;
        }
        let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
        let mut named: Vec<String> = code
            .split("crate::")
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect()
            })
            .collect();
        // `use crate::{a, b::c}` names each.
        for group in code.split("crate::{").skip(1) {
            let group = group.split('}').next().unwrap_or("");
            named.extend(
                group
                    .split(',')
                    .map(|part| part.trim().split("::").next().unwrap_or("").to_string()),
            );
        }
        let entry = depends.entry(module.clone()).or_default();
        entry.extend(named.into_iter().filter(|n| !n.is_empty() && *n != module));
    }
    let reaches = |from: &str, to: &str| {
        let mut seen = std::collections::BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(module) = stack.pop() {
            if module == to {
                return true;
            }
            if seen.insert(module.clone()) {
                stack.extend(depends.get(&module).into_iter().flatten().cloned());
            }
        }
        false
    };
    let circles: Vec<(String, String)> = depends
        .iter()
        .flat_map(|(a, bs)| bs.iter().map(move |b| (a.clone(), b.clone())))
        .filter(|(a, b)| a < b && depends.contains_key(b) && reaches(b, a) && reaches(a, b))
        .collect();
    assert!(
        circles.is_empty(),
        "these modules import each other: {circles:?}"
    );
}

#[test]
fn no_source_file_grows_past_600_lines() {
    // A file that long holds more than one job: split it along them.
    let long: Vec<String> = source_files()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 600)
        .map(|(name, text)| format!("{name} ({} lines)", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "split these along their jobs: {long:?}");
}
