//! The initramfs spec: a TOML file that says what goes where.
//!
//! ```toml
//! [[entry]]
//! path = "/init"
//! kind = "file"
//! source = "@pideins"   # bound on the command line: --input pideins=PATH
//! mode = 0o755
//!
//! [[entry]]
//! path = "/etc/hostname"
//! kind = "file"
//! source = "rootfs/etc/hostname"   # relative to the spec file
//!
//! [[entry]]
//! path = "/dev/console"
//! kind = "char"
//! major = 5
//! minor = 1
//! mode = 0o600
//! ```
//!
//! Kinds: `dir`, `file`, `symlink` (`target`), `hardlink` (`target` = the
//! path of a `file` entry), `char` and `block` (`major`, `minor`). A `file`
//! with `optional = true` may be left out with `--omit NAME` when its source
//! is an `@NAME` input. The archive holds exactly what the spec says, never
//! whatever else a host directory holds.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Errors in a spec file. Each names the spec and the entry.
#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    #[error("{spec}: cannot read")]
    Read {
        spec: PathBuf,
        source: std::io::Error,
    },
    #[error("{spec}: line {line}: not valid UTF-8 (paths and names in a spec must be UTF-8)")]
    NotUtf8 { spec: PathBuf, line: usize },
    #[error("{spec}: {message}")]
    Parse { spec: PathBuf, message: String },
}

/// A whole spec file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    #[serde(default, rename = "entry")]
    pub entries: Vec<EntrySpec>,
}

/// One entry as written in the spec.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum EntrySpec {
    Dir {
        path: String,
        #[serde(default = "default_dir_mode")]
        mode: u32,
    },
    File {
        path: String,
        source: String,
        #[serde(default = "default_file_mode")]
        mode: u32,
        #[serde(default)]
        optional: bool,
    },
    Symlink {
        path: String,
        target: String,
    },
    Hardlink {
        path: String,
        target: String,
    },
    Char {
        path: String,
        major: u32,
        minor: u32,
        #[serde(default = "default_node_mode")]
        mode: u32,
    },
    Block {
        path: String,
        major: u32,
        minor: u32,
        #[serde(default = "default_node_mode")]
        mode: u32,
    },
}

fn default_dir_mode() -> u32 {
    0o755
}
fn default_file_mode() -> u32 {
    0o644
}
fn default_node_mode() -> u32 {
    0o600
}

impl EntrySpec {
    /// The destination path as written in the spec.
    pub fn path(&self) -> &str {
        match self {
            EntrySpec::Dir { path, .. }
            | EntrySpec::File { path, .. }
            | EntrySpec::Symlink { path, .. }
            | EntrySpec::Hardlink { path, .. }
            | EntrySpec::Char { path, .. }
            | EntrySpec::Block { path, .. } => path,
        }
    }

    /// The kind keyword, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            EntrySpec::Dir { .. } => "dir",
            EntrySpec::File { .. } => "file",
            EntrySpec::Symlink { .. } => "symlink",
            EntrySpec::Hardlink { .. } => "hardlink",
            EntrySpec::Char { .. } => "char",
            EntrySpec::Block { .. } => "block",
        }
    }
}

/// The largest spec: a line per entry for hundreds of thousands of entries.
pub const MAX_SPEC: u64 = 64 << 20;

impl Spec {
    /// Reads and parses a spec file: a regular file of at most
    /// [`MAX_SPEC`] bytes (a FIFO or device is refused, not waited on).
    pub fn load(path: &Path) -> Result<Spec, SpecError> {
        let bytes = mvirt_atomic::read_input(path, MAX_SPEC).map_err(|source| SpecError::Read {
            spec: path.into(),
            source,
        })?;
        Spec::parse(path, &bytes)
    }

    /// Parses spec text; `path` is used in messages only.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Spec, SpecError> {
        let text = std::str::from_utf8(bytes).map_err(|e| SpecError::NotUtf8 {
            spec: path.into(),
            line: 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
        })?;
        toml::from_str(text).map_err(|e| SpecError::Parse {
            spec: path.into(),
            message: e.to_string().trim_end().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Spec, SpecError> {
        Spec::parse(Path::new("t.toml"), text.as_bytes())
    }

    #[test]
    fn parses_every_kind_with_defaults() {
        let spec = parse(
            r#"
            [[entry]]
            path = "/d"
            kind = "dir"
            [[entry]]
            path = "/f"
            kind = "file"
            source = "x"
            [[entry]]
            path = "/s"
            kind = "symlink"
            target = "f"
            [[entry]]
            path = "/h"
            kind = "hardlink"
            target = "/f"
            [[entry]]
            path = "/c"
            kind = "char"
            major = 5
            minor = 1
            [[entry]]
            path = "/b"
            kind = "block"
            major = 7
            minor = 0
            mode = 0o660
            "#,
        )
        .unwrap();
        let kinds: Vec<_> = spec.entries.iter().map(|e| e.kind()).collect();
        assert_eq!(
            kinds,
            ["dir", "file", "symlink", "hardlink", "char", "block"]
        );
        assert_eq!(
            spec.entries[1],
            EntrySpec::File {
                path: "/f".into(),
                source: "x".into(),
                mode: 0o644,
                optional: false
            }
        );
    }

    #[test]
    fn unknown_kind_is_an_error_with_its_line() {
        let err = parse("[[entry]]\npath = \"/x\"\nkind = \"fifo\"\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("t.toml"), "{msg}");
        assert!(msg.contains("fifo"), "{msg}");
        assert!(msg.contains("line 3"), "{msg}");
    }

    #[test]
    fn unknown_field_is_an_error() {
        let err = parse("[[entry]]\npath = \"/x\"\nkind = \"dir\"\nmod = 1\n").unwrap_err();
        assert!(err.to_string().contains("mod"), "{err}");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = Spec::parse(Path::new("t.toml"), b"[[entry]]\npath = \"/\xff\"\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
