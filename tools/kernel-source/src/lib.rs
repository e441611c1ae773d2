//! Kernel source pins: which tarball a kernel version means, checked by
//! sha256 before anything reads it, then unpacked into a scratch directory.
//!
//! Used by both kernel build steps (`mvirt-kconfig`, `mvirt-kbuild`) so that
//! they agree on what a source is and how it is verified.
//!
//! A pin is data, not a command: its `url` must pass
//! [`mvirt_fetch::check_url`] and end in a plain file name (the download
//! cache's file), and every file read on a pin's or a user's say-so must be
//! a regular file ([`read_text`], [`mvirt_fetch::open_regular`]), so that a
//! FIFO or a device is refused instead of blocking or never ending.
//!
//! Errors that keep their cause as a `source` leave it out of their own
//! message: `{:#}` prints the chain, each cause once.

use std::fmt;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

pub use mvirt_fetch::PinError;
use serde::Deserialize;

/// Errors of resolving, verifying and unpacking a source.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{file}: not a valid kernel source pins file")]
    Parse {
        file: PathBuf,
        source: toml::de::Error,
    },
    #[error("{file}: {message}")]
    Invalid { file: PathBuf, message: String },
    #[error("{file}: kernel version {version:?} has no pinned source (pinned: {known}); add a [[source]] entry with its sha256")]
    Unpinned {
        file: PathBuf,
        version: String,
        known: String,
    },
    #[error("the source pin of {version}: {message}")]
    BadPin { version: String, message: String },
    /// Reading, verifying or downloading a file (the message is
    /// [`PinError`]'s, which names the file).
    #[error(transparent)]
    Pin(#[from] PinError),
    #[error("{tarball}: the pinned kernel tarball is missing{hint}")]
    Missing {
        tarball: PathBuf,
        hint: &'static str,
    },
    /// `action` says what was being done: "creating", "removing", ...
    #[error("{action} {path}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("cannot run tar to unpack {tarball} (is tar installed?)")]
    Tar { tarball: PathBuf, source: io::Error },
    #[error("unpacking {tarball} failed: {detail}")]
    Unpack { tarball: PathBuf, detail: String },
}

/// One `[[source]]` entry of kernel/sources.toml.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    pub version: String,
    pub sha256: String,
    /// A local tarball (e.g. Debian's linux-source package).
    pub path: Option<PathBuf>,
    /// Where to download the tarball from.
    pub url: Option<String>,
    /// The tarball's top-level directory.
    pub top: String,
}

impl Pin {
    /// Checks that the pin can be used as data: a sha256 of 64 hex digits,
    /// a `path` or a `url`, and a `url` that [`mvirt_fetch::check_url`]
    /// accepts and whose last segment is one plain file name (it names the
    /// downloaded file in the cache, so `..` or an empty name would leave
    /// or be the cache directory).
    pub fn check(&self) -> Result<(), String> {
        if !mvirt_fetch::is_sha256(&self.sha256) {
            return Err(format!(
                "sha256 must be 64 hex digits, got {:?}",
                self.sha256
            ));
        }
        if self.path.is_none() && self.url.is_none() {
            return Err("gives neither `path` (a local tarball) nor `url` (a download)".into());
        }
        if let Some(url) = &self.url {
            mvirt_fetch::check_url(url, &self.sha256)?;
            // check_component's own message speaks of FilePin's cache
            // names; this one says what the name is for here.
            let name = url_file_name(url);
            if mvirt_fetch::check_component("url file name", name).is_err() {
                return Err(format!(
                    "`url` {url:?} must end in a plain file name (the tarball's name in the download cache), not {name:?}: no `/` at the end, no `.` or `..`, no control characters, at most {} bytes",
                    mvirt_fetch::MAX_COMPONENT
                ));
            }
        }
        Ok(())
    }
}

