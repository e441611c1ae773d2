//! The kernel configuration step: `tinyconfig` + a fragment, through
//! Kconfig's own `olddefconfig`, then a check that every requested value took
//! effect (see [`check`]). Also the reverse for `menuconfig`: a changed
//! `.config` back to a minimal fragment.

pub mod check;
pub mod config;
pub mod symbols;

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
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> KconfigError + '_ {
    move |source| KconfigError::Io {
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
        .map_err(io(tree))?;
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
    mvirt_atomic::write(path, bytes, 0o644).map_err(io(path))
}

/// `tinyconfig` in a fresh build directory; returns its `.config` text.
pub fn tinyconfig(tree: &Path, build: &Path, arch: &str) -> Result<String, KconfigError> {
    kmake(tree, build, arch, &["tinyconfig"])?;
    let path = build.join(".config");
    std::fs::read_to_string(&path).map_err(io(&path))
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
    std::fs::write(&dot_config, config::merge(&base, &fragment)).map_err(io(&dot_config))?;
    kmake(tree, build, arch, &["olddefconfig"])?;
    let text = std::fs::read_to_string(&dot_config).map_err(io(&dot_config))?;
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

/// Makes a minimal fragment for `current` (a full `.config`): what differs
/// from `tinyconfig`, judged on both configs' `savedefconfig` output.
///
/// The lines of `old_fragment` are kept in place (with their comments) while
/// they still hold; changed values are rewritten, lines that no longer
/// differ from tinyconfig are dropped, and new differences are appended.
pub fn minimize(
    tree: &Path,
    scratch: &Path,
    arch: &str,
    current: &Path,
    old_fragment: &str,
) -> Result<String, KconfigError> {
    let defconfig_of = |dir: &Path, config_text: Option<&str>| -> Result<Vec<Line>, KconfigError> {
        if let Some(text) = config_text {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
            std::fs::write(dir.join(".config"), text).map_err(io(dir))?;
            kmake(tree, dir, arch, &["olddefconfig"])?;
        }
        kmake(tree, dir, arch, &["savedefconfig"])?;
        Ok(config::read(&dir.join("defconfig"), false)?)
    };
    let tiny_dir = scratch.join("tiny");
    tinyconfig(tree, &tiny_dir, arch)?;
    let tiny = defconfig_of(&tiny_dir, None)?;
    let current_text = std::fs::read_to_string(current).map_err(io(current))?;
    let mine = defconfig_of(&scratch.join("current"), Some(&current_text))?;
    let tiny_full = config::to_map(&config::read(&tiny_dir.join(".config"), false)?);
    let current_full = config::to_map(&config::parse(current, &current_text, false)?);

    // Differences: set in mine but not (the same) in tiny, and the reverse.
    let tiny_map = config::to_map(&tiny);
    let mine_map = config::to_map(&mine);
    let mut wanted: Vec<(String, Value)> = Vec::new();
    for l in &mine {
        if tiny_map.get(&l.symbol) != Some(&l.value) {
            wanted.push((l.symbol.clone(), l.value.clone()));
        }
    }
    for l in &tiny {
        if !mine_map.contains_key(&l.symbol) {
            wanted.push((l.symbol.clone(), Value::NotSet));
        }
    }

    let render = |symbol: &str, value: &Value| match value {
        Value::Set(v) => format!("CONFIG_{symbol}={v}"),
        Value::NotSet => format!("# CONFIG_{symbol} is not set"),
    };
    let mut out = String::new();
    let mut written = std::collections::BTreeSet::new();
    for raw in old_fragment.lines() {
        let parsed = config::parse(Path::new("fragment"), raw, false)
            .ok()
            .and_then(|v| v.into_iter().next());
        let Some(line) = parsed else {
            out.push_str(raw);
            out.push('\n');
            continue;
        };
        let now = current_full
            .get(&line.symbol)
            .cloned()
            .unwrap_or(Value::NotSet);
        let tiny_value = tiny_full
            .get(&line.symbol)
            .cloned()
            .unwrap_or(Value::NotSet);
        let in_diff = wanted.iter().any(|(s, _)| s == &line.symbol);
        if now == tiny_value && !in_diff {
            continue; // no longer differs from tinyconfig
        }
        out.push_str(&render(&line.symbol, &now));
        out.push('\n');
        written.insert(line.symbol);
    }
    let new: Vec<&(String, Value)> = wanted
        .iter()
        .filter(|(s, _)| !written.contains(s))
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
    Ok(out)
}
