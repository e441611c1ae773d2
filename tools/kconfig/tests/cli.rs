//! mvirt-kconfig's edges on a fake kernel tree (a Makefile whose targets
//! stand in for Kconfig's, so no kernel is needed — a test double, named as
//! such; tests/real_tree.rs runs the same tool on the real kernel): a
//! closed or full stdout, errors that say each cause once, no leftovers
//! after a failure, refusals before any unpacking.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-kconfig");

/// The fake kernel's Makefile. tinyconfig sets A and leaves B unset;
/// olddefconfig drops any DROPPED symbol (a value that cannot take
/// effect); menuconfig turns B on. Silent, like a menuconfig that only
/// draws on the terminal.
const MAKEFILE: &str = "\
tinyconfig:
\t@mkdir -p $(O)
\t@printf 'CONFIG_A=y\\n# CONFIG_B is not set\\n' > $(O)/.config
olddefconfig:
\t@sed -i '/CONFIG_DROPPED/d' $(O)/.config
savedefconfig:
\t@cp $(O)/.config $(O)/defconfig
menuconfig:
\t@sed -i 's/^# CONFIG_B is not set/CONFIG_B=y/' $(O)/.config
";

/// A temporary directory with the fake tree in `linux/`, a fragment and
/// the current final .config (tinyconfig's).
struct Fake {
    dir: tempfile::TempDir,
}

impl Fake {
    fn new() -> Fake {
        let dir = tempfile::tempdir().unwrap();
        let tree = dir.path().join("linux");
        std::fs::create_dir(&tree).unwrap();
        std::fs::write(tree.join("Makefile"), MAKEFILE).unwrap();
        std::fs::write(tree.join("Kconfig"), "").unwrap();
        let tarred = Command::new("tar")
            .arg("-cf")
            .arg(dir.path().join("linux.tar"))
            .arg("-C")
            .arg(dir.path())
            .arg("linux")
            .status()
            .unwrap();
        assert!(tarred.success());
        std::fs::remove_dir_all(&tree).unwrap();
        std::fs::create_dir(dir.path().join("not-tools")).unwrap();
        std::fs::write(dir.path().join("frag.config"), "# mine\nCONFIG_A=y\n").unwrap();
        std::fs::write(
            dir.path().join("kernel.config"),
            "CONFIG_A=y\n# CONFIG_B is not set\n",
        )
        .unwrap();
        Fake { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `mvirt-kconfig <command>` on the fake tree, with its own scratch.
    fn cmd(&self, command: &str) -> Command {
        self.cmd_on(command, "linux.tar")
    }

    /// `mvirt-kconfig <command>` with another tarball.
    fn cmd_on(&self, command: &str, tarball: &str) -> Command {
        self.cmd_with(command, tarball, &kernel_tools())
    }

    /// `mvirt-kconfig <command>` with another tarball and tool directory.
    fn cmd_with(&self, command: &str, tarball: &str, tools: &Path) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(self.dir.path()).args([
            command,
            "--tarball",
            tarball,
            "--arch",
            "x86_64",
            "--cc",
            "gcc",
            "--scratch",
            "scratch",
        ]);
        cmd.arg("--tools").arg(tools);
        cmd
    }

    fn menuconfig(&self, stdout: Stdio) -> Output {
        self.cmd("menuconfig")
            .args(["--fragment", "frag.config", "--config", "kernel.config"])
            .stdout(stdout)
            .output()
            .unwrap()
    }
}

/// The pinned kernel tool directory make unpacks (`make kernel-toolchain`):
/// its make and shell run the fake tree too.
fn kernel_tools() -> PathBuf {
    let repo = std::env::var_os("MVIRT_REPO_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    let dir = std::path::absolute(repo.join("target/toolchain/kernel")).unwrap();
    assert!(
        dir.join("env.toml").exists(),
        "{} is missing: run `make kernel-toolchain` first",
        dir.display()
    );
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A pipe whose reader has already gone: writing to it fails with EPIPE.
fn closed_pipe() -> Stdio {
    let mut reader = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
    let writer = reader.stdin.take().unwrap();
    reader.wait().unwrap();
    Stdio::from(writer)
}

const NEW_FRAGMENT: &str = "\
# mine

# --- added by menuconfig -----------------------------------------------------
CONFIG_B=y
";

#[test]
fn menuconfig_shows_the_change_on_stdout() {
    let fake = Fake::new();
    let out = fake.menuconfig(Stdio::piped());
    assert!(out.status.success(), "{}", stderr(&out));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("\n-CONFIG_A=y\n"), "{diff}");
    assert!(diff.contains("\n+CONFIG_B=y\n"), "{diff}");
    let fragment = std::fs::read_to_string(fake.path("frag.config")).unwrap();
    assert_eq!(fragment, NEW_FRAGMENT);
}

/// A closed stdout ends the diff quietly (status 0); a full one is an
/// error (status 1). Either way the fragment is written, and nothing panics.
#[test]
fn menuconfig_on_a_closed_or_full_stdout() {
    let fake = Fake::new();
    let out = fake.menuconfig(closed_pipe());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        std::fs::read_to_string(fake.path("frag.config")).unwrap(),
        NEW_FRAGMENT
    );

    let fake = Fake::new();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = fake.menuconfig(Stdio::from(full));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: writing to standard output: No space left on device"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(fake.path("frag.config")).unwrap(),
        NEW_FRAGMENT
    );
}

