//! `connect`: replace this process with psql on the target database.

use std::os::unix::process::CommandExt;
use std::process::Command;

use anyhow::Result;

use crate::config::Config;
use crate::error::{Exit, Fail};
use crate::ui;

pub fn run(config: &Config, psql_args: &[String]) -> Result<()> {
    let target = config.target()?;
    let mut psql = Command::new("psql");
    // The password goes in the child's environment: a command line is visible to every user in `ps`.
    psql.arg(target.url.without_password()).args(psql_args);
    if let Some(password) = target.url.password() {
        psql.env("PGPASSWORD", password);
    }
    ui::verbose(format_args!(
        "exec psql {} {}",
        target.url.without_password(),
        psql_args.join(" ")
    ));
    let err = psql.exec();
    let fail = if err.kind() == std::io::ErrorKind::NotFound {
        Fail::new(Exit::Failure, "psql is not installed or not on PATH").hint(
            "install the PostgreSQL client: `apt-get install postgresql-client` (Debian/Ubuntu) or `brew install libpq` (macOS)",
        )
    } else {
        Fail::new(Exit::Failure, format!("could not start psql: {err}"))
    };
    Err(fail.into())
}
