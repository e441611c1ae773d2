//! The kernel configuration step: `tinyconfig` + a fragment, through
//! Kconfig's own `olddefconfig`, then a check that every requested value took
//! effect (see [`check`]). Also the reverse for `menuconfig`: a changed
//! `.config` back to a minimal fragment.

pub mod check;
pub mod config;
pub mod symbols;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub use check::Problem;
use config::{ConfigError, Line, Value};

#[derive(Debug, thiserror::Error)]
pub enum KconfigError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{fragment}: {} symbol(s) did not take effect:\n{}", problems.len(), problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Check {
        fragment: PathBuf,
        problems: Vec<Problem>,
    },
    #[error("`make {target}` failed in {dir}:\n{tail}")]
    Make {
        target: String,
        dir: PathBuf,
        tail: String,
    },
    #[error("{config}: no fragment over tinyconfig reproduces it; these symbols keep other values: {}", symbols.join(", "))]
    Unreproducible {
        config: PathBuf,
        symbols: Vec<String>,
    },
    /// `action` says what was being done: "reading", "writing", ...
    #[error("{action} {path}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io<'a>(
    action: &'static str,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> KconfigError + 'a {
    move |source| KconfigError::Io {
        action,
        path: path.into(),
        source,
    }
}

/// The kernel's name for an architecture's source directory.
pub fn srcarch(arch: &str) -> &str {
    match arch {
        "x86_64" | "i386" => "x86",
        other => other,
    }
}

