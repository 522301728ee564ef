//! Entry point: load `.env`, parse the command line, run it, map failure to an exit code.

use std::process::ExitCode;

use clap::Parser;
use cruddur_db::cli::Cli;

fn main() -> ExitCode {
    cruddur_db::crash::install_hook();
    let result = cruddur_db::config::load_dotenv().and_then(|_| cruddur_db::run(Cli::parse()));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => cruddur_db::report(&err),
    }
}
