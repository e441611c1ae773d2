//! mvirt-kbuild's refusals, which must come before any compile, and its
//! edges: pins as data (a fake curl stands in for the network), a closed
//! or full stdout, errors that say each cause once.

use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-kbuild");

#[test]
fn a_build_keyed_on_another_compiler_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let id = tmp.path().join("compiler.id");
    std::fs::write(&id, "cc: gcc (Imaginary) 99.1\n").unwrap();
    let out_dir = tmp.path().join("out");
    let out = Command::new(BIN)
        // $MVIRT_REPO_ROOT under buck2, which runs tests from the project root.
        .current_dir(
            std::env::var("MVIRT_REPO_ROOT")
                .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../..").into()),
        )
        .args([
            "build",
            "--epoch",
            "0",
            "--config",
            "/nonexistent",
            "--compiler-id",
        ])
        .arg(&id)
        .arg("--out-dir")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the compiler changed"), "{err}");
    assert!(err.contains("gcc (Imaginary) 99.1"), "{err}");
    assert!(err.contains("cc: gcc"), "{err}");
    assert!(!out_dir.exists());
}

#[test]
fn compiler_id_is_rewritten_only_when_it_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let id = tmp.path().join("compiler.id");
    let run = || {
        assert!(Command::new(BIN)
            .args(["compiler-id", "-o"])
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

/// Files of a fake kernel source pin, in a temporary directory.
struct Pins {
    dir: tempfile::TempDir,
}

impl Pins {
    /// A pins file whose one source, version 1.0, is `source` (TOML lines
    /// after `version`), with the version file selecting it.
    fn new(source: &str) -> Pins {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("sources.toml"),
            format!("[[source]]\nversion = \"1.0\"\n{source}top = \"linux\"\n"),
        )
        .unwrap();
        std::fs::write(dir.path().join("kernel.version"), "1.0\n").unwrap();
        Pins { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// mvirt-kbuild `args` with these pins, run in the pins' directory.
    fn run(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.current_dir(self.path()).args(args).args([
            "--pins",
            "sources.toml",
            "--version-file",
            "kernel.version",
        ]);
        cmd
    }
}

fn sha256(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)[..64].to_string()
}

/// The entries of `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

/// A directory holding a fake `curl` that prints the file $FAKE_CURL_BODY,
/// and the PATH that finds it first.
fn fake_curl(dir: &Path) -> std::ffi::OsString {
    let bin = dir.join("bin");
    std::fs::create_dir(&bin).unwrap();
    let curl = bin.join("curl");
    std::fs::write(&curl, "#!/bin/sh\nexec cat \"$FAKE_CURL_BODY\"\n").unwrap();
    std::fs::set_permissions(&curl, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut path = bin.into_os_string();
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    path
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_wrong_cached_download_is_replaced_and_a_wrong_download_kept_nowhere() {
    let body = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(body.path(), b"the pinned tarball").unwrap();
    let sha = sha256(body.path());
    let pins = Pins::new(&format!(
        "sha256 = \"{sha}\"\nurl = \"https://example.invalid/v1/linux-1.0.tar.xz\"\n"
    ));
    let path = fake_curl(pins.path());
    let cache = pins.path().join("downloads/linux-1.0.tar.xz");
    std::fs::create_dir(pins.path().join("downloads")).unwrap();
    std::fs::write(&cache, b"a damaged earlier download").unwrap();

    let out = pins
        .run(&[
            "tarball",
            "--downloads",
            "downloads",
            "-o",
            "out/linux.tar.xz",
        ])
        .env("PATH", &path)
        .env("FAKE_CURL_BODY", body.path())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("removing it and downloading again"), "{err}");
    assert_eq!(std::fs::read(&cache).unwrap(), b"the pinned tarball");
    assert_eq!(
        std::fs::read(pins.path().join("out/linux.tar.xz")).unwrap(),
        b"the pinned tarball"
    );

    // The server now sends something else: an error naming both hashes,
    // and neither the cache nor the output (nor their new directories).
    let other = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(other.path(), b"something else").unwrap();
    let out = pins
        .run(&["tarball", "--downloads", "new/dl", "-o", "new/sub/out"])
        .env("PATH", &path)
        .env("FAKE_CURL_BODY", other.path())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&sha) && err.contains(&sha256(other.path())),
        "{err}"
    );
    assert!(!pins.path().join("new").exists(), "{err}");
}

#[test]
fn a_url_must_end_in_a_plain_file_name() {
    let pins = Pins::new(&format!(
        "sha256 = \"{}\"\nurl = \"https://example.invalid/v1/..\"\n",
        "a".repeat(64)
    ));
    let out = pins
        .run(&["tarball", "--downloads", "dl", "-o", "new/out"])
        .env("PATH", fake_curl(pins.path()))
        .env("FAKE_CURL_BODY", "/dev/null")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("must end in a plain file name"), "{err}");
    assert_eq!(
        names(pins.path()),
        ["bin", "kernel.version", "sources.toml"]
    );
}

