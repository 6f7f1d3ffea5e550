//! Writing what a command produces: to standard output, or to a file given with `-o`, which is
//! replaced whole or not at all.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::msg;

/// Writes `bytes` to `path` (see [`replace_file`]), or to `out` when there is no path.
pub fn write_output(path: Option<&Path>, out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
    match path {
        Some(p) => replace_file(p, |w| w.write_all(bytes).map_err(|e| cannot_write(p, e))),
        None => out.write_all(bytes).map_err(Error::output),
    }
}

fn cannot_write(path: &Path, e: std::io::Error) -> Error {
    let shown = path.display();
    Error::io(msg!("cannot write {shown}", "impossible d'écrire {shown}"), e)
}

/// `FILE.part-PID`, beside `path`.
pub fn part_of(path: &Path) -> PathBuf {
    let mut part = path.as_os_str().to_owned();
    part.push(format!(".part-{}", std::process::id()));
    PathBuf::from(part)
}

/// Writes the file at `path` through `write`, whole or not at all when it is a regular file or
/// does not exist yet: into [`part_of`] it, flushed to disk, given the old file's permissions,
/// then renamed over it, so that a failure leaves any earlier file as it was and no partial
/// file behind. Anything else (a symbolic link, a device such as `/dev/stdout`, a FIFO) is
/// written in place.
pub fn replace_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let fail = |e| cannot_write(path, e);
    let existing = std::fs::symlink_metadata(path).ok();
    if existing.as_ref().is_some_and(|m| !m.file_type().is_file()) {
        let file = OpenOptions::new().write(true).truncate(true).open(path).map_err(fail)?;
        let mut w = BufWriter::new(file);
        write(&mut w)?;
        return w.flush().map_err(fail);
    }
    let part = part_of(path);
    let written = (|| {
        let file = File::create(&part).map_err(fail)?;
        if let Some(m) = &existing {
            file.set_permissions(m.permissions()).map_err(fail)?;
        }
        let mut w = BufWriter::new(file);
        write(&mut w)?;
        let file = w.into_inner().map_err(|e| fail(e.into_error()))?;
        file.sync_all().map_err(fail)?;
        std::fs::rename(&part, path).map_err(fail)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    written
}
