//! A pseudo-terminal (util-linux `script`) that a test types into once the screen shows what it
//! waits for, as a person at a prompt would: waits are on the screen's text, never the clock.

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a screen may take to show what a test waits for before the test fails.
const PATIENCE: Duration = Duration::from_secs(60);

pub struct Terminal {
    child: Child,
    keyboard: Option<ChildStdin>,
    screen: Arc<Mutex<String>>,
}

impl Terminal {
    /// Run the shell command `line` in a pseudo-terminal; `script` is a `script` command
    /// prepared with the environment and directory the test wants.
    pub fn run(mut script: Command, line: &str) -> Terminal {
        let mut child = script
            .args(["-q", "-e", "-c", line, "/dev/null"])
            .env("TERM", "xterm")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("util-linux `script` provides the pseudo-terminal");
        let screen = Arc::new(Mutex::new(String::new()));
        let mut output = child.stdout.take().unwrap();
        let shown = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(read @ 1..) = output.read(&mut buffer) {
                shown
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..read]));
            }
        });
        Terminal {
            keyboard: child.stdin.take(),
            child,
            screen,
        }
    }

    /// Wait until the screen shows `text` after `shown` bytes of it.
    pub fn wait_for(&self, text: &str, shown: usize) -> usize {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if let Some(at) = screen.get(shown..).and_then(|rest| rest.find(text)) {
                return shown + at + text.len();
            }
            assert!(
                Instant::now() < deadline,
                "the terminal never showed {text:?}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Type `keys` (`\r` is Enter, `\x03` Ctrl-C).
    pub fn type_keys(&mut self, keys: &[u8]) {
        let keyboard = self.keyboard.as_mut().unwrap();
        keyboard.write_all(keys).unwrap();
        keyboard.flush().unwrap();
    }

    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().clone()
    }
}

/// A test that fails while the command waits at a prompt must not leave it waiting: it would
/// hold the test run's output open.
impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Terminal {
    /// Wait for the command to end (the keyboard stays connected until then, so nothing is
    /// cut short by an end of input) and give its exit status and the whole screen.
    pub fn finish(mut self) -> (ExitStatus, String) {
        let status = self.child.wait().unwrap();
        drop(self.keyboard.take());
        // The reader thread has the last bytes once `script` has exited and closed its output.
        let deadline = Instant::now() + Duration::from_secs(5);
        while Arc::strong_count(&self.screen) > 1 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        (status, self.screen())
    }
}
