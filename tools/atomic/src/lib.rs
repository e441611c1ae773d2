//! Outputs that appear whole or not at all.
//!
//! Every tool of mvirt-os writes its outputs the same way: into a temporary
//! file in the destination's directory, which is flushed to disk, given its
//! final mode and renamed over the destination only once it is complete. A
//! failure (or a panic, or a kill before the rename) leaves the old file or
//! no file, never a partial one: the temporary file is removed when an
//! [`Output`] is dropped uncommitted, and its name (`.<name>.XXXXXX`) says
//! what it was for if a crash leaves it behind. After the rename the
//! directory is flushed too, so a committed output survives a power cut.
//! Directories that [`Output::create`] had to make for the destination are
//! removed again (when empty) if the output is not committed.
//!
//! ```no_run
//! # fn main() -> std::io::Result<()> {
//! use std::io::Write;
//! let mut out = mvirt_atomic::Output::create("target/kernel.release", 0o644)?;
//! writeln!(out, "6.12.117")?;
//! out.commit()?;
//! # Ok(()) }
//! ```
//!
//! An existing destination is replaced only if it is a regular file: a
//! device node, FIFO, socket, directory or symlink there is refused (as
//! root, `-o /dev/null` would otherwise replace `/dev/null` with a file),
//! unless the caller sets [`Options::replace_special`].
//!
//! Inputs go through [`read_input`] / [`open_input`]: a regular file of at
//! most a given size, never a FIFO that blocks or a device that never ends.
//!
//! Errors are plain [`std::io::Error`]s that say what is wrong with the
//! file ("is a FIFO, not a regular file: ..."); callers name the file in
//! their own error type.

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

mod input;
mod kind;

pub use input::{open_input, read_input, read_input_to_string};
pub use kind::type_name;

/// An output being written: a temporary file beside `dest`.
#[derive(Debug)]
pub struct Output {
    // Field order matters: on drop the temporary file goes first, so that
    // the directories it was in are empty when `dirs` removes them.
    tmp: NamedTempFile,
    dirs: CreatedDirs,
    dest: PathBuf,
    mode: u32,
    options: Options,
}

/// Directories made for an output, outermost first: removed (innermost
/// first, and only if empty) when dropped unless [`CreatedDirs::keep`] was
/// called.
#[derive(Debug, Default)]
struct CreatedDirs(Vec<PathBuf>);

impl CreatedDirs {
    /// Creates `dir` and its missing ancestors, remembering which ones this
    /// call made (not those another process made at the same moment).
    fn create(dir: &Path) -> io::Result<CreatedDirs> {
        let mut missing = Vec::new();
        let mut cur = Some(dir);
        while let Some(p) = cur.filter(|p| !p.as_os_str().is_empty()) {
            match std::fs::symlink_metadata(p) {
                Ok(_) => break,
                Err(e) if e.kind() == io::ErrorKind::NotFound => missing.push(p),
                Err(e) => return Err(e),
            }
            cur = p.parent();
        }
        let mut made = CreatedDirs::default();
        for p in missing.into_iter().rev() {
            match std::fs::create_dir(p) {
                Ok(()) => made.0.push(p.to_path_buf()),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && p.is_dir() => {}
                Err(e) => return Err(e),
            }
        }
        Ok(made)
    }

    fn keep(mut self) {
        self.0.clear();
    }
}

impl Drop for CreatedDirs {
    fn drop(&mut self) {
        for dir in self.0.iter().rev() {
            // Not empty (another output landed there): leave it and its parents.
            if std::fs::remove_dir(dir).is_err() {
                break;
            }
        }
    }
}

/// How an [`Output`] treats what is already at its destination.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Replace whatever the destination is (a device node, FIFO, socket or
    /// symlink; never a non-empty directory). Off by default: only a
    /// regular file, or nothing, may be at the destination.
    pub replace_special: bool,
}

impl Options {
    /// Refuses a destination that exists and is not a regular file (a
    /// symlink counts as not one, whatever it points to).
    fn check_dest(&self, dest: &Path) -> io::Result<()> {
        if self.replace_special {
            return Ok(());
        }
        match std::fs::symlink_metadata(dest) {
            Ok(meta) if meta.file_type().is_file() => Ok(()),
            Ok(meta) => Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "is {}, not a regular file: refusing to replace it \
                     (remove it, or choose another output path)",
                    type_name(meta.file_type())
                ),
            )),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }
}