/// Each I/O error says its cause once ("cannot open X: No such file", not
/// "X: cannot read: No such file: No such file").
#[test]
fn io_errors_name_their_cause_once() {
    let fake = Fake::new();
    let out = fake
        .cmd("generate")
        .args(["--fragment", "/nonexistent/frag.config", "-o", "out"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
    assert_eq!(err.matches("/nonexistent/frag.config").count(), 1, "{err}");
}

/// A fragment that does not take effect writes nothing: no output and no
/// directory made for it. One that does writes the final .config.
#[test]
fn generate_writes_whole_or_nothing() {
    let fake = Fake::new();
    std::fs::write(fake.path("bad.config"), "CONFIG_DROPPED=y\n").unwrap();
    let out = fake
        .cmd("generate")
        .args(["--fragment", "bad.config", "-o", "new/sub/kernel.config"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("CONFIG_DROPPED=y did not take effect"),
        "{err}"
    );
    assert!(!fake.path("new").exists());

    let out = fake
        .cmd("generate")
        .args(["--fragment", "frag.config", "-o", "new/sub/kernel.config"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let config = std::fs::read_to_string(fake.path("new/sub/kernel.config")).unwrap();
    assert_eq!(config, "# CONFIG_B is not set\nCONFIG_A=y\n");
}

/// The scratch directory's entries (it is created by the tool).
fn scratch_entries(fake: &Fake) -> Vec<std::ffi::OsString> {
    match std::fs::read_dir(fake.path("scratch")) {
        Ok(dir) => dir.map(|e| e.unwrap().file_name()).collect(),
        Err(_) => Vec::new(),
    }
}

/// A broken fragment or a missing toolchain stops the step before the source
/// is touched. The tarball here is a FIFO: had the tool opened it to
/// unpack, the error would be "not a regular file" (and an unpacking that
/// blocked would hang the test), so the message proves the order. (The
/// scratch directory is removed on exit either way, so looking into it
/// afterwards could never tell.)
#[test]
fn refusals_come_before_the_source_is_read() {
    let fake = Fake::new();
    assert!(Command::new("mkfifo")
        .arg(fake.path("fifo"))
        .status()
        .unwrap()
        .success());
    std::fs::write(fake.path("typo.config"), "CONFIG_A=y\nCONFIG A=y\n").unwrap();
    let generate = |fragment: &str| {
        fake.cmd_on("generate", "fifo")
            .args(["--fragment", fragment, "-o", "out"])
            .output()
            .unwrap()
    };
    let out = generate("typo.config");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("typo.config"), "{err}");
    assert!(!err.contains("regular file"), "{err}");

    let out = fake
        .cmd_with("generate", "fifo", &fake.path("not-tools"))
        .args(["--fragment", "frag.config", "-o", "out"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is not a kernel tool directory"), "{err}");
    assert!(!fake.path("out").exists());
    assert!(scratch_entries(&fake).is_empty(), "{err}");
}

/// `mvirt-kconfig generate` with the fragments given in order, into `out`.
fn generate(fake: &Fake, tarball: &str, fragments: &[&str], out: &str) -> Output {
    let mut cmd = fake.cmd_on("generate", tarball);
    for fragment in fragments {
        cmd.args(["--fragment", fragment]);
    }
    cmd.args(["-o", out]).output().unwrap()
}

/// Two fragments make the very bytes their concatenation makes, applied
/// in the order given (a later line comes later in .config).
#[test]
fn two_fragments_make_what_their_concatenation_makes() {
    let fake = Fake::new();
    let (common, arch) = ("# common\nCONFIG_A=y\n", "# arch\nCONFIG_C=y\n");
    std::fs::write(fake.path("common.config"), common).unwrap();
    std::fs::write(fake.path("arch.config"), arch).unwrap();
    std::fs::write(fake.path("whole.config"), format!("{common}{arch}")).unwrap();
    let split = generate(
        &fake,
        "linux.tar",
        &["common.config", "arch.config"],
        "split",
    );
    assert!(split.status.success(), "{}", stderr(&split));
    assert!(
        stderr(&split).contains("tinyconfig + common.config + arch.config"),
        "{}",
        stderr(&split)
    );
    assert!(stderr(&split).contains("all 2 fragment symbols took effect"));
    let whole = generate(&fake, "linux.tar", &["whole.config"], "whole");
    assert!(whole.status.success(), "{}", stderr(&whole));
    let split = std::fs::read(fake.path("split")).unwrap();
    assert_eq!(split, std::fs::read(fake.path("whole")).unwrap());
    assert_eq!(split, b"# CONFIG_B is not set\nCONFIG_A=y\nCONFIG_C=y\n");

    let reversed = generate(&fake, "linux.tar", &["arch.config", "common.config"], "rev");
    assert!(reversed.status.success(), "{}", stderr(&reversed));
    assert_eq!(
        std::fs::read_to_string(fake.path("rev")).unwrap(),
        "# CONFIG_B is not set\nCONFIG_C=y\nCONFIG_A=y\n"
    );
}

/// A symbol that does not take effect is told under the fragment that set
/// it; the fragment whose symbols all took effect is not named.
#[test]
fn the_check_names_the_fragment_of_each_symbol() {
    let fake = Fake::new();
    std::fs::write(fake.path("common.config"), "CONFIG_A=y\n").unwrap();
    std::fs::write(fake.path("arch.config"), "# arch\nCONFIG_DROPPED=y\n").unwrap();
    let out = generate(&fake, "linux.tar", &["common.config", "arch.config"], "out");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "arch.config: 1 symbol(s) did not take effect:\n  line 2: CONFIG_DROPPED=y did not take effect"
        ),
        "{err}"
    );
    assert!(!err.contains("common.config:"), "{err}");
    assert!(!fake.path("out").exists());
}

/// A symbol set in two fragments, or a syntax error in the second one,
/// stops generate before the source is read (the tarball is a FIFO, as in
/// `refusals_come_before_the_source_is_read`); a syntax error in an
/// earlier fragment stops menuconfig the same way.
#[test]
fn every_fragment_is_checked_before_the_source_is_read() {
    let fake = Fake::new();
    assert!(Command::new("mkfifo")
        .arg(fake.path("fifo"))
        .status()
        .unwrap()
        .success());
    std::fs::write(fake.path("arch.config"), "# arch\nCONFIG_A=y\n").unwrap();
    let out = generate(&fake, "fifo", &["frag.config", "arch.config"], "out");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "CONFIG_A is set in frag.config:2 and again in arch.config:2: \
             a symbol belongs to one fragment"
        ),
        "{err}"
    );
    assert!(!err.contains("regular file"), "{err}");

    std::fs::write(fake.path("typo.config"), "CONFIG_B=y\nCONFIG C=y\n").unwrap();
    let out = generate(&fake, "fifo", &["frag.config", "typo.config"], "out");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("typo.config:2"), "{err}");
    assert!(!err.contains("regular file"), "{err}");
    assert!(!fake.path("out").exists());

    let out = fake
        .cmd_on("menuconfig", "fifo")
        .args(["--fragment", "typo.config", "--fragment", "frag.config"])
        .args(["--config", "kernel.config"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("typo.config:2"), "{err}");
    assert!(!err.contains("regular file"), "{err}");
}

/// Both subcommands say that --fragment repeats, and in what order.
#[test]
fn help_says_the_fragment_flag_repeats() {
    for command in ["generate", "menuconfig"] {
        let out = Command::new(BIN)
            .args([command, "--help"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("--fragment <FILE>"), "{help}");
        assert!(help.contains("repeat the flag"), "{help}");
        assert!(help.contains("applied in the order"), "{help}");
    }
    let out = Command::new(BIN)
        .args([
            "generate",
            "--tarball",
            "t",
            "--arch",
            "x86_64",
            "--cc",
            "gcc",
        ])
        .args(["--tools", "c", "--scratch", "s", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--fragment <FILE>"),
        "{}",
        stderr(&out)
    );
}

/// menuconfig with two fragments writes back the last one, minimal over
/// tinyconfig + the first (which sets A, so the last needs only B); the
/// current configuration, absent, is generated from both.
#[test]
fn menuconfig_writes_back_the_last_fragment() {
    let fake = Fake::new();
    std::fs::write(fake.path("common.config"), "CONFIG_A=y\n").unwrap();
    std::fs::write(fake.path("arch.config"), "# arch\n").unwrap();
    let out = fake
        .cmd("menuconfig")
        .args(["--fragment", "common.config", "--fragment", "arch.config"])
        .args(["--config", "absent.config"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("only what differs from tinyconfig + common.config"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(fake.path("arch.config")).unwrap(),
        "# arch\n\n# --- added by menuconfig -----------------------------------------------------\nCONFIG_B=y\n"
    );
    assert_eq!(
        std::fs::read_to_string(fake.path("common.config")).unwrap(),
        "CONFIG_A=y\n"
    );
}

/// menuconfig turns B on, which the first fragment sets to n: refused,
/// naming the symbol and the file to edit, and neither fragment is written.
#[test]
fn menuconfig_refuses_to_change_an_earlier_fragment() {
    let fake = Fake::new();
    std::fs::write(fake.path("common.config"), "# CONFIG_B is not set\n").unwrap();
    let out = fake
        .cmd("menuconfig")
        .args(["--fragment", "common.config", "--fragment", "frag.config"])
        .args(["--config", "kernel.config"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "the edited configuration has CONFIG_B=y, but common.config:1 sets it to n: \
             menuconfig writes back only the last fragment; \
             change CONFIG_B in common.config by hand (nothing was written)"
        ),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(fake.path("common.config")).unwrap(),
        "# CONFIG_B is not set\n"
    );
    assert_eq!(
        std::fs::read_to_string(fake.path("frag.config")).unwrap(),
        "# mine\nCONFIG_A=y\n"
    );
}