/// The last path segment of a URL: the name of its file in the download
/// cache (checked by [`Pin::check`] before it is used).
fn url_file_name(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or_default()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PinFile {
    source: Vec<Pin>,
}

/// Reads a text file named by a pin or on the command line (pins, a
/// version file, a Kconfig fragment, a `.config`). Only a regular file is
/// read: a FIFO or a device is an error, not a hang or an endless read.
pub fn read_text(path: &Path) -> Result<String, PinError> {
    let mut file = mvirt_fetch::open_regular(path)?;
    let mut text = String::new();
    file.read_to_string(&mut text)
        .map_err(|source| PinError::Io {
            action: "reading",
            file: path.into(),
            source,
        })?;
    Ok(text)
}

/// Reads the pin of `version` from a pins file. Every pin of the file is
/// checked ([`Pin::check`]), not only the one asked for.
pub fn pin_for(pins: &Path, version: &str) -> Result<Pin, SourceError> {
    let text = read_text(pins)?;
    let parsed: PinFile = toml::from_str(&text).map_err(|source| SourceError::Parse {
        file: pins.into(),
        source,
    })?;
    for pin in &parsed.source {
        pin.check().map_err(|message| SourceError::Invalid {
            file: pins.into(),
            message: format!("version {}: {message}", pin.version),
        })?;
    }
    let known: Vec<&str> = parsed.source.iter().map(|p| p.version.as_str()).collect();
    parsed
        .source
        .iter()
        .find(|p| p.version == version)
        .cloned()
        .ok_or_else(|| SourceError::Unpinned {
            file: pins.into(),
            version: version.into(),
            known: known.join(", "),
        })
}

/// Reads a version file (`kernel/kernel.version`): one line, trimmed.
pub fn read_version(file: &Path) -> Result<String, SourceError> {
    Ok(read_text(file)?.trim().to_string())
}

/// Finds the pin's tarball: its local `path`, or `url` downloaded (with
/// curl) into `downloads`. Returns its path once its sha256 is the pin's.
///
/// A download is hashed while it is written and kept only when it is right.
/// A cached download with the wrong hash (a pin corrected for the same file
/// name, a damaged disk) is removed and downloaded again.
pub fn fetch(pin: &Pin, downloads: &Path) -> Result<PathBuf, SourceError> {
    let bad_pin = |message: String| SourceError::BadPin {
        version: pin.version.clone(),
        message,
    };
    pin.check().map_err(bad_pin)?;
    let local = pin
        .path
        .as_ref()
        .filter(|p| p.exists() || pin.url.is_none());
    if let Some(path) = local {
        if !path.exists() {
            return Err(SourceError::Missing {
                tarball: path.clone(),
                hint: if path.starts_with("/usr/src") {
                    " (Debian: apt-get install linux-source-6.12, or ./bootstrap)"
                } else {
                    ""
                },
            });
        }
        mvirt_fetch::verify(path, &pin.sha256)?;
        return Ok(path.clone());
    }
    let url = pin
        .url
        .as_deref()
        .ok_or_else(|| bad_pin("gives no `url` to download".into()))?;
    let dest = downloads.join(url_file_name(url));
    if cached(&dest, &pin.sha256)? {
        return Ok(dest);
    }
    mvirt_fetch::download_verified(url, &pin.sha256, &dest)?;
    Ok(dest)
}

/// Whether the download cache holds `dest` with this sha256. A cached file
/// with another hash is removed (and said so), so that it is downloaded again.
fn cached(dest: &Path, sha256: &str) -> Result<bool, SourceError> {
    match mvirt_fetch::verify(dest, sha256) {
        Ok(()) => Ok(true),
        Err(PinError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(PinError::Mismatch {
            expected, actual, ..
        }) => {
            note(format_args!(
                "kernel-source: {}: sha256 {actual} is not the pin's {expected}; removing it and downloading again",
                dest.display()
            ));
            std::fs::remove_file(dest).map_err(|source| SourceError::Io {
                action: "removing the wrong download",
                path: dest.into(),
                source,
            })?;
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// Copies the pinned `tarball` to `output` (mode 0644), hashing it in the
/// same pass and committing the output only when the hash is the pin's:
/// what was checked is what is written. An `output` already holding it is
/// left untouched, and a failure leaves no file or directory behind.
pub fn copy_tarball(pin: &Pin, tarball: &Path, output: &Path) -> Result<(), SourceError> {
    let file_pin = mvirt_fetch::FilePin {
        name: "linux".into(),
        version: pin.version.clone(),
        url: None,
        path: Some(tarball.into()),
        package: None,
        sha256: pin.sha256.clone(),
    };
    mvirt_fetch::resolve(&mvirt_fetch::Fetch {
        pin: &file_pin,
        local: None,
        downloads: None,
        output,
        mode: 0o644,
    })?;
    Ok(())
}

/// A line on stderr. A closed or full stderr is not worth failing (or
/// panicking, as `eprintln!` would) over: the exit status still tells.
fn note(args: fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{args}");
}

/// Unpacks `tarball` (already verified) into `dest`, dropping its top-level
/// directory, so that `dest` is the kernel source tree.
pub fn unpack(tarball: &Path, dest: &Path) -> Result<(), SourceError> {
    std::fs::create_dir_all(dest).map_err(|source| SourceError::Io {
        action: "creating the source directory",
        path: dest.into(),
        source,
    })?;
    // --force-local: a tarball path with a colon (`host:file`) is a file,
    // never a remote archive reached over rsh.
    let out = Command::new("tar")
        .arg("-xf")
        .arg(tarball)
        .arg("-C")
        .arg(dest)
        .args(["--force-local", "--strip-components=1", "--no-same-owner"])
        .output()
        .map_err(|source| SourceError::Tar {
            tarball: tarball.into(),
            source,
        })?;
    if !out.status.success() {
        return Err(SourceError::Unpack {
            tarball: tarball.into(),
            detail: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    if !dest.join("Makefile").exists() || !dest.join("Kconfig").exists() {
        return Err(SourceError::Unpack {
            tarball: tarball.into(),
            detail: "no Makefile and Kconfig at the top: not a kernel source tarball".into(),
        });
    }
    Ok(())
}

/// The source-selection arguments both kernel tools take.
#[derive(Clone, Debug, clap::Args)]
pub struct SourceArgs {
    /// The pins file (kernel/sources.toml).
    #[arg(long, default_value = "kernel/sources.toml")]
    pub pins: PathBuf,
    /// The file naming the kernel version (kernel/kernel.version).
    #[arg(long, default_value = "kernel/kernel.version")]
    pub version_file: PathBuf,
    /// Use this tarball instead of the pin's location (still checked against the pin's sha256).
    #[arg(long)]
    pub tarball: Option<PathBuf>,
    /// Where downloaded tarballs are kept.
    #[arg(long, default_value = "target/downloads")]
    pub downloads: PathBuf,
    /// An already unpacked, trusted source tree (skips the pin check; for development).
    #[arg(long, conflicts_with = "tarball")]
    pub source_dir: Option<PathBuf>,
    /// Keep verified trees unpacked here, one per sha256, and reuse them
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
    /// The verified tarball of the selected version: --tarball, or the pin's
    /// local path or download.
    pub fn resolve_tarball(&self) -> Result<(Pin, PathBuf), SourceError> {
        let version = read_version(&self.version_file)?;
        let pin = pin_for(&self.pins, &version)?;
        let tarball = match &self.tarball {
            Some(t) => {
                mvirt_fetch::verify(t, &pin.sha256)?;
                t.clone()
            }
            None => fetch(&pin, &self.downloads)?,
        };
        Ok((pin, tarball))
    }

    /// Resolves, verifies and unpacks the selected source.
    pub fn tree(&self, scratch_parent: &Path) -> Result<Tree, SourceError> {
        if let Some(dir) = &self.source_dir {
            return Ok(Tree {
                path: dir.clone(),
                _scratch: None,
            });
        }
        let (pin, tarball) = self.resolve_tarball()?;
        let version = pin.version.clone();
        let io = |action: &'static str, dir: &Path| {
            let path = dir.to_path_buf();
            move |source| SourceError::Io {
                action,
                path,
                source,
            }
        };
        if let Some(cache) = &self.source_cache {
            // The tree is only ever read (builds are out of tree), so one
            // verified copy per tarball hash serves every later build.
            let done = cache.join(&pin.sha256);
            if done.join("src/Makefile").exists() {
                note(format_args!(
                    "kernel-source: {version}: using the unpacked tree in {}",
                    done.display()
                ));
                return Ok(Tree {
                    path: done.join("src"),
                    _scratch: None,
                });
            }
            std::fs::create_dir_all(cache).map_err(io("creating the source cache", cache))?;
            let staging = tempfile::Builder::new()
                .prefix(".unpacking-")
                .tempdir_in(cache)
                .map_err(io("creating a directory in the source cache", cache))?;
            note(format_args!(
                "kernel-source: {version}: {} verified, unpacking into the cache",
                tarball.display()
            ));
            unpack(&tarball, &staging.path().join("src"))?;
            let staged = staging.keep();
            if std::fs::rename(&staged, &done).is_err() {
                // Another build finished first; use its copy.
                let _ = std::fs::remove_dir_all(&staged);
            }
            return Ok(Tree {
                path: done.join("src"),
                _scratch: None,
            });
        }
        std::fs::create_dir_all(scratch_parent)
            .map_err(io("creating the scratch directory", scratch_parent))?;
        let scratch = tempfile::Builder::new()
            .prefix("linux-")
            .tempdir_in(scratch_parent)
            .map_err(io("creating a directory in", scratch_parent))?;
        let path = scratch.path().join("src");
        note(format_args!(
            "kernel-source: {version}: {} verified, unpacking",
            tarball.display()
        ));
        unpack(&tarball, &path)?;
        Ok(Tree {
            path,
            _scratch: Some(scratch),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_resolve_and_unknown_versions_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let pins = dir.path().join("sources.toml");
        std::fs::write(
            &pins,
            format!(
                "[[source]]\nversion = \"1.0\"\nsha256 = \"{}\"\npath = \"/x.tar\"\ntop = \"x\"\n",
                "a".repeat(64)
            ),
        )
        .unwrap();
        assert_eq!(pin_for(&pins, "1.0").unwrap().top, "x");
        let err = pin_for(&pins, "2.0").unwrap_err().to_string();
        assert!(
            err.contains("\"2.0\" has no pinned source (pinned: 1.0)"),
            "{err}"
        );
    }

    #[test]
    fn bad_hash_in_pins_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let pins = dir.path().join("sources.toml");
        std::fs::write(
            &pins,
            "[[source]]\nversion = \"1.0\"\nsha256 = \"abc\"\npath = \"/x\"\ntop = \"x\"\n",
        )
        .unwrap();
        assert!(pin_for(&pins, "1.0")
            .unwrap_err()
            .to_string()
            .contains("64 hex digits"));
    }

    #[test]
    fn mismatch_names_file_and_both_hashes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.tar.xz");
        std::fs::write(&file, b"not the kernel").unwrap();
        let err = mvirt_fetch::verify(&file, &"0".repeat(64))
            .unwrap_err()
            .to_string();
        assert!(err.contains("t.tar.xz: sha256 mismatch"), "{err}");
        assert!(err.contains(&"0".repeat(64)), "{err}");
        assert!(
            err.contains(&mvirt_fetch::sha256_file(&file).unwrap()),
            "{err}"
        );
        assert!(err.contains("update the pin"), "{err}");
    }

    /// The error and its causes as anyhow's `{:#}` prints them.
    fn chain(e: &dyn std::error::Error) -> String {
        let mut text = e.to_string();
        let mut cause = e.source();
        while let Some(c) = cause {
            text = format!("{text}: {c}");
            cause = c.source();
        }
        text
    }

    fn pin(sha256: &str, path: Option<&Path>, url: Option<&str>) -> Pin {
        Pin {
            version: "1.0".into(),
            sha256: sha256.into(),
            path: path.map(Into::into),
            url: url.map(Into::into),
            top: "x".into(),
        }
    }

    const ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    #[test]
    fn io_errors_name_their_cause_once() {
        let missing = Path::new("/nonexistent/kernel.version");
        let errors = [
            read_version(missing).unwrap_err(),
            pin_for(missing, "1.0").unwrap_err(),
        ];
        for err in errors {
            let text = chain(&err);
            assert_eq!(
                text.matches("No such file or directory").count(),
                1,
                "{text}"
            );
            assert_eq!(
                text.matches("/nonexistent/kernel.version").count(),
                1,
                "{text}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let tarball = dir.path().join("gone.tar.xz");
        let err = fetch(&pin(ABC, Some(&tarball), None), dir.path()).unwrap_err();
        let text = chain(&err);
        assert!(
            text.contains("gone.tar.xz: the pinned kernel tarball is missing"),
            "{text}"
        );
        assert_eq!(text.matches("gone.tar.xz").count(), 1, "{text}");
    }

    #[test]
    fn a_url_must_end_in_a_plain_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let downloads = dir.path().join("downloads");
        for url in [
            "https://example.org/..",
            "https://example.org/linux/",
            "https://example.org/.",
        ] {
            let err = fetch(&pin(ABC, None, Some(url)), &downloads).unwrap_err();
            let text = err.to_string();
            assert!(matches!(err, SourceError::BadPin { .. }), "{url}: {err:?}");
            assert!(
                text.contains("must end in a plain file name") && text.contains(url),
                "{text}"
            );
            // The pins file says so too, before anything is fetched.
            let pins = dir.path().join("sources.toml");
            std::fs::write(
                &pins,
                format!("[[source]]\nversion = \"1.0\"\nsha256 = \"{ABC}\"\nurl = \"{url}\"\ntop = \"x\"\n"),
            )
            .unwrap();
            let text = pin_for(&pins, "1.0").unwrap_err().to_string();
            assert!(
                text.contains("version 1.0: `url`") && text.contains("plain file name"),
                "{text}"
            );
        }
        let err = fetch(&pin(ABC, None, Some("-K/etc/passwd")), &downloads).unwrap_err();
        assert!(err.to_string().contains("https://"), "{err}");
        assert!(!downloads.exists());
    }

    #[test]
    fn only_regular_files_are_read_from_a_pin() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.tar.xz");
        assert!(Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        for path in [fifo.as_path(), Path::new("/dev/zero")] {
            // As a pinned tarball, as a cached download, as a pins file.
            let err = fetch(&pin(ABC, Some(path), None), dir.path()).unwrap_err();
            assert!(
                matches!(err, SourceError::Pin(PinError::NotRegular { .. })),
                "{err:?}"
            );
            let err = pin_for(path, "1.0").unwrap_err();
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
        let err = fetch(
            &pin(ABC, None, Some("https://example.org/fifo.tar.xz")),
            dir.path(),
        )
        .unwrap_err();
        assert!(
            matches!(err, SourceError::Pin(PinError::NotRegular { .. })),
            "{err:?}"
        );
        assert!(fifo.exists(), "only a wrong regular file is removed");
    }

    #[test]
    fn a_wrong_local_tarball_names_both_hashes() {
        let dir = tempfile::tempdir().unwrap();
        let tarball = dir.path().join("linux.tar.xz");
        std::fs::write(&tarball, b"abc").unwrap();
        let wanted = "0".repeat(64);
        let err = fetch(&pin(&wanted, Some(&tarball), None), dir.path()).unwrap_err();
        let text = err.to_string();
        assert!(text.contains(ABC) && text.contains(&wanted), "{text}");
        assert_eq!(
            fetch(&pin(ABC, Some(&tarball), None), dir.path()).unwrap(),
            tarball
        );
    }

    #[test]
    fn a_wrong_cached_download_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let cached_file = dir.path().join("linux.tar.xz");
        assert!(!cached(&cached_file, ABC).unwrap());
        std::fs::write(&cached_file, b"abc").unwrap();
        assert!(cached(&cached_file, ABC).unwrap());
        assert!(cached_file.exists());
        assert!(!cached(&cached_file, &"0".repeat(64)).unwrap());
        assert!(!cached_file.exists());
        // A right cached file is used without a download.
        std::fs::write(&cached_file, b"abc").unwrap();
        let url = "https://example.invalid/linux.tar.xz";
        assert_eq!(
            fetch(&pin(ABC, None, Some(url)), dir.path()).unwrap(),
            cached_file
        );
    }

    #[test]
    fn repo_pins_parse() {
        // $MVIRT_REPO_ROOT under buck2, which runs tests from the project root.
        let repo = std::env::var_os("MVIRT_REPO_ROOT")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
        let pins = repo.join("kernel/sources.toml");
        let version = read_version(&pins.with_file_name("kernel.version")).unwrap();
        pin_for(&pins, &version).unwrap();
        pin_for(&pins, "6.18.4").unwrap();
    }
}
