//! Pinned external files: every external input of the build (kernel
//! tarball, cloud-hypervisor release, ...) is named by a URL or a local path
//! and a sha256, and is checked inside the step that uses it.
//!
//! A pin is data, not a command: its `url` must be an https:// URL (or
//! http:// with a sha256) and is passed to curl after `--`; its `name` and
//! `version` must each be one plain file name (see [`FilePin::check`]). Files
//! are read only when they are regular files, hashed while they are copied
//! into an atomic output, and that output is committed only when the hash
//! is the pin's: what is checked is exactly what is written.

use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

mod cas;
mod download;
mod pin;
mod seed;
mod sources;
mod stream;

pub use cas::{Cas, CasError};
pub use download::{download, download_verified, MAX_DOWNLOAD};
pub use pin::{check_component, check_url, FilePin, MAX_COMPONENT, MAX_URL, MAX_URLS};
pub use seed::{seed, Seeded};
pub use sources::Attempt;

use stream::{commit_changed, copy_hashed, create_output};

/// Errors of reading pins, checking files and downloading them. Errors
/// with a `source` leave it out of their own message (`{:#}` prints it).
#[derive(Debug, thiserror::Error)]
pub enum PinError {
    #[error("{file}: sha256 mismatch\n  expected {expected} (the pin)\n  actual   {actual}\nIf this file is the one you mean, update the pin's sha256; otherwise replace the file.")]
    Mismatch {
        file: PathBuf,
        expected: String,
        actual: String,
    },
    #[error("{url}: sha256 mismatch\n  expected {expected} (the pin)\n  actual   {actual} (the download, which was discarded)\nIf this release is the one you mean, update the pin's sha256; otherwise fix the pin's url.")]
    DownloadMismatch {
        url: String,
        expected: String,
        actual: String,
    },
    /// `action` says what was being done: "cannot open", "reading", "writing", ...
    #[error("{action} {file}")]
    Io {
        action: &'static str,
        file: PathBuf,
        source: io::Error,
    },
    #[error("{file}: {name} is missing{hint}")]
    Missing {
        file: PathBuf,
        name: String,
        hint: String,
    },
    #[error("{file}: not a valid pin")]
    Parse {
        file: PathBuf,
        source: toml::de::Error,
    },
    #[error("{file}: {message}")]
    Invalid { file: PathBuf, message: String },
    #[error("{name} {version} has no sha256 recorded, so it cannot be checked. {how}, and put the hash in the pin.")]
    NoSha256 {
        name: String,
        version: String,
        how: String,
    },
    #[error(
        "{name} {version} (sha256 {sha256}): no source has it\n{}\n{}",
        list(tried),
        repin_hint(repin)
    )]
    NoSource {
        name: String,
        version: String,
        sha256: String,
        tried: Vec<Attempt>,
        repin: Option<String>,
    },
    #[error("the cache {endpoint}")]
    Cas { endpoint: String, source: CasError },
    #[error("downloading {url} failed ({status})")]
    Download { url: String, status: String },
    #[error("cannot run curl to download {url} (is curl installed?)")]
    Curl { url: String, source: io::Error },
    #[error(
        "downloading {url}: more than {limit} bytes, larger than any pinned file; check the url"
    )]
    TooLarge { url: String, limit: u64 },
}

fn list(tried: &[Attempt]) -> String {
    let lines: Vec<String> = tried.iter().map(Attempt::to_string).collect();
    lines.join("\n")
}

