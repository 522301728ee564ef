//! The only printer: status, notice and error lines on stderr; tables, JSON and echoes on stdout.

use std::fmt::Display;
use std::io::{IsTerminal, Write};
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::Context;
use colored::Colorize;

use crate::error::StdoutClosed;

/// How much the user asked to hear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

static VERBOSITY: OnceLock<Verbosity> = OnceLock::new();

/// Decide colour and verbosity once, before anything is printed.
pub fn init(color: bool, verbosity: Verbosity) {
    colored::control::set_override(color);
    let _ = VERBOSITY.set(verbosity);
}

fn verbosity() -> Verbosity {
    *VERBOSITY.get().unwrap_or(&Verbosity::Normal)
}

fn line(text: impl Display) {
    // A closed stderr (e.g. `2>&-`) must not turn into a panic.
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// `== label message`, the cyan line the old scripts printed for each step.
pub fn status(label: &str, message: impl Display) {
    if verbosity() >= Verbosity::Normal {
        line(format_args!(
            "{} {message}",
            format!("== {label}").cyan().bold()
        ));
    }
}

/// A status line for a finished step, with how long it took.
pub fn done(label: &str, message: impl Display, elapsed: Duration) {
    status(
        label,
        format_args!("{message} {}", format_elapsed(elapsed).dimmed()),
    );
}

/// A checklist line (`doctor`): a green tick or red cross, the step, what was found, how long
/// it took, and for a failure the hint.
pub fn check(ok: bool, step: &str, detail: &str, elapsed: Duration, hint: Option<&str>) {
    let mark = if ok {
        "✔".green().bold()
    } else {
        "✘".red().bold()
    };
    line(format_args!(
        "{mark} {:<15} {detail} {}",
        step.bold(),
        format_elapsed(elapsed).dimmed()
    ));
    if let Some(hint) = hint {
        line(format_args!("  {} {hint}", "hint:".green().bold()));
    }
}

/// Something the user should know that does not stop the command (an unsafe password file).
pub fn warn(message: impl Display) {
    line(format_args!("{} {message}", "warning:".yellow().bold()));
}

/// A secondary line under a status line (paths, counts).
pub fn note(message: impl Display) {
    if verbosity() >= Verbosity::Normal {
        line(format_args!("   {message}"));
    }
}

/// One line of a diff's summary (`+ table public.posts`), green, yellow or red by its sign.
pub fn change(text: &str) {
    if verbosity() >= Verbosity::Normal {
        let painted = match text.chars().next() {
            Some('+') => text.green(),
            Some('-') => text.red(),
            _ => text.yellow(),
        };
        line(painted);
    }
}

/// A report that explains a refusal (lint findings): shown whatever the verbosity.
pub fn report(text: impl Display) {
    line(text);
}

/// Only with `--verbose`: what is being sent where.
pub fn verbose(message: impl Display) {
    if verbosity() >= Verbosity::Verbose {
        line(message.to_string().dimmed());
    }
}

/// A server NOTICE or WARNING, dimmed so it reads as secondary; `at` is the file and line of
/// the statement that raised it (`sql/schema.sql:12`), as psql prints it.
pub fn server_notice(at: Option<&dyn Display>, severity: &str, message: impl Display) {
    if verbosity() >= Verbosity::Normal {
        let text = match at {
            Some(at) => format!("{at}: {severity}: {message}"),
            None => format!("{severity}: {message}"),
        };
        line(text.dimmed());
    }
}

/// The final report of a failed command: the whole cause chain, then the hint.
pub fn error(err: &anyhow::Error, hint: &str) {
    line(format_args!("{} {err:#}", "error:".red().bold()));
    line(format_args!("{} {hint}", "hint:".green().bold()));
}

/// A source line under its number with `width` carets from `column` (1-based, in characters),
/// as compilers show where a problem is. Tabs stay tabs so the carets line up.
pub fn excerpt(line: u64, source: &str, column: u64, width: usize) -> String {
    let gutter = line.to_string().len();
    let pad: String = source
        .chars()
        .take(column.saturating_sub(1) as usize)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    format!(
        " {line} | {source}\n {:gutter$} | {pad}{}",
        "",
        "^".repeat(width.max(1))
    )
}

/// Bytes as people read them.
pub fn size(bytes: i64) -> String {
    let kib = bytes as f64 / 1024.0;
    if kib < 1024.0 {
        format!("{kib:.0} KiB")
    } else if kib < 1024.0 * 1024.0 {
        format!("{:.1} MiB", kib / 1024.0)
    } else {
        format!("{:.1} GiB", kib / (1024.0 * 1024.0))
    }
}

/// Output that `\echo` in a SQL file asks for: stdout, like psql.
pub fn echo(text: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// A left-aligned text table on stdout: `columns` are (header, widest it may be on a terminal).
/// Columns are as wide as their widest cell, and left out when empty in every row. On a
/// terminal each is cut to its limit and the last to the width left, so rows never wrap;
/// piped, nothing is cut, so the file holds every character.
pub fn table(columns: &[(&str, usize)], rows: &[Vec<String>]) -> anyhow::Result<()> {
    // A column no row has anything in only takes room from the last one.
    let shown: Vec<usize> = (0..columns.len())
        .filter(|&i| rows.is_empty() || rows.iter().any(|row| !row[i].is_empty()))
        .collect();
    let out = std::io::stdout();
    let terminal = out.is_terminal();
    let mut widths: Vec<usize> = shown
        .iter()
        .map(|&i| {
            let widest = rows.iter().map(|row| row[i].chars().count());
            let width = widest.chain([columns[i].0.len()]).max().unwrap_or(0);
            if terminal {
                width.min(columns[i].1.max(columns[i].0.len()))
            } else {
                width
            }
        })
        .collect();
    if terminal {
        let screen = console::Term::stdout()
            .size_checked()
            .map_or(80, |(_, c)| c as usize);
        let used: usize = widths.iter().rev().skip(1).map(|w| w + 2).sum();
        if let Some(last) = widths.last_mut() {
            *last = (*last).min(screen.saturating_sub(used).max(10));
        }
    }
    let render = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, &width)| format!("{:<width$}", cut(cell, width)))
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    let headers = shown.iter().map(|&i| columns[i].0).collect();
    to_stdout(|out| {
        writeln!(out, "{}", render(headers).bold())?;
        for row in rows {
            writeln!(
                out,
                "{}",
                render(shown.iter().map(|&i| row[i].as_str()).collect())
            )?;
        }
        Ok(())
    })
}

