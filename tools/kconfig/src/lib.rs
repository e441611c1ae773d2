//! The kernel configuration step: `tinyconfig` + one or more fragments (a
//! common one, then a per-architecture one), applied in order through
//! Kconfig's own `olddefconfig`, then a check that every requested value took
//! effect (see [`check`]). Also the reverse for `menuconfig`: a changed
//! `.config` back to a minimal last fragment.
//!
//! A symbol belongs to one fragment: one set in two is refused, never
//! silently overridden, so that each value has one place to be read and
//! edited, and splitting a fragment in two cannot change the result.

pub mod check;
pub mod config;
pub mod symbols;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use check::Problem;
use config::{ConfigError, Line, Value};

#[derive(Debug, thiserror::Error)]
pub enum KconfigError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("CONFIG_{symbol} is set in {}:{first_line} and again in {}:{second_line}: a symbol belongs to one fragment", first.display(), second.display())]
    Overlap {
        symbol: String,
        first: PathBuf,
        first_line: usize,
        second: PathBuf,
        second_line: usize,
    },
    /// Only fragments with unmet symbols, in the order given.
    #[error("{}", failed.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Check { failed: Vec<Unmet> },
    #[error("the edited configuration has CONFIG_{symbol}={now}, but {}:{line} sets it to {wanted}: menuconfig writes back only the last fragment; change CONFIG_{symbol} in {} by hand (nothing was written)", fragment.display(), fragment.display())]
    EarlierFragment {
        symbol: String,
        now: Value,
        wanted: Value,
        fragment: PathBuf,
        line: usize,
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
    pub kmake: &'a kernel_source::kmake::Kmake,
}

impl Kernel<'_> {
    /// Runs `make` out of tree in `build`. Output is kept and shown only
    /// when make fails (Kconfig is chatty).
    pub fn make(&self, build: &Path, targets: &[&str]) -> Result<(), KconfigError> {
        std::fs::create_dir_all(build).map_err(io("creating", build))?;
        let out = self
            .kmake
            .command(self.tree, build, targets)
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

/// One fragment as given: its file and its symbol lines.
#[derive(Clone, Debug)]
pub struct Fragment {
    pub path: PathBuf,
    pub lines: Vec<Line>,
}

/// Reads every fragment, strictly, in the order given, before anything
/// else runs: a syntax error in any of them needs no kernel tree.
pub fn read_fragments(paths: &[PathBuf]) -> Result<Vec<Fragment>, KconfigError> {
    let fragments = paths
        .iter()
        .map(|path| {
            Ok(Fragment {
                path: path.clone(),
                lines: config::read(path, true)?,
            })
        })
        .collect::<Result<Vec<_>, KconfigError>>()?;
    disjoint(&fragments)?;
    Ok(fragments)
}

/// Refuses a symbol set in two fragments: the later line would silently
/// win, and menuconfig could not tell which file holds the value.
fn disjoint(fragments: &[Fragment]) -> Result<(), KconfigError> {
    let mut first: BTreeMap<&str, (&Path, usize)> = BTreeMap::new();
    for fragment in fragments {
        for l in &fragment.lines {
            if let Some((path, line)) = first.insert(&l.symbol, (&fragment.path, l.line)) {
                return Err(KconfigError::Overlap {
                    symbol: l.symbol.clone(),
                    first: path.into(),
                    first_line: line,
                    second: fragment.path.clone(),
                    second_line: l.line,
                });
            }
        }
    }
    Ok(())
}

/// The fragments' lines in order: with no symbol in two of them, merging
/// these is merging the fragments' concatenation, line for line.
fn all_lines(fragments: &[Fragment]) -> Vec<Line> {
    fragments.iter().flat_map(|f| f.lines.clone()).collect()
}

/// The symbols of one fragment that did not take effect, each explained.
#[derive(Debug)]
pub struct Unmet {
    pub fragment: PathBuf,
    pub problems: Vec<Problem>,
}

impl fmt::Display for Unmet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} symbol(s) did not take effect:",
            self.fragment.display(),
            self.problems.len()
        )?;
        self.problems.iter().try_for_each(|p| write!(f, "\n  {p}"))
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

/// tinyconfig + the fragments (read with [`read_fragments`]) in order +
/// olddefconfig, then the check. Returns the final `.config` text, or every
/// problem at once, each under the fragment that set the symbol.
pub fn generate(
    kernel: &Kernel,
    build: &Path,
    fragments: &[Fragment],
) -> Result<String, KconfigError> {
    disjoint(fragments)?;
    let base = tinyconfig(kernel, build)?;
    let dot_config = build.join(".config");
    std::fs::write(&dot_config, config::merge(&base, &all_lines(fragments)))
        .map_err(io("writing", &dot_config))?;
    kernel.make(build, &["olddefconfig"])?;
    let text = std::fs::read_to_string(&dot_config).map_err(io("reading", &dot_config))?;
    let final_lines = config::parse(&dot_config, &text, false)?;
    let final_map = config::to_map(&final_lines);
    let unmet = fragments
        .iter()
        .flat_map(|f| &f.lines)
        .any(|l| value_in(&final_map, &l.symbol) != l.value);
    if unmet {
        // Scanning every Kconfig file is slow: only for the explanations.
        let symbols = symbols::scan(kernel.tree, kernel_source::srcarch(&kernel.kmake.arch));
        let failed = fragments
            .iter()
            .map(|f| Unmet {
                fragment: f.path.clone(),
                problems: check::check(&f.lines, &final_map, &symbols),
            })
            .filter(|u| !u.problems.is_empty())
            .collect();
        return Err(KconfigError::Check { failed });
    }
    Ok(text)
}

