//! A started process whose stderr a test reads line by line as it comes, to act when the
//! process says it got somewhere ("waiting for it", "attempt 1 got no lock") instead of after
//! a guessed delay.

use std::io::BufRead;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// How long a process may take to say what a test waits for before the test fails.
const PATIENCE: Duration = Duration::from_secs(60);

pub struct Running {
    child: Child,
    lines: Receiver<String>,
    said: Vec<String>,
}

impl Running {
    /// Start `command` with its stderr read line by line.
    pub fn start(mut command: Command) -> Running {
        let mut child = command
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the process");
        let (send, lines) = channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                let _ = send.send(line);
            }
        });
        Running {
            child,
            lines,
            said: Vec::new(),
        }
    }

    /// Wait until the process writes a line holding `text` to stderr.
    pub fn wait_for(&mut self, text: &str) {
        loop {
            match self.lines.recv_timeout(PATIENCE) {
                Ok(line) => {
                    let found = line.contains(text);
                    self.said.push(line);
                    if found {
                        return;
                    }
                }
                Err(_) => panic!(
                    "the process never said {text:?}; it said:\n{}",
                    self.said.join("\n")
                ),
            }
        }
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Send `signal` to the process.
    pub fn signal(&self, signal: i32) {
        // SAFETY: kill(2) on a child this test started; no memory is involved.
        unsafe { libc::kill(self.pid(), signal) };
    }

    /// Wait for the process to end: its exit status and everything it wrote to stderr.
    pub fn finish(mut self) -> (ExitStatus, String) {
        let status = self.child.wait().unwrap();
        self.said.extend(self.lines.iter());
        (status, self.said.join("\n"))
    }
}
