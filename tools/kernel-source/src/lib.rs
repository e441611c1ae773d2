//! Kernel source pins: which tarball a kernel version means, checked by
//! sha256 before anything reads it, then unpacked into a scratch directory.
//!
//! Used by both kernel build steps (`mvirt-kconfig`, `mvirt-kbuild`) so that
//! they agree on what a source is and how it is verified.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

/// Errors of resolving, verifying and unpacking a source.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{file}: cannot read the pins: {source}")]
    ReadPins { file: PathBuf, source: io::Error },
    #[error("{file}: {message}")]
    ParsePins { file: PathBuf, message: String },
    #[error("{file}: kernel version {version:?} has no pinned source (pinned: {known}); add a [[source]] entry with its sha256")]
    Unpinned {
        file: PathBuf,
        version: String,
        known: String,
    },
    #[error("{file}: the source of {version} gives neither `path` nor `url`")]
    NoLocation { file: PathBuf, version: String },
    #[error(transparent)]
    Pin(#[from] mvirt_fetch::PinError),
    #[error("{tarball}: {source}{hint}")]
    Io {
        tarball: PathBuf,
        source: io::Error,
        hint: &'static str,
    },
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PinFile {
    source: Vec<Pin>,
}

/// Reads the pin of `version` from a pins file.
pub fn pin_for(pins: &Path, version: &str) -> Result<Pin, SourceError> {
    let text = std::fs::read_to_string(pins).map_err(|source| SourceError::ReadPins {
        file: pins.into(),
        source,
    })?;
    let parsed: PinFile = toml::from_str(&text).map_err(|e| SourceError::ParsePins {
        file: pins.into(),
        message: e.to_string(),
    })?;
    for pin in &parsed.source {
        if !mvirt_fetch::is_sha256(&pin.sha256) {
            return Err(SourceError::ParsePins {
                file: pins.into(),
                message: format!(
                    "version {}: sha256 must be 64 hex digits, got {:?}",
                    pin.version, pin.sha256
                ),
            });
        }
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
    let text = std::fs::read_to_string(file).map_err(|source| SourceError::ReadPins {
        file: file.into(),
        source,
    })?;
    Ok(text.trim().to_string())
}

/// Finds the pin's tarball: its local `path`, or `url` downloaded (with curl)
/// into `downloads`. Verifies the hash either way and returns the path.
pub fn fetch(pin: &Pin, downloads: &Path) -> Result<PathBuf, SourceError> {
    let local = pin
        .path
        .as_ref()
        .filter(|p| p.exists() || pin.url.is_none());
    let tarball = if let Some(path) = local {
        if !path.exists() {
            return Err(SourceError::Io {
                tarball: path.clone(),
                source: io::ErrorKind::NotFound.into(),
                hint: if path.starts_with("/usr/src") {
                    " (Debian: apt-get install linux-source-6.12, or ./bootstrap)"
                } else {
                    ""
                },
            });
        }
        path.clone()
    } else if let Some(url) = &pin.url {
        let name = url.rsplit('/').next().unwrap_or("linux.tar.xz");
        let dest = downloads.join(name);
        if !dest.exists() {
            mvirt_fetch::download(url, &dest)?;
        }
        dest
    } else {
        return Err(SourceError::NoLocation {
            file: PathBuf::from("sources"),
            version: pin.version.clone(),
        });
    };
    mvirt_fetch::verify(&tarball, &pin.sha256)?;
    Ok(tarball)
}

/// Unpacks `tarball` (already verified) into `dest`, dropping its top-level
/// directory, so that `dest` is the kernel source tree.
pub fn unpack(tarball: &Path, dest: &Path) -> Result<(), SourceError> {
    std::fs::create_dir_all(dest).map_err(|source| SourceError::Io {
        tarball: dest.into(),
        source,
        hint: "",
    })?;
    let out = Command::new("tar")
        .arg("-xf")
        .arg(tarball)
        .arg("-C")
        .arg(dest)
        .args(["--strip-components=1", "--no-same-owner"])
        .output()
        .map_err(|e| SourceError::Unpack {
            tarball: tarball.into(),
            detail: format!("cannot run tar: {e}"),
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
        let io = |dir: &Path| {
            let dir = dir.to_path_buf();
            move |source| SourceError::Io {
                tarball: dir,
                source,
                hint: "",
            }
        };
        if let Some(cache) = &self.source_cache {
            // The tree is only ever read (builds are out of tree), so one
            // verified copy per tarball hash serves every later build.
            let done = cache.join(&pin.sha256);
            if done.join("src/Makefile").exists() {
                eprintln!(
                    "kernel-source: {version}: using the unpacked tree in {}",
                    done.display()
                );
                return Ok(Tree {
                    path: done.join("src"),
                    _scratch: None,
                });
            }
            std::fs::create_dir_all(cache).map_err(io(cache))?;
            let staging = tempfile::Builder::new()
                .prefix(".unpacking-")
                .tempdir_in(cache)
                .map_err(io(cache))?;
            eprintln!(
                "kernel-source: {version}: {} verified, unpacking into the cache",
                tarball.display()
            );
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
        std::fs::create_dir_all(scratch_parent).map_err(io(scratch_parent))?;
        let scratch = tempfile::Builder::new()
            .prefix("linux-")
            .tempdir_in(scratch_parent)
            .map_err(|source| SourceError::Io {
                tarball: scratch_parent.into(),
                source,
                hint: "",
            })?;
        let path = scratch.path().join("src");
        eprintln!(
            "kernel-source: {version}: {} verified, unpacking",
            tarball.display()
        );
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