/// A full configuration as a map; a symbol absent from it is not set.
type ConfigMap = BTreeMap<String, Value>;

fn value_in(map: &ConfigMap, symbol: &str) -> Value {
    map.get(symbol).cloned().unwrap_or(Value::NotSet)
}

/// What [`minimize`] compares against: the base the last fragment is
/// applied over, the configuration to reproduce, and what `savedefconfig`
/// calls its choices.
struct Baseline {
    /// tinyconfig with the earlier fragments merged in, as [`generate`]
    /// merges them: the text the last fragment is applied over.
    base_text: String,
    /// The values `base_text` states (no olddefconfig): as a single
    /// fragment's old line is kept while it differs from tinyconfig, even
    /// if other lines imply it, so a last fragment's line is kept while it
    /// differs from tinyconfig + the earlier lines.
    base: ConfigMap,
    current: ConfigMap,
    chosen: Vec<Line>,
}

impl Baseline {
    fn read(
        kernel: &Kernel,
        scratch: &Path,
        earlier: &[Fragment],
        current_text: &str,
        current: ConfigMap,
    ) -> Result<Self, KconfigError> {
        let (base_text, base) = read_base(kernel, &scratch.join("base"), earlier)?;
        // What savedefconfig keeps of `current`: the choices not implied.
        let mine_dir = scratch.join("current");
        std::fs::create_dir_all(&mine_dir).map_err(io("creating", &mine_dir))?;
        let mine = mine_dir.join(".config");
        std::fs::write(&mine, current_text).map_err(io("writing", &mine))?;
        kernel.make(&mine_dir, &["olddefconfig", "savedefconfig"])?;
        let chosen = config::read(&mine_dir.join("defconfig"), false)?;
        Ok(Baseline {
            base_text,
            base,
            current,
            chosen,
        })
    }

    fn differs(&self, symbol: &str) -> bool {
        value_in(&self.current, symbol) != value_in(&self.base, symbol)
    }

    fn is_chosen(&self, symbol: &str) -> bool {
        self.chosen.iter().any(|l| l.symbol == symbol)
    }
}

/// tinyconfig (made in `dir`) with the earlier fragments' lines merged in,
/// and its values. With no earlier fragment it is tinyconfig's lines as
/// they are: a single fragment is minimized against tinyconfig, as before.
fn read_base(
    kernel: &Kernel,
    dir: &Path,
    earlier: &[Fragment],
) -> Result<(String, ConfigMap), KconfigError> {
    let text = config::merge(&tinyconfig(kernel, dir)?, &all_lines(earlier));
    let map = config::to_map(&config::parse(&dir.join(".config"), &text, false)?);
    Ok((text, map))
}

/// The earlier fragment's line for `symbol`, if one sets it.
fn owner<'a>(earlier: &'a [Fragment], symbol: &str) -> Option<(&'a Fragment, &'a Line)> {
    earlier
        .iter()
        .find_map(|f| f.lines.iter().find(|l| l.symbol == symbol).map(|l| (f, l)))
}

/// The refusal for a symbol of an earlier fragment that the last one would
/// need a line for: only the last fragment is written back, and a line for
/// it there would be refused by [`generate`] as set twice.
fn earlier_fragment(owner: (&Fragment, &Line), now: Value) -> KconfigError {
    let (fragment, line) = owner;
    KconfigError::EarlierFragment {
        symbol: line.symbol.clone(),
        now,
        wanted: line.value.clone(),
        fragment: fragment.path.clone(),
        line: line.line,
    }
}

