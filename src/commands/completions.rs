//! `completions SHELL`: print a completion script generated from the clap definition.

use clap::CommandFactory;

use crate::cli::Cli;

pub fn run(shell: clap_complete::Shell) {
    clap_complete::generate(
        shell,
        &mut Cli::command(),
        "cruddur-db",
        &mut std::io::stdout(),
    );
}
