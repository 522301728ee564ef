//! `connect`: replace this process with psql on the target database.

use std::os::unix::process::CommandExt;
use std::process::Command;

use anyhow::Result;

use crate::context::RunContext;
use crate::db::conninfo::Source;
use crate::error::{Exit, Fail};
use crate::ui;

pub async fn run(ctx: &RunContext, psql_args: &[String]) -> Result<()> {
    let target = ctx.target()?;
    let conn = &target.conn;
    let mut psql = Command::new("psql");
    // Everything but the password as a keyword/value string psql reads exactly as we did; the
    // password goes in the child's environment, since a command line is visible to every user
    // in `ps`. One from a password file psql finds there itself, per host.
    psql.arg(conn.libpq_string()).args(psql_args);
    let host = conn.first_host();
    match (&target.iam, conn.password_for(host)) {
        // psql tries the hosts in turn with one PGPASSWORD: the first host's token.
        (Some(iam), _) => {
            let token = iam.password(&host.name(), host.port, conn.user()).await?;
            psql.env("PGPASSWORD", token);
        }
        (None, Some(password)) if !matches!(password.source, Source::PassFile { .. }) => {
            psql.env("PGPASSWORD", password.value);
        }
        _ => {}
    }
    ui::verbose(format_args!(
        "exec psql {} {}",
        conn.libpq_string(),
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
