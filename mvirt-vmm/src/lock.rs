//! One daemon per state directory.
//!
//! Two daemons on one state would both adopt the VMs, and the first, still
//! running unseen, would power off the second's VMs at its SIGTERM. The
//! first daemon takes an exclusive `flock` on `<state_dir>/.lock` and holds
//! it for its life (the kernel drops it when the process ends, however it
//! ends); a second one fails to take it and refuses to start, naming the
//! holder's pid, which the holder writes into the file. On a read-only
//! file system the lock is taken on the file opened read-only (or on the
//! directory), and no pid is written.

use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rustix::fs::{flock, FlockOperation};

pub use crate::vms::LOCK_FILE;

/// The held lock; released when dropped (or when the process ends).
#[derive(Debug)]
pub struct StateLock {
    _file: std::fs::File,
    pub path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another mvirt-vmm (pid {holder}) serves the state in {dir}; stop it first, \
         or give this one another --state-dir"
    )]
    Held { dir: PathBuf, holder: String },
    #[error("locking {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl StateLock {
    /// Takes the lock of `state_dir` (made if absent), or says who has it.
    pub fn acquire(state_dir: &Path) -> Result<StateLock, LockError> {
        let path = state_dir.join(LOCK_FILE);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(state_dir).map_err(io)?;
        let opened = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open(&path);
        let (mut file, writable) = match opened {
            Ok(f) => (f, true),
            Err(e) if e.raw_os_error() == Some(libc::EROFS) => {
                (read_only_lock(state_dir, &path).map_err(io)?, false)
            }
            Err(e) => return Err(io(e)),
        };
        let meta = file.metadata().map_err(io)?;
        if !(meta.is_file() || (!writable && meta.is_dir())) {
            return Err(io(std::io::Error::other("not a regular file")));
        }
        if let Err(e) = flock(&file, FlockOperation::NonBlockingLockExclusive) {
            if e != rustix::io::Errno::WOULDBLOCK {
                return Err(io(e.into()));
            }
            let mut holder = String::new();
            let _ = (&file).take(32).read_to_string(&mut holder);
            let holder = holder.trim();
            return Err(LockError::Held {
                dir: state_dir.into(),
                holder: if holder.is_empty() {
                    "unknown".into()
                } else {
                    holder.into()
                },
            });
        }
        if writable {
            file.set_len(0).map_err(io)?;
            file.rewind().map_err(io)?;
            writeln!(file, "{}", std::process::id()).map_err(io)?;
        }
        Ok(StateLock { _file: file, path })
    }
}

/// On a read-only file system (a data disk mounted read-only): the lock
/// file opened read-only (flock needs no write access), or the directory
/// itself when there is no lock file. The holder's pid cannot be written.
fn read_only_lock(state_dir: &Path, path: &Path) -> std::io::Result<std::fs::File> {
    let open = |p: &Path, extra| {
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC | extra)
            .open(p)
    };
    match open(path, 0) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => open(state_dir, libc::O_DIRECTORY),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_state_is_refused_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let held = StateLock::acquire(dir.path()).unwrap();
        // flock locks belong to the open file: a second open in this process
        // conflicts as another process's would.
        let err = StateLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains(&format!("pid {}", std::process::id())),
            "{err}"
        );
        drop(held);
        StateLock::acquire(dir.path()).unwrap();
    }

    #[test]
    fn a_lock_file_that_is_a_symlink_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join(LOCK_FILE)).unwrap();
        let err = StateLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(err.contains("locking"), "{err}");
    }
}
