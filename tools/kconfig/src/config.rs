//! `.config` files and Kconfig fragments: `CONFIG_FOO=y`, `CONFIG_BAR="x"`,
//! `# CONFIG_BAZ is not set`. Other comments and blank lines are ignored.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// A symbol's value as a config file states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `CONFIG_X=...` (y, m, a number or a quoted string), verbatim.
    Set(String),
    /// `# CONFIG_X is not set`.
    NotSet,
}

impl Value {
    /// `y`, `m`, `n`, or the literal.
    pub fn as_str(&self) -> &str {
        match self {
            Value::Set(v) => v,
            Value::NotSet => "n",
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One assignment and the line it was on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The symbol without the `CONFIG_` prefix.
    pub symbol: String,
    pub value: Value,
    pub line: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Reading the file (the message names it; a FIFO or a device is
    /// refused rather than read).
    #[error(transparent)]
    Read { source: kernel_source::PinError },
    #[error("{file}:{line}: {reason}: {text:?}")]
    Syntax {
        file: PathBuf,
        line: usize,
        reason: &'static str,
        text: String,
    },
    #[error("{file}:{line}: CONFIG_{symbol} is set again (first on line {first})")]
    Repeated {
        file: PathBuf,
        line: usize,
        symbol: String,
        first: usize,
    },
}

fn is_symbol(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Parses config text. `strict` (for fragments) refuses lines that are not
/// assignments or comments, and symbols set twice.
pub fn parse(file: &Path, text: &str, strict: bool) -> Result<Vec<Line>, ConfigError> {
    let mut out: Vec<Line> = Vec::new();
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = raw.trim();
        let syntax = |reason| ConfigError::Syntax {
            file: file.into(),
            line,
            reason,
            text: raw.into(),
        };
        let parsed = if let Some(rest) = t.strip_prefix("# CONFIG_") {
            match rest.strip_suffix(" is not set") {
                Some(sym) if is_symbol(sym) => Some((sym.to_string(), Value::NotSet)),
                _ => None,
            }
        } else if t.is_empty() || t.starts_with('#') {
            None
        } else if let Some(rest) = t.strip_prefix("CONFIG_") {
            let (sym, value) = rest
                .split_once('=')
                .ok_or_else(|| syntax("expected CONFIG_NAME=value"))?;
            if !is_symbol(sym) {
                return Err(syntax("bad symbol name"));
            }
            if value.is_empty() {
                return Err(syntax(
                    "empty value (write `# CONFIG_NAME is not set` for n)",
                ));
            }
            if value == "n" {
                Some((sym.to_string(), Value::NotSet))
            } else {
                Some((sym.to_string(), Value::Set(value.to_string())))
            }
        } else if strict {
            return Err(syntax("not a CONFIG_ assignment or comment"));
        } else {
            None
        };
        if let Some((symbol, value)) = parsed {
            if let Some(&f) = first.get(&symbol) {
                if strict {
                    return Err(ConfigError::Repeated {
                        file: file.into(),
                        line,
                        symbol,
                        first: f,
                    });
                }
                out.retain(|l| l.symbol != symbol);
            }
            first.insert(symbol.clone(), line);
            out.push(Line {
                symbol,
                value,
                line,
            });
        }
    }
    Ok(out)
}

/// Reads a config file.
pub fn read(file: &Path, strict: bool) -> Result<Vec<Line>, ConfigError> {
    let text = kernel_source::read_text(file).map_err(|source| ConfigError::Read { source })?;
    parse(file, &text, strict)
}

/// Symbol → value of a whole `.config`.
pub fn to_map(lines: &[Line]) -> BTreeMap<String, Value> {
    lines
        .iter()
        .map(|l| (l.symbol.clone(), l.value.clone()))
        .collect()
}

/// Merges a fragment into `.config` text the way merge_config.sh does: the
/// fragment's symbols are removed from the base and appended at the end.
pub fn merge(base: &str, fragment: &[Line]) -> String {
    let mut out = String::with_capacity(base.len() + fragment.len() * 32);
    for raw in base.lines() {
        let t = raw.trim();
        let sym = t
            .strip_prefix("CONFIG_")
            .and_then(|r| r.split_once('=').map(|(s, _)| s))
            .or_else(|| {
                t.strip_prefix("# CONFIG_")
                    .and_then(|r| r.strip_suffix(" is not set"))
            });
        if sym.is_some_and(|s| fragment.iter().any(|l| l.symbol == s)) {
            continue;
        }
        out.push_str(raw);
        out.push('\n');
    }
    for l in fragment {
        match &l.value {
            Value::Set(v) => out.push_str(&format!("CONFIG_{}={v}\n", l.symbol)),
            Value::NotSet => out.push_str(&format!("# CONFIG_{} is not set\n", l.symbol)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_assignments_and_not_set() {
        let lines = parse(
            Path::new("f"),
            "# comment\nCONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=\"x y\"\nCONFIG_D=n\n\n",
            true,
        )
        .unwrap();
        let got: Vec<_> = lines
            .iter()
            .map(|l| (l.symbol.as_str(), l.value.as_str(), l.line))
            .collect();
        assert_eq!(
            got,
            [
                ("A", "y", 2),
                ("B", "n", 3),
                ("C", "\"x y\"", 4),
                ("D", "n", 5)
            ]
        );
    }

    #[test]
    fn strict_refuses_junk_and_repeats() {
        let e = parse(Path::new("frag"), "CONFIG_A=y\nVIRTIO=y\n", true).unwrap_err();
        assert!(e.to_string().starts_with("frag:2:"), "{e}");
        let e = parse(Path::new("frag"), "CONFIG_A=y\nCONFIG_A=n\n", true).unwrap_err();
        assert!(e.to_string().contains("first on line 1"), "{e}");
    }

    #[test]
    fn merge_replaces_and_appends() {
        let frag = parse(Path::new("f"), "CONFIG_A=y\n# CONFIG_C is not set\n", true).unwrap();
        let merged = merge("# CONFIG_A is not set\nCONFIG_B=y\nCONFIG_C=y\n", &frag);
        assert_eq!(merged, "CONFIG_B=y\nCONFIG_A=y\n# CONFIG_C is not set\n");
    }
}
