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
        .filter(|(name, _)| name != "config.rs")
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