/// Write data to stdout. A reader that went away (`| head`) becomes [`StdoutClosed`], which
/// ends the command quietly; any other failure is an error.
fn to_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Err(StdoutClosed.into()),
        Err(err) => Err(anyhow::Error::new(err).context("could not write to stdout")),
    }
}

/// Bytes made elsewhere (a completion script), as they are.
pub fn raw(bytes: &[u8]) -> anyhow::Result<()> {
    to_stdout(|out| out.write_all(bytes))
}

/// At most `max` characters, the last one an ellipsis when something was cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars()
            .take(max.saturating_sub(1))
            .chain(['…'])
            .collect()
    }
}

/// Start a redraw (`--watch`): clear the terminal and go to its top; piped, a blank line.
pub fn clear_screen() -> anyhow::Result<()> {
    let terminal = std::io::stdout().is_terminal();
    to_stdout(|out| {
        if terminal {
            write!(out, "\x1b[2J\x1b[H")
        } else {
            writeln!(out)
        }
    })
}

/// Pretty JSON on stdout.
pub fn json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value).context("could not render JSON")?;
    to_stdout(|out| writeln!(out, "{text}"))
}

/// Whether a prompt can be answered: dialoguer draws on stderr and reads keys from the terminal.
pub fn can_prompt() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Ask for a line of text; an empty answer is allowed (and means "no" to every caller).
pub async fn prompt(question: String) -> anyhow::Result<String> {
    // dialoguer blocks on the terminal; keep it off the runtime so Ctrl-C is still noticed.
    let answer = tokio::task::spawn_blocking(move || {
        dialoguer::Input::<String>::new()
            .with_prompt(question)
            .allow_empty(true)
            .interact_text()
    })
    .await?;
    match answer {
        Ok(text) => Ok(text),
        Err(dialoguer::Error::IO(err)) if err.kind() == std::io::ErrorKind::Interrupted => {
            Err(crate::error::Fail::new(
                crate::error::Exit::Interrupted,
                "interrupted at the prompt; nothing was done",
            )
            .hint("nothing was sent to the server; run the command again to be asked again")
            .into())
        }
        Err(err) => {
            Err(anyhow::Error::new(err).context("could not read the answer from the terminal"))
        }
    }
}

