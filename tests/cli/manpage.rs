//! The committed man page matches the command line it documents.

use std::path::Path;

use clap::CommandFactory;
use cruddur_db::cli::Cli;

/// Where the wheel installs it from (`[tool.maturin] data`): `<prefix>/share/man/man1/`.
const MAN_PAGE: &str = "packaging/data/share/man/man1/cruddur-db.1";

#[test]
fn committed_man_page_matches_the_command_line() {
    let mut page = Vec::new();
    // The package version only: the commit in `--version` would make every commit stale.
    clap_mangen::Man::new(Cli::command().version(env!("CARGO_PKG_VERSION")))
        .render(&mut page)
        .expect("render the man page");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(MAN_PAGE);
    if std::env::var_os("CRUDDUR_UPDATE_COMPLETIONS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &page).unwrap();
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == page,
        "{} is stale: regenerate with `CRUDDUR_UPDATE_COMPLETIONS=1 cargo test completions man_page` and commit it",
        path.display()
    );
    let text = String::from_utf8_lossy(&page);
    for section in ["setup", "migrate", "snapshot", "PROD_CONNECTION_URL"] {
        assert!(
            text.contains(section),
            "the man page says nothing of {section}"
        );
    }
}
