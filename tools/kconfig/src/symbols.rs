//! A scan of the kernel's Kconfig files: which symbols exist, where, what
//! they depend on and who selects them. Enough to explain why a requested
//! value did not take effect; not a Kconfig evaluator (Kconfig itself, run
//! through `make olddefconfig`, decides the values).
//!
//! Each `config`/`menuconfig` entry collects its `depends on` lines plus the
//! conditions of the `if` blocks and `menu ... depends on` around it in the
//! same file. `help` text is skipped by its indentation, as Kconfig does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where and how a symbol is defined (one entry per definition).
#[derive(Clone, Debug, Default)]
pub struct Definition {
    pub file: PathBuf,
    pub line: usize,
    /// `depends on` expressions, including enclosing `if`/`menu` conditions.
    pub depends: Vec<String>,
    /// Whether the entry has a prompt (is user-settable at all).
    pub prompt: bool,
    /// Whether it sits inside a `choice` block.
    pub in_choice: bool,
}

/// All symbols of a tree.
#[derive(Debug, Default)]
pub struct Symbols {
    pub defs: BTreeMap<String, Vec<Definition>>,
    /// symbol → the symbols that `select` it (with their `if` condition).
    pub selected_by: BTreeMap<String, Vec<(String, Option<String>)>>,
    /// Symbols defined only under arch/<other>/.
    pub other_arch: BTreeMap<String, String>,
}

fn kconfig_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            if entry.file_name() != ".git" {
                kconfig_files(&path, out);
            }
        } else if entry.file_name().to_string_lossy().starts_with("Kconfig") {
            out.push(path);
        }
    }
}

/// Scans every Kconfig file under `tree`; `arch` is the source architecture
/// directory (`x86`).
pub fn scan(tree: &Path, arch: &str) -> Symbols {
    let mut files = Vec::new();
    kconfig_files(tree, &mut files);
    let mut symbols = Symbols::default();
    let mut foreign: BTreeMap<String, String> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(tree).unwrap_or(&file).to_path_buf();
        let mut parts = rel.components();
        let foreign_arch = match (parts.next(), parts.next()) {
            (Some(a), Some(b)) if a.as_os_str() == "arch" && b.as_os_str() != arch => {
                Some(b.as_os_str().to_string_lossy().into_owned())
            }
            _ => None,
        };
        // A regular file only: a FIFO named Kconfig* must not hang the scan.
        let Ok(text) = kernel_source::read_text(&file) else {
            continue;
        };
        let mut local = Symbols::default();
        scan_text(&rel, &text, &mut local);
        if let Some(other) = foreign_arch {
            for name in local.defs.into_keys() {
                foreign.entry(name).or_insert_with(|| other.clone());
            }
            continue;
        }
        for (name, defs) in local.defs {
            symbols.defs.entry(name).or_default().extend(defs);
        }
        for (name, by) in local.selected_by {
            symbols.selected_by.entry(name).or_default().extend(by);
        }
    }
    for (name, other) in foreign {
        if !symbols.defs.contains_key(&name) {
            symbols.other_arch.insert(name, other);
        }
    }
    symbols
}

fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 8 } else { 1 })
        .sum()
}

/// Joins continuation lines (`\\` at the end), keeping the first line's number.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let (n, mut acc) = pending.take().unwrap_or((i + 1, String::new()));
        if let Some(stripped) = raw.strip_suffix('\\') {
            acc.push_str(stripped);
            pending = Some((n, acc));
        } else {
            acc.push_str(raw);
            lines.push((n, acc));
        }
    }
    lines
}

/// Conditions that enclose what follows: `if EXPR`, `menu` + `depends on`,
/// and `choice`.
enum Block {
    If(String),
    Menu(Vec<String>),
    Choice,
}

/// The state of scanning one Kconfig file.
struct Scanner<'a> {
    file: &'a Path,
    out: &'a mut Symbols,
    blocks: Vec<Block>,
    current: Option<(String, Definition)>,
    in_menu_header: bool,
    /// Inside a help text: Some(0) just after `help`, then its indent.
    help_indent: Option<usize>,
}

