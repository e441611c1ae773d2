//! The fragment check: every symbol the fragment sets must have that value
//! in the final `.config`, and when one does not, say why.
//!
//! Android Kleaf's `check_config` reports only *that* a value differs; here
//! each problem carries its reason: an unknown symbol (with the nearest
//! existing name), a symbol of another architecture, the unmet `depends on`,
//! the `select` that forces a symbol on, or a missing prompt.

use std::collections::BTreeMap;
use std::fmt;

use crate::config::{Line, Value};
use crate::symbols::{expr_symbols, Symbols};

/// One fragment line that did not take effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub symbol: String,
    /// Line in the fragment.
    pub line: usize,
    pub wanted: Value,
    /// The final value; `None` when the symbol is absent from `.config`.
    pub actual: Option<Value>,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let actual = match &self.actual {
            Some(v) => v.to_string(),
            None => "absent".into(),
        };
        write!(
            f,
            "line {}: CONFIG_{}={} did not take effect (final: {actual}): {}",
            self.line, self.symbol, self.wanted, self.reason
        )
    }
}

fn is_on(config: &BTreeMap<String, Value>, symbol: &str) -> bool {
    matches!(config.get(symbol), Some(Value::Set(v)) if v != "n")
}

fn show(config: &BTreeMap<String, Value>, symbol: &str) -> String {
    match config.get(symbol) {
        Some(Value::Set(v)) => format!("CONFIG_{symbol}={v}"),
        Some(Value::NotSet) | None => format!("CONFIG_{symbol} is not set"),
    }
}

/// The existing symbol nearest to `symbol` by edit distance, if close.
pub fn nearest<'a>(symbol: &str, symbols: &'a Symbols) -> Option<&'a str> {
    let limit = (symbol.len() / 4).clamp(2, 4);
    symbols
        .defs
        .keys()
        .map(|k| (strsim::levenshtein(symbol, k), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k.as_str())
}

/// Compares the fragment with the final configuration.
pub fn check(
    fragment: &[Line],
    config: &BTreeMap<String, Value>,
    symbols: &Symbols,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for l in fragment {
        let actual = config.get(&l.symbol).cloned();
        let effective = actual.clone().unwrap_or(Value::NotSet);
        if effective == l.value {
            continue;
        }
        problems.push(Problem {
            symbol: l.symbol.clone(),
            line: l.line,
            wanted: l.value.clone(),
            actual,
            reason: explain(&l.symbol, &l.value, config, symbols),
        });
    }
    problems
}

fn explain(
    symbol: &str,
    wanted: &Value,
    config: &BTreeMap<String, Value>,
    symbols: &Symbols,
) -> String {
    let Some(defs) = symbols.defs.get(symbol) else {
        return unknown(symbol, symbols);
    };
    let where_ = format!("{}:{}", defs[0].file.display(), defs[0].line);
    if *wanted == Value::NotSet {
        return why_on(symbol, defs, config, symbols, &where_);
    }
    if let Some(reason) = unmet_dependencies(defs, config) {
        return format!("{reason} ({where_}){}", add_hint(&reason));
    }
    why_not_set(symbol, wanted, defs, config, symbols, &where_)
}

/// A symbol no Kconfig file of this architecture defines.
fn unknown(symbol: &str, symbols: &Symbols) -> String {
    if let Some(arch) = symbols.other_arch.get(symbol) {
        return format!("CONFIG_{symbol} exists only for other architectures (arch/{arch})");
    }
    match nearest(symbol, symbols) {
        Some(near) => format!("unknown symbol; did you mean CONFIG_{near}?"),
        None => "unknown symbol: no Kconfig file defines it".into(),
    }
}

/// Why a symbol wanted off stayed on.
fn why_on(
    symbol: &str,
    defs: &[crate::symbols::Definition],
    config: &BTreeMap<String, Value>,
    symbols: &Symbols,
    where_: &str,
) -> String {
    let forcing: Vec<String> = symbols
        .selected_by
        .get(symbol)
        .into_iter()
        .flatten()
        .filter(|(by, _)| is_on(config, by))
        .map(|(by, cond)| match cond {
            Some(c) => format!("CONFIG_{by} (if {c})"),
            None => format!("CONFIG_{by}"),
        })
        .collect();
    if !forcing.is_empty() {
        return format!("forced on by `select` from {}", forcing.join(", "));
    }
    if defs.iter().all(|d| !d.prompt) {
        return format!("has no prompt ({where_}): its default turns it on");
    }
    format!("its default or a dependency keeps it on ({where_})")
}

