//! Copying while hashing, and outputs that leave nothing behind on failure.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use mvirt_atomic::Output;
use sha2::{Digest, Sha256};

use crate::{hex, sha256_file, PinError, MAX_DOWNLOAD};

/// Why [`copy_hashed`] stopped.
#[derive(Debug)]
pub(crate) enum CopyError {
    Read(io::Error),
    /// Writing the output with this index failed.
    Write(usize, io::Error),
    /// More than the limit came.
    TooLarge,
}

impl CopyError {
    /// The error for copying from `src` (a file, or a download's URL) into
    /// `outs`; only downloads have a limit, [`MAX_DOWNLOAD`].
    pub(crate) fn into_pin_error(self, src: &Path, outs: &[Output]) -> PinError {
        match self {
            CopyError::Read(source) => PinError::Io {
                action: "reading",
                file: src.into(),
                source,
            },
            CopyError::Write(i, source) => PinError::Io {
                action: "writing",
                file: outs.get(i).map_or_else(PathBuf::new, |o| o.dest().into()),
                source,
            },
            CopyError::TooLarge => PinError::TooLarge {
                url: src.display().to_string(),
                limit: MAX_DOWNLOAD,
            },
        }
    }
}

/// Copies `src` to the end into every writer, hashing the same bytes in the
/// same pass; returns their sha256 (lower-case hex). With a `limit`, stops
/// once more than `limit` bytes came.
pub(crate) fn copy_hashed<R: Read, W: Write>(
    src: &mut R,
    outs: &mut [W],
    limit: Option<u64>,
) -> Result<String, CopyError> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(CopyError::Read(e)),
        };
        total += n as u64;
        if limit.is_some_and(|limit| total > limit) {
            return Err(CopyError::TooLarge);
        }
        hasher.update(&buf[..n]);
        for (i, out) in outs.iter_mut().enumerate() {
            out.write_all(&buf[..n])
                .map_err(|e| CopyError::Write(i, e))?;
        }
    }
    Ok(hex(&hasher.finalize()))
}

/// Commits the outputs whose destination does not already hold content with
/// this sha256 (an unchanged output keeps its timestamp), all or none.
pub(crate) fn commit_changed(outs: Vec<Output>, sha256: &str) -> Result<(), PinError> {
    let changed: Vec<Output> = outs
        .into_iter()
        .filter(|out| !unchanged(out, sha256))
        .collect();
    let names: Vec<String> = changed
        .iter()
        .map(|o| o.dest().display().to_string())
        .collect();
    mvirt_atomic::commit_all(changed).map_err(|source| PinError::Io {
        action: "writing",
        file: names.join(" and ").into(),
        source,
    })
}

/// Whether `out`'s destination already holds these bytes with the mode it
/// would get (see [`holds`]).
fn unchanged(out: &Output, sha256: &str) -> bool {
    holds(out.dest(), out.mode(), sha256)
}

/// Whether `dest` already holds content with this sha256 and this mode (a
/// new `--mode` alone is a change too). Only our own regular file counts: a
/// symlink (refused by [`Output::create`] anyway) or another user's file,
/// who could change it later, is replaced.
pub(crate) fn holds(dest: &Path, mode: u32, sha256: &str) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Ok(meta) = std::fs::symlink_metadata(dest) else {
        return false;
    };
    let ours = meta.file_type().is_file() && meta.uid() == rustix::process::geteuid().as_raw();
    ours && meta.permissions().mode() & 0o7777 == mode
        && sha256_file(dest).ok().as_deref() == Some(sha256)
}

/// Starts the atomic output `dest`, creating its missing directories under
/// a guard that removes them again unless kept.
pub(crate) fn create_output(dest: &Path, mode: u32) -> Result<(NewDirs, Output), PinError> {
    let dirs = match dest.parent() {
        Some(parent) => NewDirs::create(parent)?,
        None => NewDirs::default(),
    };
    let out = Output::create(dest, mode).map_err(|source| PinError::Io {
        action: "creating",
        file: dest.into(),
        source,
    })?;
    Ok((dirs, out))
}

/// Directories this run created, removed again (when empty) on drop unless
/// [`NewDirs::keep`] is called: a failed run leaves no new directories.
#[derive(Debug, Default)]
pub(crate) struct NewDirs(Vec<PathBuf>);

impl NewDirs {
    /// Creates `dir` and its missing ancestors, recording the new ones.
    pub(crate) fn create(dir: &Path) -> Result<NewDirs, PinError> {
        let mut missing = Vec::new();
        let mut next = Some(dir);
        while let Some(d) = next.filter(|d| !d.as_os_str().is_empty()) {
            match std::fs::symlink_metadata(d) {
                Ok(_) => break,
                Err(e) if e.kind() == io::ErrorKind::NotFound => missing.push(d),
                Err(source) => return Err(dir_error(d, source)),
            }
            next = d.parent();
        }
        let mut made = NewDirs::default();
        for d in missing.into_iter().rev() {
            match std::fs::create_dir(d) {
                Ok(()) => made.0.push(d.into()),
                // Someone else made it meanwhile: theirs, not ours to remove.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                // `made` drops here and removes what this call created.
                Err(source) => return Err(dir_error(d, source)),
            }
        }
        Ok(made)
    }

    /// The run succeeded: the directories stay.
    pub(crate) fn keep(mut self) {
        self.0.clear();
    }
}

impl Drop for NewDirs {
    fn drop(&mut self) {
        for d in self.0.iter().rev() {
            // Only an empty directory goes; anything else is left as found.
            let _ = std::fs::remove_dir(d);
        }
    }
}

fn dir_error(dir: &Path, source: io::Error) -> PinError {
    PinError::Io {
        action: "creating the directory",
        file: dir.into(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_hashes_what_it_writes_to_every_output() {
        let mut outs = [Vec::new(), Vec::new()];
        let sha = copy_hashed(&mut &b"abc"[..], &mut outs, None).unwrap();
        assert_eq!(
            sha,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(outs, [b"abc".to_vec(), b"abc".to_vec()]);
    }

    #[test]
    fn copy_stops_past_the_limit() {
        let mut outs: [Vec<u8>; 0] = [];
        let mut src = io::repeat(0).take(10);
        assert!(copy_hashed(&mut src, &mut outs, Some(10)).is_ok());
        let mut src = io::repeat(0).take(11);
        let err = copy_hashed(&mut src, &mut outs, Some(10)).unwrap_err();
        assert!(matches!(err, CopyError::TooLarge), "{err:?}");
        // An endless source ends too.
        let err = copy_hashed(&mut io::repeat(0), &mut outs, Some(3 << 20)).unwrap_err();
        assert!(matches!(err, CopyError::TooLarge), "{err:?}");
    }

    #[test]
    fn new_dirs_go_unless_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let deep = tmp.path().join("a/b/c");
        drop(NewDirs::create(&deep).unwrap());
        assert!(!tmp.path().join("a").exists());
        NewDirs::create(&deep).unwrap().keep();
        assert!(deep.is_dir());
        // Existing directories are never removed.
        drop(NewDirs::create(&deep.join("d")).unwrap());
        assert!(deep.is_dir() && !deep.join("d").exists());
    }

    #[test]
    fn a_failed_output_leaves_no_new_directories() {
        let tmp = tempfile::tempdir().unwrap();
        let (dirs, out) = create_output(&tmp.path().join("new/sub/out"), 0o644).unwrap();
        drop(out);
        drop(dirs);
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}
