//! Downloads with curl: the URL after `--` (never an option), https only
//! (http too when a sha256 pins the content), redirects held to the same
//! protocols, bounded in size, and streamed through a pipe into atomic
//! outputs while being hashed.

use std::io;
use std::path::Path;
use std::process::{Command, Stdio};

use mvirt_atomic::Output;

use crate::pin::{check_url, is_http};
use crate::stream::{commit_changed, copy_hashed, create_output, CopyError};
use crate::{is_sha256, note, PinError};

/// The largest download (1 GiB): more than any pinned file (a kernel
/// tarball is ~150 MB), so a URL that streams without end stops here.
pub const MAX_DOWNLOAD: u64 = 1 << 30;

/// curl's exit status when `--max-filesize` is exceeded (CURLE_FILESIZE_EXCEEDED).
const CURL_TOO_LARGE: i32 = 63;

/// Downloads the https:// `url` to `dest` (mode 0644), which appears only
/// once the download is complete. Nothing checks the content here, so plain
/// http:// is refused; prefer [`download_verified`], which also keeps a wrong
/// download out of `dest`.
pub fn download(url: &str, dest: &Path) -> Result<(), PinError> {
    check_url(url, "").map_err(|message| PinError::Invalid {
        file: dest.into(),
        message,
    })?;
    let (dirs, out) = create_output(dest, 0o644)?;
    let (outs, _) = fetch(url, vec![out])?;
    mvirt_atomic::commit_all(outs).map_err(|source| PinError::Io {
        action: "writing",
        file: dest.into(),
        source,
    })?;
    dirs.keep();
    Ok(())
}

/// Downloads `url` to `dest` (mode 0644) and commits it only if its sha256
/// is `sha256`: a wrong download is discarded, never left to fail later runs.
pub fn download_verified(url: &str, sha256: &str, dest: &Path) -> Result<(), PinError> {
    if !is_sha256(sha256) {
        return Err(PinError::Invalid {
            file: dest.into(),
            message: format!("no sha256 to check the download of {url} against"),
        });
    }
    check_url(url, sha256).map_err(|message| PinError::Invalid {
        file: dest.into(),
        message,
    })?;
    let (dirs, out) = create_output(dest, 0o644)?;
    let outs = download_checked(url, sha256, vec![out])?;
    commit_changed(outs, &sha256.to_lowercase())?;
    dirs.keep();
    Ok(())
}

/// Downloads `url` into every output and returns them, uncommitted, when
/// the content's sha256 is `sha256` (which the caller has checked is one).
pub(crate) fn download_checked(
    url: &str,
    sha256: &str,
    outs: Vec<Output>,
) -> Result<Vec<Output>, PinError> {
    check_url(url, sha256).map_err(|message| PinError::Invalid {
        file: "the download".into(),
        message,
    })?;
    let (outs, actual) = fetch(url, outs)?;
    if !actual.eq_ignore_ascii_case(sha256) {
        // Dropping `outs` removes the temporary files: nothing is cached.
        return Err(PinError::DownloadMismatch {
            url: url.into(),
            expected: sha256.to_lowercase(),
            actual,
        });
    }
    Ok(outs)
}

/// Runs curl on a URL that passed [`check_url`] and streams its output into
/// `outs`; returns them with the sha256 of what was written.
fn fetch(url: &str, mut outs: Vec<Output>) -> Result<(Vec<Output>, String), PinError> {
    note(format_args!("fetch: downloading {url}"));
    let mut child = Command::new("curl")
        .args(curl_args(url, is_http(url)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|source| PinError::Curl {
            url: url.into(),
            source,
        })?;
    let copied = match child.stdout.take() {
        // The pipe closes at the end of this arm, so curl cannot block on it.
        Some(mut pipe) => copy_hashed(&mut pipe, &mut outs, Some(MAX_DOWNLOAD)),
        None => Err(CopyError::Read(io::Error::other(
            "curl's output is not a pipe",
        ))),
    };
    if copied.is_err() {
        // Best effort: curl may have ended already.
        let _ = child.kill();
    }
    let status = child.wait().map_err(|source| PinError::Curl {
        url: url.into(),
        source,
    })?;
    let sha256 = copied.map_err(|e| e.into_pin_error(Path::new(url), &outs))?;
    if status.code() == Some(CURL_TOO_LARGE) {
        return Err(PinError::TooLarge {
            url: url.into(),
            limit: MAX_DOWNLOAD,
        });
    }
    if !status.success() {
        return Err(PinError::Download {
            url: url.into(),
            status: status.to_string(),
        });
    }
    Ok((outs, sha256))
}

/// curl's command line: `-q` first, so that no `.curlrc` (in $CURL_HOME,
/// $XDG_CONFIG_HOME or $HOME) adds an `output`, `proxy` or `header` (curl
/// honours `-q` only as its first argument); the content to stdout,
/// failures as errors, bounded in size, `protocols` only (for redirects
/// too: `--location` must not lead to file:// or elsewhere), and `--` so
/// that the URL is never an option.
fn curl_args(url: &str, allow_http: bool) -> Vec<String> {
    let protocols = if allow_http { "=https,http" } else { "=https" };
    let max = MAX_DOWNLOAD.to_string();
    [
        "-q",
        "--fail",
        "--location",
        "--silent",
        "--show-error",
        "--connect-timeout",
        "20",
        "--max-filesize",
        &max,
        "--proto",
        protocols,
        "--proto-redir",
        protocols,
        "--",
        url,
    ]
    .map(String::from)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_comes_last_after_the_end_of_options() {
        let args = curl_args("https://a/b", false);
        assert_eq!(args[0], "-q", "first, or curl reads ~/.curlrc");
        assert_eq!(args[args.len() - 2..], ["--", "https://a/b"]);
        let pos = |flag: &str| args.iter().position(|a| a == flag).unwrap();
        assert_eq!(args[pos("--proto") + 1], "=https");
        assert_eq!(args[pos("--proto-redir") + 1], "=https");
        assert_eq!(args[pos("--max-filesize") + 1], "1073741824");
        let args = curl_args("http://a/b", true);
        assert_eq!(
            args[args.iter().position(|a| a == "--proto").unwrap() + 1],
            "=https,http"
        );
    }

    #[test]
    fn unchecked_downloads_are_https_only() {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("d/x");
        for url in ["-K/tmp/x", "http://a/b", "file:///etc/passwd"] {
            let err = download(url, &dest).unwrap_err();
            assert!(matches!(err, PinError::Invalid { .. }), "{url}: {err:?}");
        }
        let err = download_verified("https://a/b", "", &dest).unwrap_err();
        assert!(err.to_string().contains("no sha256"), "{err}");
        // Refused before anything was created.
        assert!(!tmp.path().join("d").exists());
    }
}