/// The `depends on` lines of the definitions that are unmet, each once.
fn unmet_dependencies(
    defs: &[crate::symbols::Definition],
    config: &BTreeMap<String, Value>,
) -> Option<String> {
    let mut unmet = Vec::new();
    for expr in defs.iter().flat_map(|d| &d.depends) {
        let off: Vec<String> = expr_symbols(expr)
            .into_iter()
            .filter(|s| !is_on(config, s))
            .map(|s| show(config, &s))
            .collect();
        if !off.is_empty() {
            let line = format!("`depends on {}` is unmet: {}", expr, off.join(", "));
            if !unmet.contains(&line) {
                unmet.push(line);
            }
        }
    }
    (!unmet.is_empty()).then(|| unmet.join("; "))
}

/// For a single unmet dependency on one unset symbol: the line to add.
fn add_hint(reason: &str) -> String {
    if reason.contains("; ") {
        return String::new();
    }
    match reason
        .split(": ")
        .nth(1)
        .and_then(|dep| dep.strip_suffix(" is not set"))
    {
        Some(name) => format!(" (add {name}=y to the fragment)"),
        None => String::new(),
    }
}

/// Why a symbol wanted on, with its dependencies met, did not take the value.
fn why_not_set(
    symbol: &str,
    wanted: &Value,
    defs: &[crate::symbols::Definition],
    config: &BTreeMap<String, Value>,
    symbols: &Symbols,
    where_: &str,
) -> String {
    if defs.iter().all(|d| !d.prompt) {
        let by: Vec<String> = symbols
            .selected_by
            .get(symbol)
            .into_iter()
            .flatten()
            .map(|(b, _)| format!("CONFIG_{b}"))
            .take(5)
            .collect();
        return if by.is_empty() {
            format!("has no prompt ({where_}): it cannot be set by a fragment")
        } else {
            format!(
                "has no prompt ({where_}): only a `select` turns it on, e.g. from {}",
                by.join(", ")
            )
        };
    }
    if defs.iter().any(|d| d.in_choice) {
        return format!(
            "is an option of a `choice` ({where_}): another option was chosen; set that one to n"
        );
    }
    if wanted.as_str() == "y" && config.get(symbol).map(Value::as_str) == Some("m") {
        return format!("a dependency is only m, which limits it to m ({where_})");
    }
    format!("Kconfig did not accept the value ({where_}); see its definition")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;
    use crate::symbols::scan_text;
    use std::path::Path;

    fn symbols() -> Symbols {
        let mut s = Symbols::default();
        scan_text(
            Path::new("Kconfig"),
            "config VIRTIO_PCI\n\ttristate \"v\"\n\tdepends on PCI\nconfig PCI\n\tbool \"pci\"\nconfig CRC32\n\ttristate\nconfig EXT4_FS\n\ttristate \"ext4\"\n\tselect CRC32\n",
            &mut s,
        );
        s.other_arch.insert("ARM64_SVE".into(), "arm64".into());
        s
    }

    fn problems(fragment: &str, config: &str) -> Vec<String> {
        let f = parse(Path::new("frag"), fragment, true).unwrap();
        let c = crate::config::to_map(&parse(Path::new(".config"), config, false).unwrap());
        check(&f, &c, &symbols())
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn typo_suggests_the_nearest_symbol() {
        let p = problems("CONFIG_VIRTIO_PCII=y\n", "");
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("line 1: CONFIG_VIRTIO_PCII=y"), "{}", p[0]);
        assert!(p[0].contains("did you mean CONFIG_VIRTIO_PCI?"), "{}", p[0]);
    }

    #[test]
    fn unmet_dependency_is_named() {
        let p = problems("CONFIG_VIRTIO_PCI=y\n", "# CONFIG_PCI is not set\n");
        assert!(
            p[0].contains("`depends on PCI` is unmet: CONFIG_PCI is not set"),
            "{}",
            p[0]
        );
        assert!(p[0].contains("add CONFIG_PCI=y"), "{}", p[0]);
    }

    #[test]
    fn select_forcing_on_is_named() {
        let p = problems(
            "# CONFIG_CRC32 is not set\n",
            "CONFIG_EXT4_FS=y\nCONFIG_CRC32=y\n",
        );
        assert!(
            p[0].contains("forced on by `select` from CONFIG_EXT4_FS"),
            "{}",
            p[0]
        );
    }

    #[test]
    fn other_arch_and_promptless() {
        let p = problems("CONFIG_ARM64_SVE=y\nCONFIG_CRC32=y\n", "");
        assert!(p[0].contains("arch/arm64"), "{}", p[0]);
        assert!(
            p[1].contains("only a `select` turns it on, e.g. from CONFIG_EXT4_FS"),
            "{}",
            p[1]
        );
    }

    #[test]
    fn satisfied_fragment_has_no_problems() {
        assert!(problems(
            "CONFIG_PCI=y\n# CONFIG_EXT4_FS is not set\n",
            "CONFIG_PCI=y\n"
        )
        .is_empty());
    }
}