#[test]
fn a_tarball_must_be_a_regular_file() {
    let pins = Pins::new(&format!(
        "sha256 = \"{}\"\npath = \"fifo\"\n",
        "a".repeat(64)
    ));
    let made = Command::new("mkfifo")
        .arg(pins.path().join("fifo"))
        .status()
        .unwrap();
    assert!(made.success());
    for extra in [&[][..], &["--tarball", "/dev/zero"]] {
        let out = pins
            .run(&["tarball", "-o", "out"])
            .args(extra)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
    }
}

/// A tarball whose path has a colon before any slash is a local file, not
/// tar's `host:file` remote archive.
#[test]
fn source_unpacks_a_tarball_whose_name_has_a_colon() {
    let tmp = tempfile::tempdir().unwrap();
    let top = tmp.path().join("linux");
    std::fs::create_dir(&top).unwrap();
    std::fs::write(top.join("Makefile"), "").unwrap();
    std::fs::write(top.join("Kconfig"), "").unwrap();
    let tarball = tmp.path().join("host:linux.tar");
    let made = Command::new("tar")
        .arg("--force-local")
        .arg("-cf")
        .arg(&tarball)
        .arg("-C")
        .arg(tmp.path())
        .arg("linux")
        .status()
        .unwrap();
    assert!(made.success());
    let sha = sha256(&tarball);
    let pins = Pins::new(&format!("sha256 = \"{sha}\"\npath = \"host:linux.tar\"\n"));
    std::fs::rename(&tarball, pins.path().join("host:linux.tar")).unwrap();
    let out = pins
        .run(&["source", "--source-cache", "cache"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let tree = String::from_utf8(out.stdout).unwrap();
    assert_eq!(tree, format!("cache/{sha}/src\n"));
    assert!(pins.path().join(tree.trim()).join("Kconfig").exists());
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
    let tmp = tempfile::tempdir().unwrap();
    let tree = tmp.path().to_str().unwrap();
    let commands: [&[&str]; 2] = [
        &["compiler-id"],
        &["source", "--source-dir", tree, "--source-cache", tree],
    ];
    for args in commands {
        let out = Command::new(BIN)
            .args(args)
            .stdout(closed_pipe())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        let out = Command::new(BIN)
            .args(args)
            .stdout(dev_full())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("error: writing to standard output: No space left on device"),
            "{args:?}: {err}"
        );
    }
}

/// Each I/O error says its cause once ("reading X: No such file", not
/// "X: No such file: No such file").
#[test]
fn io_errors_name_their_cause_once() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args([
            "build",
            "--epoch",
            "0",
            "--config",
            "/nonexistent/kernel.config",
        ])
        .arg("--source-dir")
        .arg(tmp.path())
        .arg("--scratch")
        .arg(tmp.path())
        .arg("--out-dir")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
    assert_eq!(
        err.matches("/nonexistent/kernel.config").count(),
        1,
        "{err}"
    );

    let out = Command::new(BIN)
        .args([
            "tarball",
            "-o",
            "out",
            "--version-file",
            "/nonexistent/kernel.version",
        ])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
    assert_eq!(names(tmp.path()), Vec::<String>::new());
}
