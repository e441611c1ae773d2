//! Pin files, and the checks that keep a pin's fields data: a pin is read
//! from the repository, but its `url` reaches curl's command line and its
//! `name`/`version` name a file in the download cache, so neither may be
//! able to act as an option or a path.

use std::path::{Path, PathBuf};

use crate::{is_sha256, PinError};

/// The longest `name` or `version` (bytes): `{name}-{version}` stays far
/// below NAME_MAX (255) and readable in error messages.
pub const MAX_COMPONENT: usize = 100;
/// The longest `url` (bytes).
pub const MAX_URL: usize = 4096;
/// The largest pin file read (a pin is a few lines; anything bigger is not one).
const MAX_PIN_FILE: u64 = 1 << 20;

/// A pin file for one external file: what it is (`name`, `version`), its
/// content (`sha256`, and `size` for the shared cache), and where it may be
/// found, tried in this order: the local `path` a system `package` installs,
/// the shared cache (by sha256 and size, see [`crate::Cas`]), then each URL
/// (`url`, then `urls`: mirrors and permanent archives). Any source will do:
/// `sha256` decides. `repin` is the command that prints an updated pin from
/// the current archive, named when every source fails.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePin {
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub url: Option<String>,
    /// More URLs, tried after `url`.
    #[serde(default)]
    pub urls: Vec<String>,
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// The system package that installs `path` (named in the error when it is missing).
    #[serde(default)]
    pub package: Option<String>,
    /// Empty until someone with internet has recorded it.
    pub sha256: String,
    /// The size in bytes: a CAS names a blob by sha256 and size.
    #[serde(default)]
    pub size: Option<u64>,
    /// How to re-pin (a command line, shown, never run).
    #[serde(default)]
    pub repin: Option<String>,
}

/// The most URLs one pin may list.
pub const MAX_URLS: usize = 16;

impl FilePin {
    /// Reads and checks a pin file (see [`FilePin::check`]).
    pub fn load(path: &Path) -> Result<FilePin, PinError> {
        let text = read_pin_file(path)?;
        let pin: FilePin = toml::from_str(&text).map_err(|source| PinError::Parse {
            file: path.into(),
            source,
        })?;
        pin.check().map_err(|message| PinError::Invalid {
            file: path.into(),
            message,
        })?;
        Ok(pin)
    }

    /// Checks what [`FilePin::load`] checks, for a pin built in code: at
    /// least one source (`path`, `url` or `urls`; at most [`MAX_URLS`]
    /// URLs); `name` and `version` safe as one file name each; `sha256` empty
    /// or 64 hex digits; every URL an https:// URL (or http:// with a
    /// sha256) without whitespace or control characters; `repin` one line.
    pub fn check(&self) -> Result<(), String> {
        if self.path.is_none() && self.urls().next().is_none() {
            return Err(
                "a pin names at least one source: `path` (a local file), `url` or `urls` (downloads)".into(),
            );
        }
        if self.urls().count() > MAX_URLS {
            return Err(format!("a pin lists at most {MAX_URLS} URLs"));
        }
        check_component("name", &self.name)?;
        check_component("version", &self.version)?;
        if !self.sha256.is_empty() && !is_sha256(&self.sha256) {
            return Err(format!(
                "`sha256` must be 64 hex digits (or empty until recorded), got {:?}",
                self.sha256
            ));
        }
        if let Some(repin) = &self.repin {
            if repin.len() > MAX_URL || repin.chars().any(char::is_control) {
                return Err("`repin` must be one line of at most 4096 bytes".into());
            }
        }
        self.urls().try_for_each(|url| check_url(url, &self.sha256))
    }