impl Output {
    /// Starts writing `dest`, which gets `mode` when committed. Creates the
    /// destination's directory if it is missing, and removes what it
    /// created if the output is dropped uncommitted. An existing `dest`
    /// that is not a regular file is refused ([`Options`]).
    pub fn create(dest: impl AsRef<Path>, mode: u32) -> io::Result<Output> {
        Output::create_with(dest, mode, Options::default())
    }

    /// [`Output::create`] with [`Options`].
    pub fn create_with(dest: impl AsRef<Path>, mode: u32, options: Options) -> io::Result<Output> {
        let dest = dest.as_ref();
        let name = dest.file_name().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{}: not a file name", dest.display()),
            )
        })?;
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        options.check_dest(dest)?;
        let dirs = CreatedDirs::create(dir)?;
        let mut prefix = std::ffi::OsString::from(".");
        prefix.push(name);
        prefix.push(".");
        let tmp = tempfile::Builder::new().prefix(&prefix).tempfile_in(dir)?;
        Ok(Output {
            tmp,
            dirs,
            dest: dest.into(),
            mode,
            options,
        })
    }

    /// The temporary file's path, for a program that writes the output
    /// itself (e.g. `curl -o`).
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// The permission bits the destination gets when committed.
    pub fn mode(&self) -> u32 {
        self.mode
    }

    /// The destination.
    pub fn dest(&self) -> &Path {
        &self.dest
    }

    /// The open temporary file.
    pub fn file(&mut self) -> &mut File {
        self.tmp.as_file_mut()
    }

    /// Flushes the content to disk, sets the mode and renames the file over
    /// the destination.
    pub fn commit(self) -> io::Result<()> {
        self.prepare()?.finish()
    }

    fn prepare(self) -> io::Result<Prepared> {
        // Again: something may have appeared there since `create`.
        self.options.check_dest(&self.dest)?;
        let file = self.tmp.as_file();
        file.sync_all()?;
        file.set_permissions(std::fs::Permissions::from_mode(self.mode))?;
        Ok(Prepared {
            tmp: self.tmp,
            dirs: self.dirs,
            dest: self.dest,
            options: self.options,
        })
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.tmp.flush()
    }
}

/// An output on disk, waiting only for its rename.
struct Prepared {
    tmp: NamedTempFile,
    dirs: CreatedDirs,
    dest: PathBuf,
    options: Options,
}

impl Prepared {
    fn finish(self) -> io::Result<()> {
        let Prepared {
            tmp,
            dirs,
            dest,
            options,
        } = self;
        // Last look before the rename (a narrower window, not none: a
        // rename cannot be made conditional on what it replaces).
        options.check_dest(&dest)?;
        match tmp.persist(&dest) {
            Ok(_) => {
                dirs.keep();
                sync_dir(&dest)
            }
            // The temporary file goes with `e.file`, then the directories.
            Err(e) => Err(e.error),
        }
    }
}

/// Flushes the directory holding `dest` to disk, so that the rename that
/// put `dest` there survives a power cut.
fn sync_dir(dest: &Path) -> io::Result<()> {
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    File::open(dir)?.sync_all()
}

/// Writes `bytes` to `dest` atomically with `mode`.
pub fn write(dest: impl AsRef<Path>, bytes: &[u8], mode: u32) -> io::Result<()> {
    let mut out = Output::create(dest, mode)?;
    out.write_all(bytes)?;
    out.commit()
}

/// Copies `src` to `dest` atomically with `mode`; returns the bytes copied.
pub fn copy(src: impl AsRef<Path>, dest: impl AsRef<Path>, mode: u32) -> io::Result<u64> {
    let (mut from, _) = open_input(src, u64::MAX)?;
    let mut out = Output::create(dest, mode)?;
    let n = io::copy(&mut from, out.file())?;
    out.commit()?;
    Ok(n)
}

