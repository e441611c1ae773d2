//! The kernel steps' confinement, on the real kernel tree and the real
//! pinned tool directory (both made by `make`): in the bubblewrap sandbox
//! a kernel make sees the declared tools and nothing of the machine, and a
//! make that reaches for a machine tool fails there although the same make
//! succeeds outside. (The full kernel and UKI builds run sandboxed under
//! `make` itself; tests/buck/check.sh compares them with buck2's.)

use std::path::{Path, PathBuf};
use std::process::Output;

use kernel_source::kmake::{Kmake, Toolchain};

fn repo() -> PathBuf {
    let root = std::env::var_os("MVIRT_REPO_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    root.canonicalize().unwrap()
}

/// make's unpacked kernel tree (target/kernel-src/<sha256>/src).
fn tree() -> PathBuf {
    let pin = std::fs::read_to_string(repo().join("kernel/linux.toml")).unwrap();
    let sha = pin
        .lines()
        .find_map(|l| l.strip_prefix("sha256 = "))
        .unwrap()
        .trim_matches('"');
    let tree = repo().join("target/kernel-src").join(sha).join("src");
    assert!(
        tree.is_dir(),
        "{} is missing: run `make` first",
        tree.display()
    );
    tree
}

fn kmake(sandbox: bool) -> Kmake {
    let tools = repo().join("target/toolchain/kernel");
    assert!(
        tools.join("env.toml").exists(),
        "{} is missing: run `make kernel-toolchain` first",
        tools.display()
    );
    Toolchain {
        arch: "x86_64".into(),
        cc: "gcc".into(),
        tools,
        sandbox,
    }
    .resolve()
    .unwrap()
}

/// `make tinyconfig` (Kconfig's parser and probes: host programs compiled
/// with HOSTCC, shell scripts, the compiler asked) with extra make `vars`.
fn tinyconfig(k: &Kmake, vars: &[&str]) -> Output {
    let build = tempfile::tempdir().unwrap();
    let mut targets = vars.to_vec();
    targets.push("tinyconfig");
    k.command(&tree(), build.path(), &targets).output().unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_kernel_make_that_reaches_for_a_machine_tool_fails_in_the_sandbox() {
    let (inside, outside) = (kmake(true), kmake(false));
    // The control: the declared toolchain configures the kernel in both.
    for k in [&inside, &outside] {
        let out = tinyconfig(k, &[]);
        assert!(out.status.success(), "{}", text(&out));
    }
    // The machine's own compiler, named by its path: outside the sandbox
    // nothing stops it; inside there is no such file.
    if Path::new("/usr/bin/gcc").exists() {
        let out = tinyconfig(&outside, &["HOSTCC=/usr/bin/gcc"]);
        assert!(out.status.success(), "outside: {}", text(&out));
        let out = tinyconfig(&inside, &["HOSTCC=/usr/bin/gcc"]);
        let shown = text(&out);
        assert!(
            !out.status.success(),
            "inside, the machine's gcc ran: {shown}"
        );
        assert!(shown.contains("/usr/bin/gcc"), "{shown}");
    }
    // A tool that is not declared, by name: not on PATH even outside.
    let out = tinyconfig(&outside, &["HOSTCC=cc"]);
    let shown = text(&out);
    assert!(!out.status.success(), "HOSTCC=cc ran: {shown}");
    assert!(
        shown.contains("cc: not found") || shown.contains("cc: No such file"),
        "{shown}"
    );
}

/// What a kernel make sees in the sandbox: of /usr only /usr/bin/env; no
/// rustc, cargo or cc anywhere; gcc, make, flex, bison and perl only as the
/// tool directory's. Shown by a make that runs the sandbox's own shell.
#[test]
fn the_sandbox_holds_no_tool_of_the_machine() {
    let k = kmake(true);
    let dir = tempfile::tempdir().unwrap();
    let tools = k.tools.clone().unwrap();
    let script = format!(
        "show:\n\t@ls -A /usr /usr/bin; \
         for t in gcc cc rustc cargo make flex bison perl; do \
         echo \"$$t=$$(command -v $$t || echo none)\"; done; \
         find / \\( -path /proc -o -path {} \\) -prune -o \
         \\( -name gcc\\* -o -name cc -o -name rustc -o -name cargo -o -name perl\\* \\) -print\n",
        tools.display()
    );
    std::fs::write(dir.path().join("Makefile"), script).unwrap();
    let out = k
        .command(dir.path(), dir.path(), &["show"])
        .output()
        .unwrap();
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    // Without make's own "Entering/Leaving directory" lines (-C).
    let lines: Vec<&str> = shown.lines().filter(|l| !l.starts_with("make:")).collect();
    assert_eq!(lines[..4], ["/usr:", "bin", "", "/usr/bin:"], "{shown}");
    assert_eq!(lines[4], "env", "{shown}");
    let bin = tools.join("bin");
    for t in ["gcc", "make", "flex", "bison", "perl"] {
        let want = format!("{t}={}", bin.join(t).display());
        assert!(lines.contains(&want.as_str()), "{want} not in {shown}");
    }
    for t in ["cc", "rustc", "cargo"] {
        assert!(
            lines.contains(&format!("{t}=none").as_str()),
            "{t}: {shown}"
        );
    }
    // Outside the tool directory, nothing of those names at all.
    let found: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with('/') && !l.ends_with(':'))
        .collect();
    assert!(found.is_empty(), "outside the tool directory: {found:?}");
}
