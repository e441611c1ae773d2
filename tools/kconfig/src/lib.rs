//! The kernel configuration step: `tinyconfig` + a fragment, through
//! Kconfig's own `olddefconfig`, then a check that every requested value took
//! effect (see [`check`]). Also the reverse for `menuconfig`: a changed
//! `.config` back to a minimal fragment.

pub mod check;
pub mod config;
pub mod symbols;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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

/// A kernel source tree and the toolchain Kconfig asks: what every `make`
/// of this step runs on. Kconfig probes the compiler (`$(cc-option …)`), so
/// the compiler is the declared one, never whatever `gcc` is on PATH.
#[derive(Clone, Copy, Debug)]
pub struct Kernel<'a> {
    pub tree: &'a Path,
    pub arch: &'a str,
    pub cc: &'a str,
}

impl Kernel<'_> {
    /// Runs `make` out of tree in `build`. Output is kept and shown only
    /// when make fails (Kconfig is chatty).
    pub fn make(&self, build: &Path, targets: &[&str]) -> Result<(), KconfigError> {
        let out = kernel_source::kmake::command(self.tree, build, self.arch, self.cc, targets)
            .output()
            .map_err(io("cannot run make in", self.tree))?;
        if !out.status.success() {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            let lines: Vec<&str> = text.lines().collect();
            return Err(KconfigError::Make {
                target: targets.join(" "),
                dir: self.tree.into(),
                tail: lines[lines.len().saturating_sub(30)..].join("\n"),
            });
        }
        Ok(())
    }
}

/// Writes `bytes` to `path` atomically (temporary file + rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), KconfigError> {
    mvirt_atomic::write(path, bytes, 0o644).map_err(io("writing", path))
}

/// `tinyconfig` in a fresh build directory; returns its `.config` text.
pub fn tinyconfig(kernel: &Kernel, build: &Path) -> Result<String, KconfigError> {
    kernel.make(build, &["tinyconfig"])?;
    let path = build.join(".config");
    std::fs::read_to_string(&path).map_err(io("reading", &path))
}

/// tinyconfig + fragment + olddefconfig, then the check. Returns the final
/// `.config` text, or every problem at once.
pub fn generate(
    kernel: &Kernel,
    build: &Path,
    fragment_path: &Path,
) -> Result<String, KconfigError> {
    // Parse the fragment first: a syntax error needs no kernel tree.
    let fragment = config::read(fragment_path, true)?;
    let base = tinyconfig(kernel, build)?;
    let dot_config = build.join(".config");
    std::fs::write(&dot_config, config::merge(&base, &fragment))
        .map_err(io("writing", &dot_config))?;
    kernel.make(build, &["olddefconfig"])?;
    let text = std::fs::read_to_string(&dot_config).map_err(io("reading", &dot_config))?;
    let final_lines = config::parse(&dot_config, &text, false)?;
    let final_map = config::to_map(&final_lines);
    let unmet = fragment
        .iter()
        .any(|l| final_map.get(&l.symbol).cloned().unwrap_or(Value::NotSet) != l.value);
    if unmet {
        let symbols = symbols::scan(kernel.tree, kernel_source::srcarch(kernel.arch));
        let problems = check::check(&fragment, &final_map, &symbols);
        return Err(KconfigError::Check {
            fragment: fragment_path.into(),
            problems,
        });
    }
    Ok(text)
}

/// A full configuration as a map; a symbol absent from it is not set.
type ConfigMap = BTreeMap<String, Value>;

fn value_in(map: &ConfigMap, symbol: &str) -> Value {
    map.get(symbol).cloned().unwrap_or(Value::NotSet)
}

/// What [`minimize`] compares against: tinyconfig, the configuration to
/// reproduce, and what `savedefconfig` calls its choices.
struct Baseline {
    tiny_text: String,
    tiny: ConfigMap,
    current: ConfigMap,
    chosen: Vec<Line>,
}

impl Baseline {
    fn read(kernel: &Kernel, scratch: &Path, current: &Path) -> Result<Self, KconfigError> {
        let tiny_dir = scratch.join("tiny");
        let tiny_text = tinyconfig(kernel, &tiny_dir)?;
        let tiny = config::to_map(&config::parse(&tiny_dir, &tiny_text, false)?);
        let current_text =
            kernel_source::read_text(current).map_err(|source| ConfigError::Read { source })?;
        let current_map = config::to_map(&config::parse(current, &current_text, false)?);
        // What savedefconfig keeps of `current`: the choices not implied.
        let mine_dir = scratch.join("current");
        std::fs::create_dir_all(&mine_dir).map_err(io("creating", &mine_dir))?;
        let mine = mine_dir.join(".config");
        std::fs::write(&mine, &current_text).map_err(io("writing", &mine))?;
        kernel.make(&mine_dir, &["olddefconfig", "savedefconfig"])?;
        let chosen = config::read(&mine_dir.join("defconfig"), false)?;
        Ok(Baseline {
            tiny_text,
            tiny,
            current: current_map,
            chosen,
        })
    }

    fn differs(&self, symbol: &str) -> bool {
        value_in(&self.current, symbol) != value_in(&self.tiny, symbol)
    }

    fn is_chosen(&self, symbol: &str) -> bool {
        self.chosen.iter().any(|l| l.symbol == symbol)
    }
}

/// The old fragment, line by line: its symbol lines parsed, the rest
/// (comments, blank lines) kept as they are.
struct OldFragment<'a> {
    text: &'a str,
    lines: Vec<Option<Line>>,
}

impl<'a> OldFragment<'a> {
    fn parse(text: &'a str) -> Self {
        let lines = text
            .lines()
            .map(|raw| {
                config::parse(Path::new("fragment"), raw, false)
                    .ok()
                    .and_then(|v| v.into_iter().next())
            })
            .collect();
        OldFragment { text, lines }
    }

