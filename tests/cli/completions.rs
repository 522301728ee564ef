//! The committed completion scripts match what the binary generates.

use std::path::Path;

use crate::harness::Project;

const SHELLS: &[(&str, &str)] = &[
    ("bash", "cruddur-db.bash"),
    ("zsh", "_cruddur-db"),
    ("fish", "cruddur-db.fish"),
    ("powershell", "_cruddur-db.ps1"),
    ("elvish", "cruddur-db.elv"),
];

#[test]
fn committed_completions_match_the_binary() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("CRUDDUR_UPDATE_COMPLETIONS").is_some();
    for (shell, file) in SHELLS {
        let output = Project::new()
            .cruddur()
            .args(["completions", shell])
            .assert()
            .success()
            .get_output()
            .clone();
        let path = dir.join(file);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &output.stdout).unwrap();
            continue;
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == output.stdout,
            "{} is stale: regenerate with `CRUDDUR_UPDATE_COMPLETIONS=1 cargo test completions` and commit it",
            path.display()
        );
    }
}