/// Undo what an interrupted prompt may have left: a hidden cursor.
pub fn restore_terminal() {
    if std::io::stderr().is_terminal() {
        let _ = write!(std::io::stderr(), "\x1b[?25h");
    }
}

pub fn format_elapsed(elapsed: Duration) -> String {
    let ms = elapsed.as_secs_f64() * 1000.0;
    if ms < 1000.0 {
        format!("({ms:.0} ms)")
    } else {
        format!("({:.2} s)", ms / 1000.0)
    }
}

/// A progress bar over the bytes of a file, for loads long enough to wonder about. Drawn on
/// stderr only when it is a terminal and the file is big; otherwise every call does nothing.
pub struct Progress(Option<indicatif::ProgressBar>);

/// Smaller files load in about a second, too fast for a bar to help.
const PROGRESS_MIN_BYTES: u64 = 8 * 1024 * 1024;

impl Progress {
    pub fn bytes(total: u64) -> Progress {
        let wanted = total >= PROGRESS_MIN_BYTES
            && verbosity() == Verbosity::Normal
            && std::io::stderr().is_terminal();
        Progress(wanted.then(|| {
            let bar = indicatif::ProgressBar::new(total);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "   {bar:30} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        }))
    }

    /// A bar over `total` rows of `what`, on a terminal only, whatever the count.
    pub fn rows(total: u64, what: &str) -> Progress {
        let wanted = verbosity() == Verbosity::Normal && std::io::stderr().is_terminal();
        Progress(wanted.then(|| {
            let bar = indicatif::ProgressBar::new(total).with_message(what.to_string());
            bar.set_style(
                indicatif::ProgressStyle::with_template("   {msg:32} {bar:30} {pos}/{len} rows")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        }))
    }

    /// A spinner with `message` while something is awaited, on a terminal only.
    pub fn spinner(message: impl Into<String>) -> Progress {
        let wanted = verbosity() == Verbosity::Normal && std::io::stderr().is_terminal();
        Progress(wanted.then(|| {
            let spinner = indicatif::ProgressBar::new_spinner().with_message(message.into());
            spinner.enable_steady_tick(Duration::from_millis(120));
            spinner
        }))
    }

    /// A status line printed above the spinner or bar, which keeps going under it.
    pub fn status(&self, label: &str, message: impl Display) {
        match &self.0 {
            Some(bar) => bar.suspend(|| status(label, message)),
            None => status(label, message),
        }
    }

    /// What the spinner says beside itself (a terminal only: elsewhere nothing).
    pub fn message(&self, text: impl Into<String>) {
        if let Some(bar) = &self.0 {
            bar.set_message(text.into());
        }
    }

    pub fn set(&self, done: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(done);
        }
    }

    /// Where the bar is, and what it says beside itself.
    pub fn set_with(&self, done: u64, message: String) {
        if let Some(bar) = &self.0 {
            bar.set_position(done);
            bar.set_message(message);
        }
    }

    /// Stop at `done`, saying `message`, and leave the bar on the screen: what was done, kept.
    pub fn done(&self, done: u64, message: String) {
        if let Some(bar) = &self.0 {
            bar.set_position(done);
            bar.finish_with_message(message);
            // The finished bar stays; what follows starts on a line of its own.
            eprintln!();
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