/// Runs `make` on a kernel tree, out of tree in `build`. Output is kept and
/// shown only when make fails (Kconfig is chatty).
pub fn kmake(tree: &Path, build: &Path, arch: &str, targets: &[&str]) -> Result<(), KconfigError> {
    let out = Command::new("make")
        .arg("-C")
        .arg(tree)
        .arg(format!("O={}", build.display()))
        .arg(format!("ARCH={arch}"))
        .args(targets)
        .env_remove("MAKEFLAGS")
        .env_remove("MFLAGS")
        .env_remove("MAKELEVEL")
        .output()
        .map_err(io("cannot run make in", tree))?;
    if !out.status.success() {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let lines: Vec<&str> = text.lines().collect();
        return Err(KconfigError::Make {
            target: targets.join(" "),
            dir: tree.into(),
            tail: lines[lines.len().saturating_sub(30)..].join("\n"),
        });
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically (temporary file + rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), KconfigError> {
    mvirt_atomic::write(path, bytes, 0o644).map_err(io("writing", path))
}

/// `tinyconfig` in a fresh build directory; returns its `.config` text.
pub fn tinyconfig(tree: &Path, build: &Path, arch: &str) -> Result<String, KconfigError> {
    kmake(tree, build, arch, &["tinyconfig"])?;
    let path = build.join(".config");
    std::fs::read_to_string(&path).map_err(io("reading", &path))
}

/// tinyconfig + fragment + olddefconfig, then the check. Returns the final
/// `.config` text, or every problem at once.
pub fn generate(
    tree: &Path,
    build: &Path,
    arch: &str,
    fragment_path: &Path,
) -> Result<String, KconfigError> {
    // Parse the fragment first: a syntax error needs no kernel tree.
    let fragment = config::read(fragment_path, true)?;
    let base = tinyconfig(tree, build, arch)?;
    let dot_config = build.join(".config");
    std::fs::write(&dot_config, config::merge(&base, &fragment))
        .map_err(io("writing", &dot_config))?;
    kmake(tree, build, arch, &["olddefconfig"])?;
    let text = std::fs::read_to_string(&dot_config).map_err(io("reading", &dot_config))?;
    let final_lines = config::parse(&dot_config, &text, false)?;
    let final_map = config::to_map(&final_lines);
    let unmet = fragment
        .iter()
        .any(|l| final_map.get(&l.symbol).cloned().unwrap_or(Value::NotSet) != l.value);
    if unmet {
        let symbols = symbols::scan(tree, srcarch(arch));
        let problems = check::check(&fragment, &final_map, &symbols);
        return Err(KconfigError::Check {
            fragment: fragment_path.into(),
            problems,
        });
    }
    Ok(text)
}

/// Makes a minimal fragment for `current` (a full `.config`, e.g. what
/// menuconfig saved): the symbols whose value differs from `tinyconfig`'s
/// and that `savedefconfig` says are not implied by the others.
///
/// The result is checked, not trusted: it is applied the way [`generate`]
/// applies a fragment, and every symbol whose value then differs from
/// `current` is added, until the fragment reproduces `current` exactly.
/// (`savedefconfig` alone judges against Kconfig defaults, not against
/// tinyconfig, so it both misses symbols and names ones that need no line.)
///
/// The lines of `old_fragment` are kept in place (with their comments) while
/// they still differ from tinyconfig, with their current values; the others
/// are dropped, and new lines are appended under a marked heading.
pub fn minimize(
    tree: &Path,
    scratch: &Path,
    arch: &str,
    current: &Path,
    old_fragment: &str,
) -> Result<String, KconfigError> {
    let tiny_dir = scratch.join("tiny");
    let tiny_text = tinyconfig(tree, &tiny_dir, arch)?;
    let tiny_full = config::to_map(&config::parse(&tiny_dir, &tiny_text, false)?);
    let current_text =
        kernel_source::read_text(current).map_err(|source| ConfigError::Read { source })?;
    let current_full = config::to_map(&config::parse(current, &current_text, false)?);
    // What savedefconfig keeps of `current`: the choices not implied.
    let mine_dir = scratch.join("current");
    std::fs::create_dir_all(&mine_dir).map_err(io("creating", &mine_dir))?;
    let mine = mine_dir.join(".config");
    std::fs::write(&mine, &current_text).map_err(io("writing", &mine))?;
    kmake(tree, &mine_dir, arch, &["olddefconfig", "savedefconfig"])?;
    let chosen = config::read(&mine_dir.join("defconfig"), false)?;

    let value_in = |map: &BTreeMap<String, Value>, symbol: &str| {
        map.get(symbol).cloned().unwrap_or(Value::NotSet)
    };
    let differs = |symbol: &str| value_in(&current_full, symbol) != value_in(&tiny_full, symbol);

    // The old fragment's symbols that still differ, then the chosen ones.
    let old_lines: Vec<Option<Line>> = old_fragment
        .lines()
        .map(|raw| {
            config::parse(Path::new("fragment"), raw, false)
                .ok()
                .and_then(|v| v.into_iter().next())
        })
        .collect();
    let mut wanted: BTreeMap<String, Value> = BTreeMap::new();
    for line in old_lines.iter().flatten() {
        if differs(&line.symbol) {
            wanted.insert(line.symbol.clone(), value_in(&current_full, &line.symbol));
        }
    }
    for line in &chosen {
        if differs(&line.symbol) {
            wanted.insert(line.symbol.clone(), value_in(&current_full, &line.symbol));
        }
    }

    let render = |symbol: &str, value: &Value| match value {
        Value::Set(v) => format!("CONFIG_{symbol}={v}"),
        Value::NotSet => format!("# CONFIG_{symbol} is not set"),
    };
    let text_of = |wanted: &BTreeMap<String, Value>| {
        let mut out = String::new();
        let mut written = std::collections::BTreeSet::new();
        for (raw, line) in old_fragment.lines().zip(&old_lines) {
            match line {
                None => {
                    out.push_str(raw);
                    out.push('\n');
                }
                Some(line) => {
                    if let Some(value) = wanted.get(&line.symbol) {
                        out.push_str(&render(&line.symbol, value));
                        out.push('\n');
                        written.insert(line.symbol.as_str());
                    }
                }
            }
        }
        let new: Vec<(&String, &Value)> = wanted
            .iter()
            .filter(|(s, _)| !written.contains(s.as_str()))
            .collect();
        if !new.is_empty() {
            out.push_str(
                "\n# --- added by menuconfig -----------------------------------------------------\n",
            );
            for (symbol, value) in new {
                out.push_str(&render(symbol, value));
                out.push('\n');
            }
        }
        out
    };

    // Apply, compare, add what is still missing; each round adds at least
    // one symbol, and a fragment naming every difference reproduces
    // `current` (olddefconfig keeps a visible value as given), so this ends.
    let mut round = 0;
    let mut mismatches = |wanted: &BTreeMap<String, Value>| -> Result<Vec<String>, KconfigError> {
        round += 1;
        let fragment = config::parse(Path::new("fragment"), &text_of(wanted), false)?;
        let dir = scratch.join(format!("verify-{round}"));
        std::fs::create_dir_all(&dir).map_err(io("creating", &dir))?;
        let dot_config = dir.join(".config");
        std::fs::write(&dot_config, config::merge(&tiny_text, &fragment))
            .map_err(io("writing", &dot_config))?;
        kmake(tree, &dir, arch, &["olddefconfig"])?;
        let result = config::to_map(&config::read(&dot_config, false)?);
        let _ = std::fs::remove_dir_all(&dir);
        let set: std::collections::BTreeSet<&String> = current_full
            .keys()
            .chain(result.keys())
            .filter(|s| value_in(&result, s) != value_in(&current_full, s))
            .collect();
        Ok(set.into_iter().cloned().collect())
    };
    loop {
        let mismatched = mismatches(&wanted)?;
        if mismatched.is_empty() {
            break;
        }
        let missing: Vec<&String> = mismatched
            .iter()
            .filter(|s| !wanted.contains_key(*s))
            .collect();
        if missing.is_empty() {
            return Err(KconfigError::Unreproducible {
                config: current.into(),
                symbols: mismatched,
            });
        }
        // Prefer what savedefconfig calls a choice; derived values usually
        // follow from those.
        let chosen_missing: Vec<&String> = missing
            .iter()
            .copied()
            .filter(|s| chosen.iter().any(|l| &l.symbol == *s))
            .collect();
        let add = if chosen_missing.is_empty() {
            missing
        } else {
            chosen_missing
        };
        let add: Vec<String> = add.into_iter().cloned().collect();
        for symbol in add {
            let value = value_in(&current_full, &symbol);
            wanted.insert(symbol, value);
        }
    }
    // savedefconfig judges against Kconfig defaults: a new line may still
    // follow from tinyconfig plus the rest (e.g. NR_CPUS clamped when SMP
    // is turned on). Drop each new line that is not needed.
    let old_symbols: std::collections::BTreeSet<&str> = old_lines
        .iter()
        .flatten()
        .map(|l| l.symbol.as_str())
        .collect();
    let new_symbols: Vec<String> = wanted
        .keys()
        .filter(|s| !old_symbols.contains(s.as_str()))
        .cloned()
        .collect();
    for symbol in new_symbols {
        let mut without = wanted.clone();
        without.remove(&symbol);
        if mismatches(&without)?.is_empty() {
            wanted = without;
        }
    }
    Ok(text_of(&wanted))
}