fn repin_hint(repin: &Option<String>) -> String {
    match repin {
        Some(command) => format!(
            "If the file is gone from every source (an archive moved on), re-pin from what it has now: {command}"
        ),
        None => "If the file is gone from every source, pin a version that a source still has (the pin has no `repin` command to print one).".into(),
    }
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a string is a sha256 in hex.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Opens `path` for reading if it is a regular file (after symlinks) of at
/// most [`MAX_DOWNLOAD`] bytes, through [`mvirt_atomic::open_input`]: a
/// FIFO, device, socket or directory is refused without waiting, before a
/// read could hang on a FIFO or never end on /dev/zero.
pub fn open_regular(path: &Path) -> Result<File, PinError> {
    match mvirt_atomic::open_input(path, MAX_DOWNLOAD) {
        Ok((file, _)) => Ok(file),
        Err(source) => Err(PinError::Io {
            action: "cannot open",
            file: path.into(),
            source,
        }),
    }
}

/// The sha256 of a regular file, as lower-case hex.
pub fn sha256_file(path: &Path) -> Result<String, PinError> {
    let mut file = open_regular(path)?;
    copy_hashed(&mut file, &mut [] as &mut [io::Sink], None)
        .map_err(|e| e.into_pin_error(path, &[]))
}

/// Checks `file` against `expected` (hex sha256).
pub fn verify(file: &Path, expected: &str) -> Result<(), PinError> {
    let actual = sha256_file(file)?;
    if !actual.eq_ignore_ascii_case(expected) {
        return Err(PinError::Mismatch {
            file: file.into(),
            expected: expected.to_lowercase(),
            actual,
        });
    }
    Ok(())
}

/// What [`resolve`] should bring to `output`.
#[derive(Clone, Copy, Debug)]
pub struct Fetch<'a> {
    pub pin: &'a FilePin,
    /// A file to use instead of the pin's (not checked: its sha256 is returned).
    pub local: Option<&'a Path>,
    /// The download cache, created only when a download happens; without
    /// one, a download goes straight to `output`.
    pub downloads: Option<&'a Path>,
    pub output: &'a Path,
    /// `output`'s mode.
    pub mode: u32,
    /// The shared cache, asked before any URL.
    pub cas: Option<&'a Cas>,
}

/// Where [`resolve`]'s output came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// The explicit local file, whose bytes written have this sha256.
    Local { sha256: String },
    /// The pin's local `path`.
    PinnedPath(PathBuf),
    /// The download cache's copy.
    Cached(PathBuf),
    /// The shared cache's copy (kept in the download cache when there is one).
    Cas,
    /// The output held the pinned file already.
    Unchanged,
    /// A new download (kept in the cache when there is one).
    Downloaded { cache: Option<PathBuf> },
}

/// Brings the pinned file (or the explicit local one) to `output`, hashing
/// it in the same pass that copies it and committing the output only when
/// the hash is the pin's. The pin's sources are tried in order (its `path`,
/// the download cache, the CAS, each URL; see [`FilePin`]); the first that
/// gives the pinned bytes wins, and when none does the error lists them
/// all. `output` is left untouched when its content is already right, and a
/// failure leaves neither it nor any directory created for it.
pub fn resolve(req: &Fetch) -> Result<Resolved, PinError> {
    let pin = req.pin;
    pin.check().map_err(|message| PinError::Invalid {
        file: format!("pin {:?}", pin.name).into(),
        message,
    })?;
    if let Some(local) = req.local {
        let sha256 = install(local, None, req.output, req.mode)?;
        return Ok(Resolved::Local { sha256 });
    }
    if !is_sha256(&pin.sha256) {
        let how = match (&pin.path, pin.urls().next()) {
            (Some(path), _) => format!("Run sha256sum on {}", path.display()),
            (None, url) => format!(
                "Download {} once, run sha256sum on it",
                url.unwrap_or_default()
            ),
        };
        return Err(PinError::NoSha256 {
            name: pin.name.clone(),
            version: pin.version.clone(),
            how,
        });
    }
    let mut tried = Vec::new();
    if let Some(path) = &pin.path {
        let result = pin
            .local_path()
            .and_then(|_| install(path, Some(&pin.sha256), req.output, req.mode).map(drop));
        if sources::record(format!("path {}", path.display()), result, &mut tried)? {
            return Ok(Resolved::PinnedPath(path.clone()));
        }
    }
    let cached = req.downloads.map(|d| d.join(pin.cache_name()));
    if let Some(cached) = &cached {
        if from_cache(cached, req)? {
            return Ok(Resolved::Cached(cached.clone()));
        }
    }
    // Before any network: an output that is already the pinned file (its
    // pin was touched, not changed) needs nothing.
    if stream::holds(req.output, req.mode, &pin.sha256.to_lowercase()) {
        return Ok(Resolved::Unchanged);
    }
    let targets = sources::Targets {
        output: Some((req.output, req.mode)),
        cached,
        downloads: req.downloads,
    };
    if let Some(found) = sources::remote(pin, req.cas, &targets, &mut tried)? {
        return Ok(found);
    }
    Err(no_source(pin, tried))
}