    /// The download URLs, in the order they are tried: `url`, then `urls`.
    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.url.iter().chain(&self.urls).map(String::as_str)
    }

    /// The file name of the pinned download in a cache: `{name}-{version}`,
    /// one path component because [`FilePin::check`] holds.
    pub fn cache_name(&self) -> String {
        format!("{}-{}", self.name, self.version)
    }

    /// The pinned local file, checked to exist (with the package to install
    /// when it does not).
    pub fn local_path(&self) -> Result<Option<&Path>, PinError> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        if !path.exists() {
            return Err(PinError::Missing {
                file: path.clone(),
                name: self.name.clone(),
                hint: match &self.package {
                    // Another architecture's package (systemd-boot-efi:arm64)
                    // is not installed beside the host's, only unpacked.
                    Some(p) if p.contains(':') => {
                        format!(" (./bootstrap unpacks it from `apt-get download {p}`)")
                    }
                    Some(p) => format!(" (apt-get install {p}, or ./bootstrap)"),
                    None => String::new(),
                },
            });
        }
        Ok(Some(path))
    }
}

/// Reads a pin file: a regular file (a FIFO or device would hang or never
/// end), of at most [`MAX_PIN_FILE`] bytes, in UTF-8.
fn read_pin_file(path: &Path) -> Result<String, PinError> {
    mvirt_atomic::read_input_to_string(path, MAX_PIN_FILE).map_err(|source| PinError::Io {
        action: "reading",
        file: path.into(),
        source,
    })
}

/// Checks that `value` (the pin's field `what`) is usable as one file name:
/// not empty, `.` or `..`, at most [`MAX_COMPONENT`] bytes, without `/` or
/// control characters (NUL included).
pub fn check_component(what: &str, value: &str) -> Result<(), String> {
    let problem = if value.is_empty() {
        "is empty"
    } else if value == "." || value == ".." {
        "is `.` or `..`"
    } else if value.len() > MAX_COMPONENT {
        "is longer than 100 bytes"
    } else if value.contains('/') {
        "contains `/`"
    } else if value.chars().any(char::is_control) {
        "contains a control character"
    } else {
        return Ok(());
    };
    Err(format!(
        "`{what}` {value:?} {problem}; it names the download cache's file `{{name}}-{{version}}`, so it must be a plain file name"
    ))
}

/// Checks a download URL: `https://` (or `http://` when `sha256` pins the
/// content, which then cannot be tampered with unnoticed) and a host, no
/// whitespace or control characters, at most [`MAX_URL`] bytes. A URL
/// starting with `-` fails the scheme test, so it can never be an option.
pub fn check_url(url: &str, sha256: &str) -> Result<(), String> {
    let fail = |problem: &str| Err(format!("`url` {url:?} {problem}"));
    if url.len() > MAX_URL {
        return fail("is longer than 4096 bytes");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return fail("contains whitespace or a control character");
    }
    let rest = if let Some(rest) = strip_prefix_ignore_case(url, "https://") {
        rest
    } else if let Some(rest) = strip_prefix_ignore_case(url, "http://") {
        if !is_sha256(sha256) {
            return fail("is plain http://, which is allowed only with a sha256; use https:// or record the sha256");
        }
        rest
    } else {
        return fail("must start with https:// (or http:// with a sha256)");
    };
    if rest.is_empty() || rest.starts_with('/') {
        return fail("names no host");
    }
    Ok(())
}

