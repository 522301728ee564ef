//! cruddur-db: Cruddur's database chores (create, drop, schema-load, seed, sessions, setup) as one
//! binary. `run` executes a parsed command line; `report` turns a failure into its exit code.

mod aws;
mod check;
mod chores;
pub mod cli;
mod clock;
mod commands;
pub mod config;
mod context;
mod copy;
pub mod crash;
mod db;
mod docs;
mod erd;
mod error;
mod failure;
mod guard;
mod inspect;
mod migrate;
mod rebuild;
mod redact;
mod schema;
mod script;
mod signals;
mod snapshot_first;
mod ui;
mod yes_no;

/// The SQL splitter, public for the fuzz target and property tests.
#[doc(hidden)]
pub use script::lexer;

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command};
use crate::commands::{
    completions, connect, create, doctor, drop, kill, load, sessions, setup, snapshot, templates,
};
use crate::config::Config;
use crate::context::RunContext;
use crate::error::{Exit, Fail, StdoutClosed};
use crate::signals::Stop;

pub fn run(cli: Cli) -> Result<()> {
    crash::panic_if_asked();
    let ctx = RunContext::new(
        Config::resolve(&cli.global)?,
        snapshot_first::asked(&cli.command),
    );
    ui::init(ctx.color, ctx.verbosity);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?;
    let result = runtime.block_on(async {
        let stop = signals::listen()?;
        tokio::select! {
            result = dispatch(&ctx, &cli.command) => result,
            stop = stop => match (stop, &cli.command) {
                // `sessions --watch` and `check --watch` run until Ctrl-C: that is their
                // normal end, not a failure.
                (Stop::Interrupt, Command::Sessions(args)) if args.watch.is_some() => Ok(()),
                (Stop::Interrupt, Command::Check(args)) if args.watch => {
                    schema::source::remove_scratch().await;
                    Ok(())
                }
                (stop, _) => Err(stopped(stop).await),
            },
        }
    });
    // Do not wait for a prompt still blocked reading the terminal after Ctrl-C.
    runtime.shutdown_background();
    result
}

/// Ctrl-C, SIGTERM or SIGHUP: cancel what the server is running, then leave; closing the
/// connections makes the server roll back their open transactions.
async fn stopped(stop: Stop) -> anyhow::Error {
    let cancelled = db::cancel_running().await > 0;
    schema::source::remove_scratch().await;
    if let Some(note) = snapshot_first::stopped_note() {
        return Fail::new(stop.exit(), stop.describe()).hint(note).into();
    }
    let hint = match (migrate::stopped_note(), cancelled) {
        // A migration says itself what its transaction (or the lack of one) left.
        (Some(note), true) => format!("the running statement was cancelled; {note}"),
        (Some(note), false) => note,
        (None, true) => "the running statement was cancelled and its transaction rolled back; steps that had finished stay done".to_string(),
        (None, false) => "nothing was running on the server".to_string(),
    };
    // A rebuild says itself what became of the database.
    let hint = match (
        rebuild::stopped_note(),
        migrate::stopped_note().is_none() && cancelled,
    ) {
        (Some(note), true) => format!("the running statement was cancelled; {note}"),
        (Some(note), false) => format!("{hint}; {note}"),
        (None, _) => hint,
    };
    Fail::new(stop.exit(), stop.describe()).hint(hint).into()
}

async fn dispatch(ctx: &RunContext, command: &Command) -> Result<()> {
    guard::confirm(ctx, command).await?;
    match command {
        Command::Connect { psql_args } => connect::run(ctx, psql_args).await,
        Command::Create(args) => create::run(ctx, args).await,
        Command::Drop(args) => drop::run(ctx, args).await,
        Command::SchemaLoad(args) => load::schema_load(ctx, args).await,
        Command::Seed(args) => load::seed(ctx, args).await,
        Command::Sessions(args) => sessions::run(ctx, args).await,
        Command::Kill(args) => kill::run(ctx, args).await,
        Command::Doctor(args) => doctor::run(ctx, args).await,
        Command::Inspect(args) => commands::inspect::run(ctx, args).await,
        Command::Dump(args) => commands::dump::run(ctx, args).await,
        Command::Diff(args) => commands::diff::run(ctx, args).await,
        Command::Check(args) => commands::check::run(ctx, args).await,
        Command::Erd(args) => commands::erd::run(ctx, args).await,
        Command::Docs(args) => commands::docs::run(ctx, args).await,
        Command::Setup(args) => setup::run(ctx, args).await,
        Command::Copy(args) => commands::copy::run(ctx, args).await,
        Command::Templates(args) => templates::run(ctx, args).await,
        Command::Snapshot { action } => snapshot::run(ctx, action).await,
        Command::Migrate(args) => commands::migrate::run(ctx, args).await,
        Command::Rds(args) => commands::rds::run(ctx, args).await,
        Command::Completions { shell } => completions::run(*shell),
    }
}

/// Print a failure (cause chain, then hint) and give its exit code.
pub fn report(err: &anyhow::Error) -> ExitCode {
    if err.downcast_ref::<StdoutClosed>().is_some() {
        return ExitCode::SUCCESS;
    }
    let (exit, hint) = failure::classify(err);
    if matches!(exit, Exit::Interrupted | Exit::Terminated | Exit::HungUp) {
        ui::restore_terminal();
    }
    ui::error(err, hint);
    ExitCode::from(exit as u8)
}