pub(crate) fn no_source(pin: &FilePin, tried: Vec<Attempt>) -> PinError {
    PinError::NoSource {
        name: pin.name.clone(),
        version: pin.version.clone(),
        sha256: pin.sha256.to_lowercase(),
        tried,
        repin: pin.repin.clone(),
    }
}

/// Installs the cached download if there is one and it is right. A cached
/// file with the wrong hash (a pin's sha256 corrected for the same version,
/// a damaged disk) is removed, so that the download replaces it.
fn from_cache(cached: &Path, req: &Fetch) -> Result<bool, PinError> {
    let file = match open_regular(cached) {
        Ok(file) => file,
        Err(PinError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            return Ok(false)
        }
        Err(e) => return Err(e),
    };
    match install_from(file, cached, Some(&req.pin.sha256), req.output, req.mode) {
        Ok(_) => Ok(true),
        Err(PinError::Mismatch {
            expected, actual, ..
        }) => {
            note(format_args!(
                "mvirt-fetch: {}: sha256 {actual} is not the pin's {expected}; removing it and downloading again",
                cached.display()
            ));
            std::fs::remove_file(cached).map_err(|source| PinError::Io {
                action: "removing",
                file: cached.into(),
                source,
            })?;
            Ok(false)
        }
        Err(e) => Err(e),
    }
}

/// Copies the regular file `src` to `output` while hashing it; commits the
/// output when `expected` is `None` or the hash. Returns the hash.
fn install(
    src: &Path,
    expected: Option<&str>,
    output: &Path,
    mode: u32,
) -> Result<String, PinError> {
    install_from(open_regular(src)?, src, expected, output, mode)
}

/// [`install`] from `file`, already opened (by [`open_regular`]) from `src`.
fn install_from(
    mut file: File,
    src: &Path,
    expected: Option<&str>,
    output: &Path,
    mode: u32,
) -> Result<String, PinError> {
    let (dirs, out) = create_output(output, mode)?;
    let mut outs = [out];
    let sha = copy_hashed(&mut file, &mut outs, None).map_err(|e| e.into_pin_error(src, &outs))?;
    if let Some(expected) = expected {
        if !sha.eq_ignore_ascii_case(expected) {
            return Err(PinError::Mismatch {
                file: src.into(),
                expected: expected.to_lowercase(),
                actual: sha,
            });
        }
    }
    commit_changed(outs.into(), &sha)?;
    dirs.keep();
    Ok(sha)
}

/// A line on stderr. A closed or full stderr is not worth failing (or
/// panicking, as `eprintln!` would) over: the exit status still tells.
pub(crate) fn note(args: fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{args}");
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    #[test]
    fn verify_names_both_hashes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, b"abc").unwrap();
        assert_eq!(sha256_file(&file).unwrap(), ABC);
        verify(&file, ABC).unwrap();
        let err = verify(&file, &"0".repeat(64)).unwrap_err().to_string();
        assert!(err.contains(ABC) && err.contains(&"0".repeat(64)), "{err}");
        assert!(is_sha256(ABC) && !is_sha256("abc"));
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .unwrap();
        let cases = [
            (fifo.as_path(), "is a FIFO"),
            (Path::new("/dev/zero"), "is a character device"),
            (dir.path(), "is a directory"),
        ];
        for (path, kind) in cases {
            let err = sha256_file(path).unwrap_err();
            let chain = format!("{:#}", anyhow::Error::new(err));
            assert!(chain.contains(kind), "{chain}");
        }
    }

    #[test]
    fn io_errors_keep_their_cause_out_of_the_message() {
        let err = sha256_file(Path::new("/nonexistent/x")).unwrap_err();
        let chain = format!("{:#}", anyhow::Error::new(err));
        assert_eq!(chain.matches("No such file").count(), 1, "{chain}");
        assert_eq!(chain.matches("/nonexistent/x").count(), 1, "{chain}");
    }
}
