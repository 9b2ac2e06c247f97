//! Where a command writes: standard output, or the file of `--output`. A closed pipe
//! (`nianbao ... | head`) ends the writing quietly; a file that cannot be written is reported
//! once (exit 2).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

pub struct Out {
    sink: Box<dyn Write>,
    to_file: bool,
    /// The first write error (later writes are skipped).
    pub failed: Option<std::io::Error>,
}

impl Out {
    pub fn stdout() -> Out {
        Out {
            sink: Box::new(BufWriter::new(std::io::stdout())),
            to_file: false,
            failed: None,
        }
    }

    pub fn file(path: &Path) -> std::io::Result<Out> {
        Ok(Out {
            sink: Box::new(BufWriter::new(File::create(path)?)),
            to_file: true,
            failed: None,
        })
    }

    pub fn is_file(&self) -> bool {
        self.to_file
    }

    pub fn write(&mut self, s: &str) {
        if self.failed.is_none() {
            if let Err(e) = self.sink.write_all(s.as_bytes()) {
                self.failed = Some(e);
            }
        }
    }

    /// Hands what was written on (so a batch's output appears as it goes).
    pub fn flush(&mut self) {
        if self.failed.is_none() {
            if let Err(e) = self.sink.flush() {
                self.failed = Some(e);
            }
        }
    }

    /// Flushes; `Err` only for a file (a closed stdout pipe is not an error worth reporting).
    pub fn finish(mut self) -> Result<(), std::io::Error> {
        if self.failed.is_none() {
            if let Err(e) = self.sink.flush() {
                self.failed = Some(e);
            }
        }
        match self.failed {
            Some(e) if self.to_file || e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
            _ => Ok(()),
        }
    }
}