/// Commits several outputs together: every one is written to disk first,
/// and only then are they renamed, so a failure while writing leaves none
/// of them new. (The renames themselves are one after another.)
pub fn commit_all(outputs: Vec<Output>) -> io::Result<()> {
    let mut prepared = Vec::with_capacity(outputs.len());
    let mut outputs = outputs.into_iter();
    for output in outputs.by_ref() {
        match output.prepare() {
            Ok(p) => prepared.push(p),
            Err(e) => {
                // Later outputs first: an earlier one may have made the
                // directory that a later one is in.
                outputs.rev().for_each(drop);
                prepared.into_iter().rev().for_each(drop);
                return Err(e);
            }
        }
    }
    prepared.into_iter().try_for_each(Prepared::finish)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn write_creates_the_directory_and_sets_the_mode() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("a/b/out.bin");
        write(&dest, b"hello", 0o755).unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"hello");
        let mode = std::fs::metadata(&dest).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o755);
        assert_eq!(names(dest.parent().unwrap()), ["out.bin"]);
    }

    #[test]
    fn an_uncommitted_output_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("out");
        std::fs::write(&dest, "old").unwrap();
        {
            let mut out = Output::create(&dest, 0o644).unwrap();
            out.write_all(b"new, but never committed").unwrap();
            assert!(out
                .path()
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with(".out."));
            // Dropped here: a failed step.
        }
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old");
        assert_eq!(names(dir.path()), ["out"]);
    }

    #[test]
    fn commit_replaces_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("out");
        std::fs::write(&dest, "old").unwrap();
        let mut out = Output::create(&dest, 0o600).unwrap();
        out.write_all(b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old");
        out.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "new");
        assert_eq!(names(dir.path()), ["out"]);
    }

    #[test]
    fn an_external_writer_can_fill_the_temporary_path() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("download");
        let out = Output::create(&dest, 0o644).unwrap();
        std::fs::write(out.path(), "from curl").unwrap();
        out.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "from curl");
    }

    #[test]
    fn copy_copies_and_a_missing_source_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src");
        std::fs::write(&src, vec![7u8; 100_000]).unwrap();
        assert_eq!(copy(&src, dir.path().join("dst"), 0o644).unwrap(), 100_000);
        assert_eq!(
            std::fs::read(dir.path().join("dst")).unwrap(),
            vec![7u8; 100_000]
        );
        let err = copy(dir.path().join("missing"), dir.path().join("never"), 0o644).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert_eq!(names(dir.path()), ["dst", "src"]);
    }

    #[test]
    fn commit_all_renames_every_output() {
        let dir = tempfile::tempdir().unwrap();
        let outs = ["x", "y", "z"]
            .iter()
            .map(|n| {
                let mut o = Output::create(dir.path().join(n), 0o644).unwrap();
                o.write_all(n.as_bytes()).unwrap();
                o
            })
            .collect();
        commit_all(outs).unwrap();
        assert_eq!(names(dir.path()), ["x", "y", "z"]);
        assert_eq!(std::fs::read_to_string(dir.path().join("y")).unwrap(), "y");
    }

    #[test]
    fn an_uncommitted_output_removes_the_directories_it_made() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("old")).unwrap();
        for dest in ["new/sub/out", "old/new/out", "new/out"] {
            let mut out = Output::create(dir.path().join(dest), 0o644).unwrap();
            out.write_all(b"never committed").unwrap();
            drop(out);
            assert_eq!(names(dir.path()), ["old"], "{dest}");
            assert!(names(&dir.path().join("old")).is_empty(), "{dest}");
        }
        // A failure creating the temporary file also cleans up.
        let blocker = dir.path().join("old/file");
        std::fs::write(&blocker, "").unwrap();
        assert!(Output::create(blocker.join("x/out"), 0o644).is_err());
        assert_eq!(names(&dir.path().join("old")), ["file"]);
    }

    #[test]
    fn a_failed_commit_leaves_no_temporary_a_commit_keeps_its_directories() {
        let dir = tempfile::tempdir().unwrap();
        // The rename fails: the destination is a non-empty directory.
        let dest = dir.path().join("new/sub/out");
        let out = Output::create(&dest, 0o644).unwrap();
        std::fs::create_dir_all(dest.join("x")).unwrap();
        assert!(out.commit().is_err());
        assert_eq!(names(&dir.path().join("new/sub")), ["out"]);
        std::fs::remove_dir_all(&dest).unwrap();
        // ... and with the destination gone, a commit keeps what it made.
        let out = Output::create(&dest, 0o644).unwrap();
        out.commit().unwrap();
        assert_eq!(names(&dir.path().join("new/sub")), ["out"]);
    }

    #[test]
    fn commit_all_that_fails_removes_the_directories_of_the_uncommitted() {
        let dir = tempfile::tempdir().unwrap();
        let outs: Vec<Output> = ["new/a", "new/b", "new/deeper/c"]
            .iter()
            .map(|n| Output::create(dir.path().join(n), 0o644).unwrap())
            .collect();
        // "new/b" is a directory now: refused while preparing, before any
        // rename, so not even "new/a" is new.
        std::fs::create_dir_all(dir.path().join("new/b/x")).unwrap();
        let err = commit_all(outs).unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
        assert_eq!(names(&dir.path().join("new")), ["b"]);
    }

    #[test]
    fn a_directory_is_not_a_destination() {
        let err = Output::create("/", 0o644).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