impl Scanner<'_> {
    /// Ends the definition being read, if any.
    fn finish(&mut self) {
        if let Some((name, def)) = self.current.take() {
            self.out.defs.entry(name).or_default().push(def);
        }
    }

    /// Whether `line` belongs to a help text (which ends at the first
    /// non-empty line indented less than its first line).
    fn in_help(&mut self, line: &str) -> bool {
        let Some(min) = self.help_indent else {
            return false;
        };
        if line.trim().is_empty() {
            return true;
        }
        let ind = indent_of(line);
        if min == 0 {
            self.help_indent = Some(ind.max(1));
            return true;
        }
        if ind >= min {
            return true;
        }
        self.help_indent = None;
        false
    }

    fn config(&mut self, n: usize, name: &str) {
        self.finish();
        self.in_menu_header = false;
        let mut def = Definition {
            file: self.file.into(),
            line: n,
            ..Definition::default()
        };
        for block in &self.blocks {
            match block {
                Block::If(cond) => def.depends.push(cond.clone()),
                Block::Menu(conds) => def.depends.extend(conds.iter().cloned()),
                Block::Choice => def.in_choice = true,
            }
        }
        self.current = Some((name.to_string(), def));
    }

    fn depends(&mut self, rest: &str) {
        let expr = rest.strip_prefix("on").unwrap_or(rest).trim().to_string();
        if let Some((_, def)) = self.current.as_mut() {
            def.depends.push(expr);
        } else if self.in_menu_header {
            if let Some(Block::Menu(conds)) = self.blocks.last_mut() {
                conds.push(expr);
            }
        }
    }

    fn select(&mut self, rest: &str) {
        if let Some((name, _)) = self.current.as_ref() {
            let (target, cond) = match rest.split_once(" if ") {
                Some((t, c)) => (t.trim(), Some(c.trim().to_string())),
                None => (rest, None),
            };
            self.out
                .selected_by
                .entry(target.to_string())
                .or_default()
                .push((name.clone(), cond));
        }
    }

    fn line(&mut self, n: usize, line: &str) {
        if self.in_help(line) {
            return;
        }
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            return;
        }
        let (word, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
        let rest = rest.trim();
        match word {
            "config" | "menuconfig" => self.config(n, rest),
            "if" | "menu" | "choice" => {
                self.finish();
                self.blocks.push(match word {
                    "if" => Block::If(rest.to_string()),
                    "menu" => Block::Menu(Vec::new()),
                    _ => Block::Choice,
                });
                self.in_menu_header = word == "menu";
            }
            "endif" | "endmenu" | "endchoice" => {
                self.finish();
                self.in_menu_header = false;
                self.blocks.pop();
            }
            "source" | "comment" | "mainmenu" | "rsource" | "osource" | "orsource" => {
                self.finish();
                self.in_menu_header = false;
            }
            "depends" => self.depends(rest),
            "select" => self.select(rest),
            "bool" | "tristate" | "string" | "int" | "hex" | "prompt" => {
                if let Some((_, def)) = self.current.as_mut() {
                    if rest.starts_with('"') || rest.starts_with('\'') {
                        def.prompt = true;
                    }
                }
            }
            "help" | "---help---" => self.help_indent = Some(0),
            _ => {}
        }
    }
}

/// Scans one file's text into `out`.
pub fn scan_text(file: &Path, text: &str, out: &mut Symbols) {
    let mut scanner = Scanner {
        file,
        out,
        blocks: Vec::new(),
        current: None,
        in_menu_header: false,
        help_indent: None,
    };
    for (n, line) in logical_lines(text) {
        scanner.line(n, &line);
    }
    scanner.finish();
}

/// The symbol names an expression mentions (`A && (B || !C=y)` → A, B, C).
pub fn expr_symbols(expr: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        if token.is_empty()
            || matches!(token, "y" | "m" | "n")
            || token.bytes().all(|b| b.is_ascii_digit())
            || token.chars().any(|c| c.is_ascii_lowercase())
        {
            continue;
        }
        if !out.iter().any(|s| s == token) {
            out.push(token.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const KCONFIG: &str = r#"
menu "Things"
	depends on NET

config TMPFS
	bool "Tmpfs virtual memory file system support"
	depends on SHMEM
	select MEMFD
	help
	  This depends on nothing you can see here
	  config FAKE would not be a symbol.

if PCI
config VIRTIO_PCI
	tristate "PCI driver for virtio devices"
	depends on VIRTIO_MENU && \
		HAS_IOMEM
	select VIRTIO
endif
endmenu

config HIDDEN
	bool
"#;

    #[test]
    fn collects_dependencies_blocks_and_selects() {
        let mut s = Symbols::default();
        scan_text(Path::new("fs/Kconfig"), KCONFIG, &mut s);
        assert_eq!(s.defs["TMPFS"][0].depends, ["NET", "SHMEM"]);
        assert!(s.defs["TMPFS"][0].prompt);
        assert_eq!(
            s.defs["VIRTIO_PCI"][0].depends,
            ["NET", "PCI", "VIRTIO_MENU && \t\tHAS_IOMEM"]
        );
        assert!(!s.defs.contains_key("FAKE"), "help text is not parsed");
        assert!(!s.defs["HIDDEN"][0].prompt);
        assert!(s.defs["HIDDEN"][0].depends.is_empty(), "after endmenu");
        assert_eq!(s.selected_by["VIRTIO"][0].0, "VIRTIO_PCI");
        assert_eq!(s.defs["TMPFS"][0].line, 5);
    }

    #[test]
    fn expression_symbols() {
        assert_eq!(
            expr_symbols("X86_64 && (PCI || !ACPI=y) && m"),
            ["X86_64", "PCI", "ACPI"]
        );
    }
}
