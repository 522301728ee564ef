//! `completions SHELL`: print a completion script generated from the clap definition.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::ui;

pub fn run(shell: clap_complete::Shell) -> Result<()> {
    // clap_complete panics when its writer fails; a buffer cannot, and ui reports a closed
    // stdout properly.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "cruddur-db", &mut script);
    ui::raw(&script)
}