    fn symbols(&self) -> std::collections::BTreeSet<&str> {
        self.lines
            .iter()
            .flatten()
            .map(|l| l.symbol.as_str())
            .collect()
    }

    /// The fragment for `wanted`: old lines in place with their new values
    /// (comments kept, lines no longer wanted dropped), new ones appended
    /// under a marked heading.
    fn render(&self, wanted: &ConfigMap) -> String {
        let line = |symbol: &str, value: &Value| match value {
            Value::Set(v) => format!("CONFIG_{symbol}={v}\n"),
            Value::NotSet => format!("# CONFIG_{symbol} is not set\n"),
        };
        let mut out = String::new();
        let mut written = std::collections::BTreeSet::new();
        for (raw, parsed) in self.text.lines().zip(&self.lines) {
            match parsed {
                None => {
                    out.push_str(raw);
                    out.push('\n');
                }
                Some(l) => {
                    if let Some(value) = wanted.get(&l.symbol) {
                        out.push_str(&line(&l.symbol, value));
                        written.insert(l.symbol.as_str());
                    }
                }
            }
        }
        let mut new = wanted.iter().filter(|(s, _)| !written.contains(s.as_str()));
        if let Some(first) = new.next() {
            out.push_str(
                "\n# --- added by menuconfig -----------------------------------------------------\n",
            );
            for (symbol, value) in std::iter::once(first).chain(new) {
                out.push_str(&line(symbol, value));
            }
        }
        out
    }
}

/// Applies fragments the way [`generate`] does and tells which symbols then
/// differ from the configuration to reproduce.
struct Verifier<'a> {
    kernel: &'a Kernel<'a>,
    scratch: &'a Path,
    base: &'a Baseline,
    old: &'a OldFragment<'a>,
    round: usize,
}

impl Verifier<'_> {
    fn mismatches(&mut self, wanted: &ConfigMap) -> Result<Vec<String>, KconfigError> {
        self.round += 1;
        let text = self.old.render(wanted);
        let fragment = config::parse(Path::new("fragment"), &text, false)?;
        let dir = self.scratch.join(format!("verify-{}", self.round));
        std::fs::create_dir_all(&dir).map_err(io("creating", &dir))?;
        let dot_config = dir.join(".config");
        std::fs::write(&dot_config, config::merge(&self.base.tiny_text, &fragment))
            .map_err(io("writing", &dot_config))?;
        self.kernel.make(&dir, &["olddefconfig"])?;
        let result = config::to_map(&config::read(&dot_config, false)?);
        let _ = std::fs::remove_dir_all(&dir);
        let current = &self.base.current;
        let set: std::collections::BTreeSet<&String> = current
            .keys()
            .chain(result.keys())
            .filter(|s| value_in(&result, s) != value_in(current, s))
            .collect();
        Ok(set.into_iter().cloned().collect())
    }

    /// Adds what is still missing until the fragment reproduces `current`.
    /// Each round adds at least one symbol, and a fragment naming every
    /// difference reproduces it (olddefconfig keeps a visible value as
    /// given), so this ends.
    fn close_gaps(&mut self, wanted: &mut ConfigMap, config: &Path) -> Result<(), KconfigError> {
        loop {
            let mismatched = self.mismatches(wanted)?;
            if mismatched.is_empty() {
                return Ok(());
            }
            let missing: Vec<&String> = mismatched
                .iter()
                .filter(|s| !wanted.contains_key(*s))
                .collect();
            if missing.is_empty() {
                return Err(KconfigError::Unreproducible {
                    config: config.into(),
                    symbols: mismatched,
                });
            }
            // Prefer what savedefconfig calls a choice; derived values
            // usually follow from those.
            let chosen: Vec<&String> = missing
                .iter()
                .copied()
                .filter(|s| self.base.is_chosen(s))
                .collect();
            let add = if chosen.is_empty() { missing } else { chosen };
            for symbol in add {
                wanted.insert(symbol.clone(), value_in(&self.base.current, symbol));
            }
        }
    }

    /// savedefconfig judges against Kconfig defaults: a new line may still
    /// follow from tinyconfig plus the rest (e.g. NR_CPUS clamped when SMP
    /// is turned on). Drops each new line that is not needed.
    fn drop_unneeded(&mut self, wanted: &mut ConfigMap) -> Result<(), KconfigError> {
        let old_symbols = self.old.symbols();
        let new_symbols: Vec<String> = wanted
            .keys()
            .filter(|s| !old_symbols.contains(s.as_str()))
            .cloned()
            .collect();
        for symbol in new_symbols {
            let mut without = wanted.clone();
            without.remove(&symbol);
            if self.mismatches(&without)?.is_empty() {
                *wanted = without;
            }
        }
        Ok(())
    }
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
    kernel: &Kernel,
    scratch: &Path,
    current: &Path,
    old_fragment: &str,
) -> Result<String, KconfigError> {
    let base = Baseline::read(kernel, scratch, current)?;
    let old = OldFragment::parse(old_fragment);
    // The old fragment's symbols that still differ, then the chosen ones.
    let mut wanted = ConfigMap::new();
    for line in old.lines.iter().flatten().chain(&base.chosen) {
        if base.differs(&line.symbol) {
            wanted.insert(line.symbol.clone(), value_in(&base.current, &line.symbol));
        }
    }
    let mut verifier = Verifier {
        kernel,
        scratch,
        base: &base,
        old: &old,
        round: 0,
    };
    verifier.close_gaps(&mut wanted, current)?;
    verifier.drop_unneeded(&mut wanted)?;
    Ok(old.render(&wanted))
}
