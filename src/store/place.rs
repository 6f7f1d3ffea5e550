//! Where a store may live. SQLite's WAL journal needs locks and shared memory that every process
//! using the file agrees on; a network file system (NFS, SMB/CIFS and the like) does not give
//! them reliably, and other tools' users lost data keeping SQLite files there. So engage refuses
//! to write a store on one and points to the team store (PostgreSQL), made for sharing.
//!
//! Decisions:
//! - The file system is what `statfs` says (Linux). Elsewhere it is unknown, and allowed.
//! - FUSE is not counted as a network file system: its magic number is the same for sshfs and
//!   for local file systems (ntfs-3g on a USB disk, gocryptfs, encfs), and on one computer the
//!   kernel keeps FUSE locks and shared memory consistent between processes. A store reached
//!   from several computers through sshfs or rclone is the user's risk.
//! - Cluster file systems (GFS2, OCFS2, Lustre) are counted: a store there is meant to be
//!   reached from several computers, which is what the team store is for.
//! - No escape hatch: that a network file system locks correctly is not something a user can
//!   check; a local disk or the team store is always at hand.
//! - Test hook: in a debug build only, `ENGAGE_TEST_FS_TYPE` (a magic number, `0x6969` or
//!   decimal) stands for what `statfs` says, so that the end-to-end tests can play NFS on any
//!   machine. A release build never reads it.

use std::path::Path;

use super::Fault;
use crate::error::{Error, Result};

/// Refuses a store at `path` (which may not exist yet) on a network file system, before anything
/// is created or changed: [`Fault::NetworkFs`].
pub fn refuse_network_fs(path: &Path) -> Result<()> {
    match network_fs(path) {
        Some(fs) => Err(Error::Fault(Fault::NetworkFs { path: path.to_path_buf(), fs })),
        None => Ok(()),
    }
}

/// The name of the network file system `path` is on, if it is on one. For a path that does not
/// exist yet, the file system is that of the nearest directory above it that exists (where it
/// would be created). `None` when it is local or cannot be known.
pub fn network_fs(path: &Path) -> Option<&'static str> {
    f_type(path).and_then(network_fs_name)
}

/// The network file system a `statfs` magic number (`f_type`) names, or `None` for any other.
fn network_fs_name(f_type: u32) -> Option<&'static str> {
    Some(match f_type {
        0x6969 => "NFS",
        0x517B => "SMB",
        0xFF53_4D42 => "CIFS",
        0xFE53_4D42 => "SMB2",
        0x5346_414F | 0x6B41_4653 => "AFS",
        0x7375_7245 => "Coda",
        0x564C => "NCP",
        0x0102_1997 => "9P",
        0x00C3_6400 => "Ceph",
        0x0BD0_0BD0 => "Lustre",
        0x0116_1970 => "GFS2",
        0x7461_636F => "OCFS2",
        _ => return None,
    })
}

/// `statfs`'s `f_type` for `path` or, while it does not exist, the nearest directory above it
/// (`.` for a relative path with no directory left); `None` when it cannot be known.
#[cfg(target_os = "linux")]
fn f_type(path: &Path) -> Option<u32> {
    if cfg!(debug_assertions)
        && let Some(value) = std::env::var_os("ENGAGE_TEST_FS_TYPE")
    {
        return value.to_str().and_then(parse_f_type);
    }
    for place in path.ancestors() {
        let place = if place.as_os_str().is_empty() { Path::new(".") } else { place };
        match rustix::fs::statfs(place) {
            // Every Linux magic number fits in 32 bits; on some targets `f_type` is signed.
            #[allow(clippy::unnecessary_cast)]
            Ok(found) => return Some(found.f_type as u32),
            Err(rustix::io::Errno::NOENT) => continue,
            Err(_) => return None,
        }
    }
    None
}

#[cfg(not(target_os = "linux"))]
fn f_type(_path: &Path) -> Option<u32> {
    None
}

/// A magic number as the test hook takes it: `0x` and hexadecimal digits, or decimal.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn parse_f_type(text: &str) -> Option<u32> {
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_file_systems_are_named() {
        for (magic, name) in [
            (0x6969, "NFS"),
            (0x517B, "SMB"),
            (0xFF53_4D42, "CIFS"),
            (0xFE53_4D42, "SMB2"),
            (0x5346_414F, "AFS"),
            (0x6B41_4653, "AFS"),
            (0x7375_7245, "Coda"),
            (0x564C, "NCP"),
            (0x0102_1997, "9P"),
            (0x00C3_6400, "Ceph"),
            (0x0BD0_0BD0, "Lustre"),
            (0x0116_1970, "GFS2"),
            (0x7461_636F, "OCFS2"),
        ] {
            assert_eq!(network_fs_name(magic), Some(name), "{magic:#x}");
        }
    }

    #[test]
    fn local_file_systems_and_fuse_are_not() {
        // ext4, btrfs, xfs, tmpfs, overlayfs, ecryptfs, FUSE.
        for magic in [0xEF53, 0x9123_683E, 0x5846_5342, 0x0102_1994, 0x794C_7630, 0xF15F, 0x6573_5546, 0] {
            assert_eq!(network_fs_name(magic), None, "{magic:#x}");
        }
    }

    #[test]
    fn the_test_hook_takes_hexadecimal_or_decimal() {
        assert_eq!(parse_f_type("0x6969"), Some(0x6969));
        assert_eq!(parse_f_type("0XFF534D42"), Some(0xFF53_4D42));
        assert_eq!(parse_f_type("26985"), Some(0x6969));
        assert_eq!(parse_f_type("nfs"), None);
        assert_eq!(parse_f_type(""), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_path_not_there_yet_is_on_the_file_system_of_its_nearest_directory() {
        let dir = tempfile::tempdir().unwrap();
        let here = f_type(dir.path());
        assert!(here.is_some());
        assert_eq!(f_type(&dir.path().join("new.db")), here);
        assert_eq!(f_type(&dir.path().join("a/b/new.db")), here);
        assert_eq!(f_type(Path::new("no-such-directory/new.db")), f_type(Path::new(".")));
    }
}
