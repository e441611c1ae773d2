//! What both kernel steps (`mvirt-kconfig`, `mvirt-kbuild`) share: a
//! kernel source tarball unpacked into a tree, and the one way to run the
//! kernel's `make` ([`kmake`]).
//!
//! The tarball comes in resolved: mvirt-fetch has checked it against its
//! pin (kernel/linux.toml) before any step sees it, and no tool but
//! mvirt-fetch reads a pin. A step takes `--tarball FILE`, whatever fetched
//! it (make, buck2, a user).
//!
//! Every file read on a user's say-so must be a regular file
//! ([`read_text`]), so that a FIFO or a device is refused instead of
//! blocking or never ending.
//!
//! Errors that keep their cause as a `source` leave it out of their own
//! message: `{:#}` prints the chain, each cause once.

pub mod kmake;

use mvirt_unpack::Format;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

pub use kmake::srcarch;
pub use mvirt_fetch::PinError;

/// Errors of reading and unpacking a source.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// Reading or hashing a file (the message is [`PinError`]'s, which
    /// names the file).
    #[error(transparent)]
    Read(#[from] PinError),
    /// `action` says what was being done: "creating", "removing", ...
    #[error("{action} {path}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("unpacking {tarball} failed: {detail}")]
    Unpack { tarball: PathBuf, detail: String },
}

/// Reads a text file named on the command line (a Kconfig fragment, a
/// `.config`). Only a regular file is read: a FIFO or a
/// device is an error, not a hang or an endless read.
pub fn read_text(path: &Path) -> Result<String, PinError> {
    let file = mvirt_fetch::open_regular(path)?;
    let mut text = String::new();
    file.take(MAX_TEXT + 1)
        .read_to_string(&mut text)
        .map_err(|source| PinError::Io {
            action: "reading",
            file: path.into(),
            source,
        })?;
    if text.len() as u64 > MAX_TEXT {
        return Err(PinError::Invalid {
            file: path.into(),
            message: format!("larger than {MAX_TEXT} bytes; is it the right file?"),
        });
    }
    Ok(text)
}

/// The largest text file [`read_text`] takes: a `.config` is ~300 KB.
pub const MAX_TEXT: u64 = 16 << 20;

