//! mvirt-kbuild's refusals, which must come before any compile, and its
//! edges: inputs as resolved files only, a closed or full stdout, errors
//! that say each cause once.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-kbuild");

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary directory with what `build` takes: a compiler identity
/// (the real one unless written over), a tiny "kernel" tarball and a FIFO.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        let id = Command::new(BIN)
            .args(["compiler-id", "--cc", "gcc", "-o"])
            .arg(dir.path().join("compiler.id"))
            .status()
            .unwrap();
        assert!(id.success());
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
        std::fs::create_dir_all(self.path("scratch")).unwrap();
        Command::new(BIN)
            .arg("build")
            .arg("--tarball")
            .arg(tarball)
            .args(["--arch", "x86_64", "--cc", "gcc", "--epoch", "0"])
            .arg("--compiler-id")
            .arg(self.path("compiler.id"))
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

/// The compiler is checked before anything is read or unpacked: the
/// tarball here is a FIFO, which unpacking would refuse with another
/// message, and the scratch directory stays empty.
#[test]
fn a_build_keyed_on_another_compiler_is_refused_first() {
    let case = Case::new();
    std::fs::write(case.path("compiler.id"), "cc: gcc (Imaginary) 99.1\n").unwrap();
    let out = case.build(&case.path("fifo"), &case.path("kernel.config"));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("the compiler changed"), "{err}");
    assert!(err.contains("gcc (Imaginary) 99.1"), "{err}");
    assert!(err.contains("cc: gcc"), "{err}");
    assert!(!case.path("out").exists());
    assert!(case.scratch_is_empty());
}

#[test]
fn compiler_id_is_rewritten_only_when_it_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let id = tmp.path().join("compiler.id");
    let run = || {
        assert!(Command::new(BIN)
            .args(["compiler-id", "--cc", "gcc", "-o"])
            .arg(&id)
            .status()
            .unwrap()
            .success())
    };
    run();
    let first = std::fs::metadata(&id).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    run();
    assert_eq!(std::fs::metadata(&id).unwrap().modified().unwrap(), first);
    assert!(std::fs::read_to_string(&id).unwrap().starts_with("cc: gcc"));
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
        "--compiler-id",
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

/// A pipe whose reader has already gone: writing to it fails with EPIPE.
fn closed_pipe() -> Stdio {
    let mut reader = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
    let writer = reader.stdin.take().unwrap();
    reader.wait().unwrap();
    Stdio::from(writer)
}

fn dev_full() -> Stdio {
    Stdio::from(
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap(),
    )
}

/// Output to a closed stdout ends quietly (status 0); to a full one it is
/// an error (status 1). Never a panic.
#[test]
fn a_closed_or_full_stdout_does_not_panic() {
    let args = ["compiler-id", "--cc", "gcc"];
    let out = Command::new(BIN)
        .args(args)
        .stdout(closed_pipe())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out = Command::new(BIN)
        .args(args)
        .stdout(dev_full())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: writing to standard output: No space left on device"),
        "{err}"
    );
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
