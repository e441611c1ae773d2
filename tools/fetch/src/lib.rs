//! Pinned external files: every external input of the build (kernel
//! tarball, cloud-hypervisor release, ...) is named by a URL or a local path
//! and a sha256, and is checked inside the step that uses it.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

#[derive(Debug, thiserror::Error)]
pub enum PinError {
    #[error("{file}: sha256 mismatch\n  expected {expected} (the pin)\n  actual   {actual}\nIf this file is the one you mean, update the pin's sha256; otherwise replace the file.")]
    Mismatch {
        file: PathBuf,
        expected: String,
        actual: String,
    },
    #[error("{file}: {source}")]
    Io { file: PathBuf, source: io::Error },
    #[error("downloading {url} failed ({status})")]
    Download { url: String, status: String },
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The sha256 of a file, as lower-case hex.
pub fn sha256_file(path: &Path) -> Result<String, PinError> {
    let io = |source| PinError::Io {
        file: path.into(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
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

/// Whether a string is a sha256 in hex.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Downloads `url` to `dest` (with curl), through a temporary file renamed
/// on success, so an interrupted download never looks complete.
pub fn download(url: &str, dest: &Path) -> Result<(), PinError> {
    let io = |source| PinError::Io {
        file: dest.into(),
        source,
    };
    let part = mvirt_atomic::Output::create(dest, 0o644).map_err(io)?;
    eprintln!("fetch: downloading {url}");
    let status = Command::new("curl")
        .args([
            "--fail",
            "--location",
            "--silent",
            "--show-error",
            "--connect-timeout",
            "20",
            "-o",
        ])
        .arg(part.path())
        .arg(url)
        .status();
    match status {
        Ok(s) if s.success() => part.commit().map_err(io),
        // Dropping `part` removes the partial download.
        other => Err(PinError::Download {
            url: url.into(),
            status: match other {
                Ok(s) => s.to_string(),
                Err(e) => format!("cannot run curl: {e}"),
            },
        }),
    }
}

/// A pin file for one external file: a release to download (`url`, e.g.
/// initramfs/cloud-hypervisor.toml) or a file a system package installs
/// (`path` + `package`, e.g. uki/efi-stub.toml). Either way `sha256` decides.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePin {
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// The system package that installs `path` (named in the error when it is missing).
    #[serde(default)]
    pub package: Option<String>,
    /// Empty until someone with internet has recorded it.
    pub sha256: String,
}

impl FilePin {
    pub fn load(path: &Path) -> anyhow::Result<FilePin> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let pin: FilePin =
            toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        if pin.url.is_some() == pin.path.is_some() {
            anyhow::bail!(
                "{}: a pin names exactly one of `url` (a download) and `path` (a local file)",
                path.display()
            );
        }
        Ok(pin)
    }

    /// The pinned local file, checked to exist (with the package to install
    /// when it does not).
    pub fn local_path(&self) -> anyhow::Result<Option<&Path>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        if !path.exists() {
            anyhow::bail!(
                "{}: {} is missing{}",
                path.display(),
                self.name,
                match &self.package {
                    Some(p) => format!(" (apt-get install {p}, or ./bootstrap)"),
                    None => String::new(),
                }
            );
        }
        Ok(Some(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_names_a_url_or_a_path() {
        let dir = tempfile::tempdir().unwrap();
        let write = |text: &str| {
            let pin = dir.path().join("pin.toml");
            std::fs::write(&pin, text).unwrap();
            FilePin::load(&pin)
        };
        let head = "name = \"stub\"\nversion = \"1\"\nsha256 = \"\"\n";
        assert!(write(&format!("{head}url = \"https://x/y\"\n")).is_ok());
        let both = write(&format!("{head}url = \"https://x/y\"\npath = \"/a\"\n"));
        assert!(both.unwrap_err().to_string().contains("exactly one"));
        assert!(write(head).is_err());
        let missing = write(&format!(
            "{head}path = \"/nonexistent/stub.efi\"\npackage = \"systemd-boot-efi\"\n"
        ))
        .unwrap();
        let err = missing.local_path().unwrap_err().to_string();
        assert!(
            err.contains("/nonexistent/stub.efi")
                && err.contains("apt-get install systemd-boot-efi"),
            "{err}"
        );
    }

    #[test]
    fn verify_names_both_hashes() {
        let dir = std::env::temp_dir().join(format!("fetch-test-{}", std::process::id()));
        std::fs::write(&dir, b"abc").unwrap();
        let sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(sha256_file(&dir).unwrap(), sha);
        verify(&dir, sha).unwrap();
        let err = verify(&dir, &"0".repeat(64)).unwrap_err().to_string();
        assert!(err.contains(sha) && err.contains(&"0".repeat(64)), "{err}");
        std::fs::remove_file(&dir).unwrap();
        assert!(is_sha256(sha) && !is_sha256("abc"));
    }
}
