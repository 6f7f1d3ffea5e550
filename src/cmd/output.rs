//! Where a command's output goes: standard output, or a file given with `-o` (`-o -` is standard
//! output). A file is checked before anything is read or written — never the store, never
//! anything but a regular file — and replaced whole or not at all.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::Ctx;
use crate::error::{Error, Result};
use crate::msg;
use crate::store::{parent_dir, sibling};

/// Where `-o` sends a command's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// No `-o`, or `-o -`.
    Stdout,
    /// A file: `shown` as the user wrote it, `path` with its links resolved.
    File { shown: PathBuf, path: PathBuf },
}

impl Target {
    /// The target of `-o` (`None` or `-` for standard output), checked with [`checked_file`]
    /// against the store of `ctx`.
    pub fn of(ctx: &Ctx, output: Option<&Path>) -> Result<Target> {
        match output {
            None => Ok(Target::Stdout),
            Some(p) if p.as_os_str() == "-" => Ok(Target::Stdout),
            Some(p) => Ok(Target::File { shown: p.to_path_buf(), path: checked_file(p, &ctx.db_path()?)? }),
        }
    }

    /// Writes `bytes` to the target (a file is replaced, see [`replace_file`]).
    pub fn write_all(&self, out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
        match self {
            Target::Stdout => out.write_all(bytes).map_err(Error::output),
            Target::File { shown, path } => replace_file(path, shown, None, |w| w.write_all(bytes).map_err(|e| cannot_write(shown, e))),
        }
    }
}

/// The error for a file that cannot be written; a missing folder is said as such.
pub(super) fn cannot_write(path: &Path, e: std::io::Error) -> Error {
    let shown = path.display();
    if e.kind() == std::io::ErrorKind::NotFound {
        return Error::Failed(msg!(
            "cannot write {shown}: its folder does not exist",
            "impossible d'écrire {shown}\u{a0}: son dossier n'existe pas"
        ));
    }
    Error::io(msg!("cannot write {shown}", "impossible d'écrire {shown}"), e)
}

/// Checks a file a command is about to write, before anything is read or written, and returns
/// it with its links resolved. Refused (bad input) when it is the store or one of the files
/// SQLite keeps beside it (`-wal`, `-shm`, `-journal`) — by any name: a symbolic or hard link,
/// a relative or absolute path —, a directory, or anything that exists and is not a regular file
/// (a device, a FIFO, a socket, a link to nothing): standard output is `-o -`.
pub fn checked_file(path: &Path, store: &Path) -> Result<PathBuf> {
    let shown = path.display();
    let resolved = match fs::symlink_metadata(path) {
        Err(_) => absolute_in_real_dir(path),
        Ok(_) => {
            let meta = fs::metadata(path).ok();
            if meta.as_ref().is_some_and(fs::Metadata::is_dir) {
                return Err(Error::input(msg!("{shown} is a directory", "{shown} est un répertoire")));
            }
            if !meta.as_ref().is_some_and(fs::Metadata::is_file) {
                return Err(Error::input(msg!(
                    "{shown} is not a regular file (a device, a FIFO, a socket or a link to nothing); nothing was written: to write to standard output, use -o -",
                    "{shown} n'est pas un fichier ordinaire (périphérique, FIFO, socket ou lien vers rien)\u{202f}; rien n'a été écrit\u{a0}: pour écrire sur la sortie standard, utilisez -o -"
                )));
            }
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
    };
    if is_store_file(&resolved, store) {
        return Err(Error::input(msg!(
            "{shown} is the store itself (or one of its files); nothing was written: choose another file",
            "{shown} est la base de données elle-même (ou l'un de ses fichiers)\u{202f}; rien n'a été écrit\u{a0}: choisissez un autre fichier"
        )));
    }
    Ok(resolved)
}

/// `path` made absolute through the real path of its directory (which may not exist).
fn absolute_in_real_dir(path: &Path) -> PathBuf {
    let dir = fs::canonicalize(parent_dir(path)).unwrap_or_else(|_| parent_dir(path).to_path_buf());
    path.file_name().map_or_else(|| path.to_path_buf(), |name| dir.join(name))
}

/// Whether `target` (links resolved) is the store at `store` or a file SQLite keeps beside it:
/// the same file (device and inode) or, for a file that does not exist yet, the same name.
fn is_store_file(target: &Path, store: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let real_store = fs::canonicalize(store).unwrap_or_else(|_| absolute_in_real_dir(store));
    let target_id = fs::metadata(target).ok().map(|m| (m.dev(), m.ino()));
    ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        [sibling(store, suffix), sibling(&real_store, suffix)].iter().any(|file| {
            let same_file = target_id.is_some() && fs::metadata(file).ok().map(|m| (m.dev(), m.ino())) == target_id;
            same_file || absolute_in_real_dir(file) == target
        })
    })
}

/// Writes the regular file `path` (links resolved; `shown` names it in messages) through
/// `write`, whole or not at all: into a new temporary file beside it, with an unpredictable name
/// and never through a link, flushed to disk, then moved over `path`. A failure leaves any
/// earlier file as it was and no temporary file behind. The file keeps an existing file's
/// permissions; a new one gets `mode` (before the umask), or the default mode when `None`.
pub fn replace_file(path: &Path, shown: &Path, mode: Option<u32>, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let fail = |e| cannot_write(shown, e);
    let existing = fs::metadata(path).ok().map(|m| m.permissions());
    let temp = temp_beside(path, mode.unwrap_or(0o666)).map_err(fail)?;
    if let Some(permissions) = existing {
        temp.as_file().set_permissions(permissions).map_err(fail)?;
    } else if let Some(mode) = mode {
        temp.as_file().set_permissions(fs::Permissions::from_mode(mode)).map_err(fail)?;
    }
    let mut w = BufWriter::new(temp);
    write(&mut w)?;
    let temp = w.into_inner().map_err(|e| fail(e.into_error()))?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// A new temporary file beside `path` (`.NAME.XXXXXX.part`), created exclusively with `mode`
/// (before the umask); removed when dropped unless persisted.
pub fn temp_beside(path: &Path, mode: u32) -> std::io::Result<NamedTempFile> {
    use std::os::unix::fs::PermissionsExt;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".part")
        .permissions(fs::Permissions::from_mode(mode))
        .tempfile_in(parent_dir(path))
}