/// A line on stderr. A closed or full stderr is not worth failing (or
/// panicking, as `eprintln!` would) over: the exit status still tells.
fn note(args: fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{args}");
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> SourceError {
    let path = path.to_path_buf();
    move |source| SourceError::Io {
        action,
        path,
        source,
    }
}

/// Unpacks `tarball` into `dest` (made by this call), dropping its
/// top-level directory (whatever its name), so that `dest` is the kernel
/// source tree.
///
/// mvirt-unpack does it, in this process: no tar of the machine's runs (a
/// tool outside the declared toolchain, and one that would write where a
/// hostile archive says), entries are made beneath `dest` only, and a
/// failed unpack leaves nothing. The compression is told by the first
/// bytes, as tar tells it, not by the name.
pub fn unpack(tarball: &Path, dest: &Path) -> Result<(), SourceError> {
    let mut head = [0u8; 6];
    let n = mvirt_fetch::open_regular(tarball)?
        .read(&mut head)
        .map_err(io_error("reading", tarball))?;
    let opts = mvirt_unpack::Options {
        strip: 1,
        ..Default::default()
    };
    mvirt_unpack::unpack(tarball, Format::sniff(&head[..n]), dest, &opts).map_err(|e| {
        SourceError::Unpack {
            tarball: tarball.into(),
            detail: e.to_string(),
        }
    })?;
    if !dest.join("Makefile").exists() || !dest.join("Kconfig").exists() {
        return Err(SourceError::Unpack {
            tarball: tarball.into(),
            detail: "no Makefile and Kconfig at the top: not a kernel source tarball".into(),
        });
    }
    Ok(())
}

/// The source arguments both kernel tools take.
#[derive(Clone, Debug, clap::Args)]
pub struct SourceArgs {
    /// The kernel source tarball, resolved and checked against its pin by
    /// mvirt-fetch (e.g. `mvirt-fetch --pin kernel/linux.toml -o linux.tar.xz`).
    #[arg(long)]
    pub tarball: PathBuf,
    /// Keep unpacked trees here, one per tarball sha256, and reuse them
    /// (local builds: saves the unpack; hermetic actions leave it off).
    #[arg(long)]
    pub source_cache: Option<PathBuf>,
}

/// A kernel source tree ready to use; a scratch copy is removed on drop.
pub struct Tree {
    pub path: PathBuf,
    _scratch: Option<tempfile::TempDir>,
}

impl SourceArgs {
    /// The tarball unpacked: into the source cache, reused when it holds
    /// this tarball's tree already, or else into a fresh directory inside
    /// `scratch_parent`, removed when the [`Tree`] is dropped.
    pub fn tree(&self, scratch_parent: &Path) -> Result<Tree, SourceError> {
        match &self.source_cache {
            Some(cache) => cached_tree(&self.tarball, cache),
            None => scratch_tree(&self.tarball, scratch_parent),
        }
    }
}

fn scratch_tree(tarball: &Path, parent: &Path) -> Result<Tree, SourceError> {
    std::fs::create_dir_all(parent).map_err(io_error("creating the scratch directory", parent))?;
    let scratch = tempfile::Builder::new()
        .prefix("linux-")
        .tempdir_in(parent)
        .map_err(io_error("creating a directory in", parent))?;
    let path = scratch.path().join("src");
    note(format_args!(
        "kernel-source: unpacking {}",
        tarball.display()
    ));
    unpack(tarball, &path)?;
    Ok(Tree {
        path,
        _scratch: Some(scratch),
    })
}

/// The tree is only ever read (builds are out of tree), so one copy per
/// tarball hash serves every later build. The key is the hash of the bytes
/// given, not a name, so a changed tarball can never meet a stale tree.
fn cached_tree(tarball: &Path, cache: &Path) -> Result<Tree, SourceError> {
    let sha256 = mvirt_fetch::sha256_file(tarball)?;
    let done = cache.join(&sha256);
    if done.join("src/Makefile").exists() {
        note(format_args!(
            "kernel-source: using the unpacked tree in {}",
            done.display()
        ));
        return Ok(Tree {
            path: done.join("src"),
            _scratch: None,
        });
    }
    std::fs::create_dir_all(cache).map_err(io_error("creating the source cache", cache))?;
    let staging = tempfile::Builder::new()
        .prefix(".unpacking-")
        .tempdir_in(cache)
        .map_err(io_error("creating a directory in the source cache", cache))?;
    note(format_args!(
        "kernel-source: unpacking {} into the source cache",
        tarball.display()
    ));
    unpack(tarball, &staging.path().join("src"))?;
    let staged = staging.keep();
    if std::fs::rename(&staged, &done).is_err() {
        // Another build finished first; use its copy.
        let _ = std::fs::remove_dir_all(&staged);
    }
    Ok(Tree {
        path: done.join("src"),
        _scratch: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// A tiny "kernel tarball": a top directory with a Makefile and Kconfig.
    fn tarball(dir: &Path, top: &str, marker: &str) -> PathBuf {
        let src = dir.join("in").join(top);
        std::fs::create_dir_all(&src).unwrap();
        std::fs::write(src.join("Makefile"), marker).unwrap();
        std::fs::write(src.join("Kconfig"), "").unwrap();
        let out = dir.join(format!("{marker}.tar"));
        let status = Command::new("tar")
            .arg("-cf")
            .arg(&out)
            .arg("-C")
            .arg(dir.join("in"))
            .arg(top)
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::remove_dir_all(dir.join("in")).unwrap();
        out
    }

    fn args(tarball: &Path, cache: Option<&Path>) -> SourceArgs {
        SourceArgs {
            tarball: tarball.into(),
            source_cache: cache.map(Into::into),
        }
    }

    #[test]
    fn the_top_directory_is_dropped_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let t = tarball(dir.path(), "linux-source-9.9", "a");
        let tree = args(&t, None).tree(&dir.path().join("scratch")).unwrap();
        assert_eq!(
            std::fs::read_to_string(tree.path.join("Makefile")).unwrap(),
            "a"
        );
        let scratch = tree.path.parent().unwrap().to_path_buf();
        drop(tree);
        assert!(!scratch.exists(), "a scratch tree is removed with its Tree");
    }

    #[test]
    fn the_cache_is_keyed_by_content_not_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let a = tarball(dir.path(), "linux", "a");
        let tree_a = args(&a, Some(&cache)).tree(dir.path()).unwrap();
        // The same file name with other bytes must not get a's tree.
        let b = tarball(dir.path(), "linux", "b");
        std::fs::rename(&b, &a).unwrap();
        let tree_b = args(&a, Some(&cache)).tree(dir.path()).unwrap();
        assert_ne!(tree_a.path, tree_b.path);
        assert_eq!(
            std::fs::read_to_string(tree_b.path.join("Makefile")).unwrap(),
            "b"
        );
        assert!(tree_a.path.exists(), "cached trees are kept");
    }

    #[test]
    fn a_tarball_without_a_kernel_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("in/x");
        std::fs::create_dir_all(&src).unwrap();
        std::fs::write(src.join("README"), "").unwrap();
        let t = dir.path().join("x.tar");
        assert!(Command::new("tar")
            .arg("-cf")
            .arg(&t)
            .arg("-C")
            .arg(dir.path().join("in"))
            .arg("x")
            .status()
            .unwrap()
            .success());
        let err = args(&t, None).tree(dir.path()).err().unwrap().to_string();
        assert!(err.contains("not a kernel source tarball"), "{err}");
    }

    #[test]
    fn only_regular_files_are_read() {
        let err = read_text(Path::new("/dev/zero")).unwrap_err().to_string();
        assert!(err.contains("/dev/zero"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        // A FIFO or a device must be refused, never block or never end:
        // with and without the source cache, which hashes the file first.
        for tarball in [fifo.as_path(), Path::new("/dev/zero"), dir.path()] {
            for cache in [None, Some(dir.path().join("c"))] {
                let err = args(tarball, cache.as_deref())
                    .tree(dir.path())
                    .err()
                    .unwrap()
                    .to_string();
                assert!(err.contains(&tarball.display().to_string()), "{err}");
            }
        }
    }

    #[test]
    fn a_text_file_larger_than_any_config_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.config");
        // Sparse (no disk space); read only up to the bound, then refused.
        let file = std::fs::File::create(&big).unwrap();
        file.set_len(MAX_TEXT + 1).unwrap();
        let err = read_text(&big).unwrap_err().to_string();
        assert!(err.contains("larger than"), "{err}");
        file.set_len(10).unwrap();
        assert_eq!(read_text(&big).unwrap().len(), 10);
    }

    #[test]
    fn the_compression_is_told_by_the_bytes_not_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let t = tarball(dir.path(), "linux", "gz");
        assert!(Command::new("gzip").arg(&t).status().unwrap().success());
        // A gzip'd tarball named .tar: unpacked as gzip.
        std::fs::rename(dir.path().join("gz.tar.gz"), &t).unwrap();
        let tree = args(&t, None).tree(&dir.path().join("s")).unwrap();
        assert_eq!(
            std::fs::read_to_string(tree.path.join("Makefile")).unwrap(),
            "gz"
        );
    }

    #[test]
    fn a_tarball_that_reaches_outside_its_tree_is_refused_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("in/linux");
        std::fs::create_dir_all(&src).unwrap();
        std::fs::write(src.join("Makefile"), "").unwrap();
        std::fs::write(src.join("Kconfig"), "").unwrap();
        std::os::unix::fs::symlink("/etc", src.join("escape")).unwrap();
        let t = dir.path().join("x.tar");
        let ok = Command::new("tar")
            .arg("-cf")
            .arg(&t)
            .arg("-C")
            .arg(dir.path().join("in"))
            .arg("linux")
            .status()
            .unwrap();
        assert!(ok.success());
        let scratch = dir.path().join("s");
        let err = args(&t, None).tree(&scratch).err().unwrap().to_string();
        assert!(err.contains("escape"), "{err}");
        let left: Vec<_> = std::fs::read_dir(&scratch).unwrap().collect();
        assert!(left.is_empty(), "a refused tarball left {left:?}");
    }

    #[test]
    fn a_tarball_name_is_never_an_option_or_a_host() {
        let dir = tempfile::tempdir().unwrap();
        let t = tarball(dir.path(), "linux", "a");
        for name in ["host:linux.tar", "-xlinux.tar"] {
            let renamed = dir.path().join(name);
            std::fs::rename(&t, &renamed).unwrap();
            let tree = args(&renamed, None).tree(&dir.path().join("s")).unwrap();
            assert!(tree.path.join("Kconfig").exists(), "{name}");
            std::fs::rename(&renamed, &t).unwrap();
        }
    }
}