/// Every value an earlier fragment sets must be the edited configuration's:
/// [`generate`] checks each of them, so one changed cannot be reproduced by
/// the last fragment.
fn keeps_earlier(earlier: &[Fragment], current: &ConfigMap) -> Result<(), KconfigError> {
    for fragment in earlier {
        for line in &fragment.lines {
            let now = value_in(current, &line.symbol);
            if now != line.value {
                return Err(earlier_fragment((fragment, line), now));
            }
        }
    }
    Ok(())
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
        std::fs::write(&dot_config, config::merge(&self.base.base_text, &fragment))
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
    /// follow from the base plus the rest (e.g. NR_CPUS clamped when SMP
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

/// Makes a minimal last fragment for `current` (a full `.config`, e.g. what
/// menuconfig saved), to be applied after the `earlier` fragments: the
/// symbols whose value differs from the base (tinyconfig with `earlier`'s
/// lines merged in) and that `savedefconfig` says are not implied by the
/// others. With no earlier fragment the base is tinyconfig alone.
///
/// The result is checked, not trusted: it is applied the way [`generate`]
/// applies the fragments, and every symbol whose value then differs from
/// `current` is added, until the fragments reproduce `current` exactly.
/// (`savedefconfig` alone judges against Kconfig defaults, not against
/// tinyconfig, so it both misses symbols and names ones that need no line.)
///
/// The lines of `old_fragment` are kept in place (with their comments) while
/// they still differ from the base, with their current values; the others
/// are dropped, and new lines are appended under a marked heading.
///
/// A changed symbol that an earlier fragment sets is refused
/// ([`KconfigError::EarlierFragment`]): that file is edited by hand.
pub fn minimize(
    kernel: &Kernel,
    scratch: &Path,
    current: &Path,
    earlier: &[Fragment],
    old_fragment: &str,
) -> Result<String, KconfigError> {
    let current_text =
        kernel_source::read_text(current).map_err(|source| ConfigError::Read { source })?;
    let current_map = config::to_map(&config::parse(current, &current_text, false)?);
    // Refused before any make: nothing the last fragment could say helps.
    keeps_earlier(earlier, &current_map)?;
    let base = Baseline::read(kernel, scratch, earlier, &current_text, current_map)?;
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
    // keeps_earlier makes this unlikely; a line that generate would refuse
    // as set twice must never be written all the same.
    let needs_earlier = wanted
        .iter()
        .find_map(|(s, value)| owner(earlier, s).map(|o| earlier_fragment(o, value.clone())));
    if let Some(refusal) = needs_earlier {
        return Err(refusal);
    }
    Ok(old.render(&wanted))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fragment(path: &str, text: &str) -> Fragment {
        Fragment {
            path: path.into(),
            lines: config::parse(Path::new(path), text, true).unwrap(),
        }
    }

    /// Split or whole, the text handed to olddefconfig is the same bytes.
    #[test]
    fn fragments_merge_as_their_concatenation() {
        let tiny = "CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=y\n";
        let (common, arch) = (
            "# common\nCONFIG_B=y\n",
            "# CONFIG_C is not set\nCONFIG_D=4\n",
        );
        let split = [fragment("common", common), fragment("arch", arch)];
        let whole = fragment("whole", &format!("{common}{arch}"));
        assert_eq!(
            config::merge(tiny, &all_lines(&split)),
            config::merge(tiny, &whole.lines)
        );
    }

    #[test]
    fn a_symbol_in_two_fragments_is_refused() {
        let split = [
            fragment("kernel/kernel.config", "CONFIG_A=y\nCONFIG_FOO=y\n"),
            fragment("kernel/x86_64.config", "# x86\n# CONFIG_FOO is not set\n"),
        ];
        let e = disjoint(&split).unwrap_err().to_string();
        assert_eq!(
            e,
            "CONFIG_FOO is set in kernel/kernel.config:2 and again in \
             kernel/x86_64.config:2: a symbol belongs to one fragment"
        );
    }

    /// menuconfig changed a symbol of the common fragment: refused before
    /// any make runs (the kernel tree here does not exist), naming the
    /// symbol and the file to edit by hand.
    #[test]
    fn minimize_refuses_a_change_to_an_earlier_fragment() {
        let dir = tempfile::tempdir().unwrap();
        let saved = dir.path().join(".config");
        std::fs::write(&saved, "CONFIG_A=y\nCONFIG_B=y\n").unwrap();
        let kmake = kernel_source::kmake::Kmake::host("x86_64", "gcc");
        let kernel = Kernel {
            tree: &dir.path().join("no-tree"),
            kmake: &kmake,
        };
        let earlier = [fragment("kernel/kernel.config", "# CONFIG_B is not set\n")];
        let e = minimize(&kernel, dir.path(), &saved, &earlier, "CONFIG_A=y\n").unwrap_err();
        assert!(
            matches!(&e, KconfigError::EarlierFragment { symbol, .. } if symbol == "B"),
            "{e}"
        );
        let e = e.to_string();
        assert!(
            e.contains("CONFIG_B=y, but kernel/kernel.config:1 sets it to n"),
            "{e}"
        );
        assert!(
            e.contains("change CONFIG_B in kernel/kernel.config by hand"),
            "{e}"
        );
        // The same configuration is fine when no earlier fragment sets B.
        let earlier = [fragment("kernel/kernel.config", "CONFIG_A=y\n")];
        assert!(keeps_earlier(
            &earlier,
            &config::to_map(&config::read(&saved, false).unwrap())
        )
        .is_ok());
    }
}
