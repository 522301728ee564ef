//! Server notices of one connection: printed as they arrive, unless a listener takes them so it
//! can say which statement of a file raised them.

use std::sync::{Arc, Mutex};

use tokio::sync::{mpsc, oneshot};
use tokio_postgres::error::DbError;

use crate::ui;

/// A notice handed to a listener. The connection reads nothing more from the server until this
/// is dropped, so everything the server sent before the notice is already waiting for the
/// listener, and nothing after it: that is what makes the statement attribution exact.
pub struct Heard {
    pub notice: DbError,
    _resume: oneshot::Sender<()>,
}

#[derive(Clone, Default)]
pub struct Notices(Arc<Mutex<Option<mpsc::UnboundedSender<Heard>>>>);

impl Notices {
    /// Take this connection's notices until the listener is dropped.
    pub fn listen(&self) -> Listener {
        let (sender, receiver) = mpsc::unbounded_channel();
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(sender);
        Listener {
            receiver,
            notices: self.clone(),
        }
    }

    /// Called by the connection's task for each notice.
    pub(super) async fn deliver(&self, notice: DbError) {
        let listener = self.0.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let notice = match listener {
            Some(sender) => {
                let (resume, resumed) = oneshot::channel();
                match sender.send(Heard {
                    notice,
                    _resume: resume,
                }) {
                    Ok(()) => {
                        // Err only means the listener dropped it, which also resumes.
                        let _ = resumed.await;
                        return;
                    }
                    Err(unheard) => unheard.0.notice,
                }
            }
            None => notice,
        };
        ui::server_notice(None, notice.severity(), notice.message());
    }
}

/// Takes the notices of one connection. While it exists, every wait on that connection must also
/// poll [`Listener::recv`]: the connection waits for each notice to be heard.
pub struct Listener {
    receiver: mpsc::UnboundedReceiver<Heard>,
    notices: Notices,
}

impl Listener {
    pub async fn recv(&mut self) -> Option<Heard> {
        self.receiver.recv().await
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        *self.notices.0.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}
