//! Making entries beneath a directory handle, never outside it: every
//! parent is opened with `openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)`
//! (no symlink on the way is followed, whoever made it); an entry is made
//! by name in its parent with the `*at` calls, a file `O_CREAT | O_EXCL |
//! O_NOFOLLOW` (nothing that exists is opened for writing, and a name
//! given twice is an error); a hard link only to a regular file this
//! unpack made.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Read};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use rustix::fs::{self as rfs, AtFlags, Mode, OFlags, ResolveFlags};
use rustix::io::Errno;

use crate::UnpackError;

pub struct Sink {
    root: OwnedFd,
    /// Regular files made so far (hard links may point at them).
    files: HashSet<PathBuf>,
    pub bytes: u64,
    max_bytes: u64,
}

fn io_at(path: &Path, e: impl Into<io::Error>) -> UnpackError {
    UnpackError::Make {
        name: path.display().to_string(),
        source: e.into(),
    }
}

/// The name of a path's last component and its parent ("" for the root).
fn split(path: &Path) -> (&Path, &std::ffi::OsStr) {
    let name = path
        .file_name()
        .expect("checked names end in a normal component");
    (path.parent().unwrap_or(Path::new("")), name)
}

impl Sink {
    pub fn new(root: &Path, max_bytes: u64) -> Result<Sink, UnpackError> {
        let fd = rfs::open(
            root,
            OFlags::DIRECTORY | OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOFOLLOW,
            Mode::empty(),
        )
        .map_err(|e| io_at(root, e))?;
        Ok(Sink {
            root: fd,
            files: HashSet::new(),
            bytes: 0,
            max_bytes,
        })
    }

    /// The directory `dir` beneath the root, made (0755) where missing.
    fn dir(&self, dir: &Path) -> Result<OwnedFd, UnpackError> {
        let open = |path: &Path| {
            rfs::openat2(
                &self.root,
                path,
                OFlags::DIRECTORY | OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOFOLLOW,
                Mode::empty(),
                ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS,
            )
        };
        let target = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        match open(target) {
            Ok(fd) => Ok(fd),
            Err(Errno::NOENT) => {
                let (parent, name) = split(dir);
                let pfd = self.dir(parent)?;
                match rfs::mkdirat(&pfd, name, Mode::from_raw_mode(0o755)) {
                    Ok(()) | Err(Errno::EXIST) => {}
                    Err(e) => return Err(io_at(dir, e)),
                }
                let fd = open(target).map_err(|e| io_at(dir, e))?;
                // 0755 exactly, whatever the umask.
                rfs::fchmod(&fd, Mode::from_raw_mode(0o755)).map_err(|e| io_at(dir, e))?;
                Ok(fd)
            }
            Err(e) => Err(io_at(dir, e)),
        }
    }

    pub fn mkdir(&mut self, path: &Path) -> Result<(), UnpackError> {
        self.dir(path).map(drop)
    }

    /// A regular file from `data`, 0755 if `executable` else 0644.
    pub fn file(
        &mut self,
        path: &Path,
        data: &mut dyn Read,
        executable: bool,
    ) -> Result<(), UnpackError> {
        let (parent, name) = split(path);
        let pfd = self.dir(parent)?;
        let mode = Mode::from_raw_mode(if executable { 0o755 } else { 0o644 });
        let flags =
            OFlags::CREATE | OFlags::EXCL | OFlags::WRONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let fd = rfs::openat(&pfd, name, flags, mode).map_err(|e| match e {
            Errno::EXIST => UnpackError::Name {
                name: path.display().to_string(),
                why: "appears twice, or is in the way of a directory".into(),
            },
            e => io_at(path, e),
        })?;
        // The mode exactly, whatever the umask.
        rfs::fchmod(&fd, mode).map_err(|e| io_at(path, e))?;
        let left = self.max_bytes - self.bytes;
        let copied =
            io::copy(&mut data.take(left + 1), &mut File::from(fd)).map_err(|e| io_at(path, e))?;
        self.bytes += copied;
        if copied > left {
            return Err(UnpackError::TooLarge {
                max: self.max_bytes,
            });
        }
        self.files.insert(path.into());
        Ok(())
    }

    /// A symlink whose target the caller has checked.
    pub fn symlink(&mut self, path: &Path, target: &Path) -> Result<(), UnpackError> {
        let (parent, name) = split(path);
        let pfd = self.dir(parent)?;
        rfs::symlinkat(target, &pfd, name).map_err(|e| io_at(path, e))
    }

    /// A hard link to `target`, a regular file made earlier by this unpack.
    pub fn hard_link(&mut self, path: &Path, target: &Path) -> Result<(), UnpackError> {
        if !self.files.contains(target) {
            return Err(UnpackError::Link {
                name: path.display().to_string(),
                target: target.display().to_string(),
                why: "not a regular file of this archive made before it".into(),
            });
        }
        let (tparent, tname) = split(target);
        let tfd = self.dir(tparent)?;
        let (parent, name) = split(path);
        let pfd = self.dir(parent)?;
        rfs::linkat(&tfd, tname, &pfd, name, AtFlags::empty()).map_err(|e| io_at(path, e))?;
        self.files.insert(path.into());
        Ok(())
    }
}
