//! mvirt-kbuild's refusals, which must come before any compile, and its
//! edges: inputs as resolved files only, errors that say each cause once.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-kbuild");

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary directory with what `build` takes: a tiny "kernel"
/// tarball, a FIFO and a directory that is no kernel toolchain.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("not-tools")).unwrap();
        let top = dir.path().join("in/linux-9.9");
        std::fs::create_dir_all(&top).unwrap();
        std::fs::write(top.join("Makefile"), "").unwrap();
        std::fs::write(top.join("Kconfig"), "").unwrap();
        let made = Command::new("tar")
            .arg("-cf")
            .arg(dir.path().join("linux.tar"))
            .arg("-C")
            .arg(dir.path().join("in"))
            .arg("linux-9.9")
            .status()
            .unwrap();
        assert!(made.success());
        std::fs::remove_dir_all(dir.path().join("in")).unwrap();
        let fifo = Command::new("mkfifo")
            .arg(dir.path().join("fifo"))
            .status()
            .unwrap();
        assert!(fifo.success());
        Case { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `build` with every required flag; `tarball` and `config` vary.
    fn build(&self, tarball: &Path, config: &Path) -> std::process::Output {
        self.build_with(tarball, config, &kernel_tools())
    }

    fn build_with(&self, tarball: &Path, config: &Path, tools: &Path) -> std::process::Output {
        std::fs::create_dir_all(self.path("scratch")).unwrap();
        Command::new(BIN)
            .arg("build")
            .arg("--tarball")
            .arg(tarball)
            .args(["--arch", "x86_64", "--cc", "gcc", "--epoch", "0"])
            .arg("--tools")
            .arg(tools)
            .arg("--config")
            .arg(config)
            .arg("--scratch")
            .arg(self.path("scratch"))
            .arg("--out-dir")
            .arg(self.path("out"))
            .output()
            .unwrap()
    }

    fn scratch_is_empty(&self) -> bool {
        std::fs::read_dir(self.path("scratch"))
            .unwrap()
            .next()
            .is_none()
    }
}

/// The toolchain is checked before anything is read or unpacked: the
/// tarball here is a FIFO, which unpacking would refuse with another
/// message, and the scratch directory stays empty.
#[test]
fn a_directory_that_is_no_toolchain_is_refused_first() {
    let case = Case::new();
    let out = case.build_with(
        &case.path("fifo"),
        &case.path("kernel.config"),
        &case.path("not-tools"),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is not a kernel tool directory"), "{err}");
    assert!(err.contains("mvirt-unpack --tools"), "{err}");
    assert!(!case.path("out").exists());
    assert!(case.scratch_is_empty());
}

/// The pinned kernel tool directory make unpacks (`make kernel-toolchain`).
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

/// A FIFO would block tar forever, a device never end: only a regular
/// file is a tarball, and nothing is left behind.
#[test]
fn a_tarball_must_be_a_regular_file() {
    let case = Case::new();
    for tarball in [case.path("fifo"), "/dev/zero".into(), case.path("")] {
        let out = case.build(&tarball, &case.path("kernel.config"));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
        assert!(!case.path("out").exists());
        assert!(case.scratch_is_empty(), "{err}");
    }
}

/// No input has a default: a call that leaves one out is refused by name,
/// and nothing points into a build system's layout.
#[test]
fn every_input_is_given_explicitly() {
    let out = Command::new(BIN).arg("build").output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for flag in [
        "--tarball",
        "--arch",
        "--cc",
        "--tools",
        "--config",
        "--epoch",
        "--scratch",
        "--out-dir",
    ] {
        assert!(err.contains(flag), "{flag} not required: {err}");
    }
    let help = Command::new(BIN)
        .args(["build", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(!help.contains("target/"), "{help}");
    assert!(!help.contains("[default:"), "{help}");
}

/// Each I/O error says its cause once ("reading X: No such file", not
/// "X: No such file: No such file"), and the scratch tree is removed.
#[test]
fn io_errors_name_their_cause_once() {
    let case = Case::new();
    let config = Path::new("/nonexistent/kernel.config");
    let out = case.build(&case.path("linux.tar"), config);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
    assert_eq!(
        err.matches("/nonexistent/kernel.config").count(),
        1,
        "{err}"
    );
    assert!(!case.path("out").exists());
    assert!(case.scratch_is_empty(), "{err}");
}