/// Whether `url` is plain http:// (curl must then allow http too).
pub(crate) fn is_http(url: &str) -> bool {
    strip_prefix_ignore_case(url, "http://").is_some()
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Component;

    const SHA: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    fn load(text: &str) -> Result<FilePin, PinError> {
        let dir = tempfile::tempdir().unwrap();
        let pin = dir.path().join("pin.toml");
        std::fs::write(&pin, text).unwrap();
        FilePin::load(&pin)
    }

    #[test]
    fn a_pin_names_a_url_or_a_path() {
        let head = "name = \"stub\"\nversion = \"1\"\nsha256 = \"\"\n";
        assert!(load(&format!("{head}url = \"https://x/y\"\n")).is_ok());
        let both = load(&format!("{head}url = \"https://x/y\"\npath = \"/a\"\n")).unwrap();
        assert_eq!(both.urls().collect::<Vec<_>>(), ["https://x/y"]);
        let mirrors = load(&format!(
            "{head}url = \"https://x/y\"\nurls = [\"https://m/1\", \"https://m/2\"]\n"
        ))
        .unwrap();
        assert_eq!(
            mirrors.urls().collect::<Vec<_>>(),
            ["https://x/y", "https://m/1", "https://m/2"]
        );
        let none = load(head).unwrap_err().to_string();
        assert!(none.contains("at least one source"), "{none}");
        let bad_mirror = load(&format!("{head}urls = [\"https://m/1\", \"-K/x\"]\n"));
        assert!(bad_mirror.unwrap_err().to_string().contains("https://"));
        let many = (0..=MAX_URLS)
            .map(|i| format!("\"https://m/{i}\""))
            .collect::<Vec<_>>();
        let many = load(&format!("{head}urls = [{}]\n", many.join(",")));
        assert!(many.unwrap_err().to_string().contains("at most"));
        let repin = load(&format!("{head}url = \"https://x/y\"\nrepin = \"a\\nb\"\n"));
        assert!(repin.unwrap_err().to_string().contains("`repin`"));
        let missing = load(&format!(
            "{head}path = \"/nonexistent/stub.efi\"\npackage = \"systemd-boot-efi\"\n"
        ))
        .unwrap();
        let err = missing.local_path().unwrap_err().to_string();
        assert!(
            err.contains("/nonexistent/stub.efi")
                && err.contains("apt-get install systemd-boot-efi"),
            "{err}"
        );
        let foreign = load(&format!(
            "{head}path = \"/nonexistent/stub.efi\"\npackage = \"systemd-boot-efi:arm64\"\n"
        ))
        .unwrap();
        let err = foreign.local_path().unwrap_err().to_string();
        assert!(
            err.contains("apt-get download systemd-boot-efi:arm64") && !err.contains("install"),
            "{err}"
        );
    }

    #[test]
    fn the_repository_pins_load_and_name_more_than_one_source() {
        // $MVIRT_REPO_ROOT under buck2, which runs tests from the project root.
        let root = std::env::var_os("MVIRT_REPO_ROOT")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
        let mut pins: Vec<PathBuf> = [
            "initramfs/cloud-hypervisor.toml",
            "initramfs/cloud-hypervisor-arm64.toml",
            "uki/efi-stub.toml",
            "uki/efi-stub-arm64.toml",
            "kernel/linux.toml",
        ]
        .iter()
        .map(|p| root.join(p))
        .collect();
        let rust = std::fs::read_dir(root.join("toolchains/rust")).unwrap();
        pins.extend(
            rust.map(|e| e.unwrap().path())
                .filter(|p| p.extension() == Some("toml".as_ref())),
        );
        assert_eq!(pins.len(), 10, "{pins:?}");
        for file in pins {
            let pin = FilePin::load(&file).unwrap();
            assert_eq!(Path::new(&pin.cache_name()).components().count(), 1);
            // The cloud-hypervisor releases' sizes are not known here (the
            // release page is out of reach): the CAS cannot serve them yet.
            if pin.name == "cloud-hypervisor" {
                continue;
            }
            // A CAS source (sha256 + size) beside the path or URLs, and the
            // command that re-pins when every source has moved on.
            let name = file.display();
            assert!(pin.size.is_some(), "{name}: no size");
            assert!(pin.repin.is_some(), "{name}: no repin command");
            let sources = usize::from(pin.path.is_some()) + pin.urls().count();
            assert!(sources >= 1 && is_sha256(&pin.sha256), "{name}");
        }
    }

    #[test]
    fn urls_are_https_or_pinned_http_and_never_options() {
        let ok = [
            ("https://github.com/a/b", ""),
            ("HTTPS://example.org/x?y=1", ""),
            ("http://example.org/x", SHA),
        ];
        for (url, sha) in ok {
            assert_eq!(check_url(url, sha), Ok(()), "{url}");
        }
        let bad = [
            ("-K/tmp/x", SHA, "must start with https://"),
            ("--config=/tmp/x", SHA, "must start with https://"),
            ("file:///etc/passwd", SHA, "must start with https://"),
            ("ftp://example.org/x", SHA, "must start with https://"),
            ("http://example.org/x", "", "allowed only with a sha256"),
            ("https://", SHA, "names no host"),
            ("https:///etc/passwd", SHA, "names no host"),
            ("https://a/b c", SHA, "whitespace"),
            ("https://a/b\n-K/x", SHA, "whitespace"),
            ("https://a/b\0", SHA, "control"),
            ("https://a/b\u{7f}", SHA, "control"),
        ];
        for (url, sha, why) in bad {
            let err = check_url(url, sha).unwrap_err();
            assert!(err.contains(why), "{url:?}: {err}");
        }
        let long = format!("https://a/{}", "x".repeat(MAX_URL));
        assert!(check_url(&long, "").unwrap_err().contains("longer"));
    }

    #[test]
    fn load_refuses_unsafe_urls_and_names() {
        let pin = |name: &str, version: &str, url: &str, sha: &str| {
            load(&format!(
                "name = {name:?}\nversion = {version:?}\nurl = {url:?}\nsha256 = {sha:?}\n"
            ))
        };
        let err = |r: Result<FilePin, PinError>| r.unwrap_err().to_string();
        assert!(err(pin("ch", "1", "-K/tmp/x", SHA)).contains("https://"));
        assert!(err(pin("../../../../tmp/x", "1", "https://a/b", SHA)).contains("`name`"));
        assert!(err(pin("ch", "../../x", "https://a/b", SHA)).contains("`version`"));
        assert!(err(pin("ch", "..", "https://a/b", SHA)).contains("`version`"));
        assert!(err(pin("ch", "1", "https://a/b", "xyz")).contains("64 hex digits"));
        assert!(pin("ch", "v53.0", "https://a/b", SHA).is_ok());
    }

    #[test]
    fn component_rules() {
        for bad in ["", ".", "..", "a/b", "/", "a\0b", "a\nb", "\u{1b}[2J"] {
            assert!(check_component("name", bad).is_err(), "{bad:?}");
        }
        assert!(check_component("name", &"x".repeat(MAX_COMPONENT + 1)).is_err());
        for good in ["cloud-hypervisor", "v53.0", "252.39-1~deb12u2", "...", ".x"] {
            assert_eq!(check_component("name", good), Ok(()), "{good:?}");
        }
    }

    proptest::proptest! {
        /// Whatever a pin says, an accepted name-version is one normal
        /// component: the cache file cannot leave the cache directory.
        #[test]
        fn accepted_components_stay_in_the_directory(name in ".{0,12}", version in ".{0,12}") {
            if check_component("name", &name).is_ok() && check_component("version", &version).is_ok() {
                let pin = FilePin { name, version, ..FilePin::default() };
                let cache = pin.cache_name();
                let parts: Vec<_> = Path::new(&cache).components().collect();
                proptest::prop_assert!(matches!(parts[..], [Component::Normal(_)]), "{cache:?}");
            }
        }

        /// The URL check never panics, and what it accepts starts with a
        /// scheme (so never with `-`) and holds no whitespace.
        #[test]
        fn accepted_urls_are_not_options(url in "\\PC{0,40}|https?://.{0,20}") {
            if check_url(&url, SHA).is_ok() {
                proptest::prop_assert!(url.to_ascii_lowercase().starts_with("http"));
                proptest::prop_assert!(!url.chars().any(char::is_whitespace));
            }
        }
    }
}
