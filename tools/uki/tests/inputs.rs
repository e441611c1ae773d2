//! `mvirt-uki` inputs that are not what they claim (issue #25): a FIFO
//! (reading it waits forever), `/dev/zero` (never ends), a directory, a
//! file larger than any UKI part; and signing keys too weak to sign with.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-uki");

/// A file of the crate's sources (see robustness.rs's `data`).
fn source(path: &str) -> PathBuf {
    let crate_dir = match std::env::var_os("MVIRT_REPO_ROOT") {
        Some(root) => PathBuf::from(root).join("tools/uki"),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    };
    crate_dir.join(path)
}

fn data(name: &str) -> PathBuf {
    source(&format!("tests/data/{name}"))
}

/// Runs the binary; kills it and fails if it runs longer than 10 s.
fn run_promptly(cmd: &mut Command) -> Output {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            let out = child.wait_with_output().unwrap();
            panic!("still running after 10 s (blocked on an input?): {out:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// Small regular inputs for `build`, in `dir`; returns the argument list
/// with `replace` = (flag, path) swapped in.
fn build_args(dir: &Path, replace: (&str, &Path)) -> Vec<PathBuf> {
    for (name, text) in [
        ("cmdline", "console=ttyS0"),
        ("osrel", "NAME=x\n"),
        ("uname", "6.12"),
        ("initrd", "initrd"),
    ] {
        fs::write(dir.join(name), text).unwrap();
    }
    // The minimal stub stands in for a kernel too (an x86_64 PE image).
    let stub = source("fuzz/corpus/build_uki/mini-stub.efi");
    fs::copy(&stub, dir.join("linux")).unwrap();
    let mut args: Vec<PathBuf> = vec!["build".into(), "--stub".into(), stub];
    for flag in ["linux", "initrd", "cmdline", "osrel", "uname"] {
        args.push(format!("--{flag}").into());
        if flag == replace.0 {
            args.push(replace.1.into());
        } else {
            args.push(dir.join(flag));
        }
    }
    args.extend(["-o".into(), dir.join("out.efi")]);
    args
}

/// `build` with one input replaced must fail at once, naming it and `what`.
fn assert_build_refuses(flag: &str, input: &Path, what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let out = run_promptly(Command::new(BIN).args(build_args(dir.path(), (flag, input))));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "--{flag} {}: {stderr}",
        input.display()
    );
    assert!(stderr.contains(&input.display().to_string()), "{stderr}");
    assert!(stderr.contains(what), "--{flag}: {stderr} (want {what})");
    assert!(!dir.path().join("out.efi").exists());
}

#[test]
fn build_refuses_a_fifo_as_linux_or_initrd_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    for flag in ["linux", "initrd", "cmdline", "osrel", "uname"] {
        assert_build_refuses(flag, &fifo, "a FIFO");
    }
    // The same inputs, all regular files, build.
    let out = run_promptly(Command::new(BIN).args(build_args(dir.path(), ("", &fifo))));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn build_refuses_dev_zero_and_a_directory() {
    assert_build_refuses("linux", Path::new("/dev/zero"), "a character device");
    assert_build_refuses("initrd", Path::new("/dev/zero"), "a character device");
    let dir = tempfile::tempdir().unwrap();
    assert_build_refuses("linux", dir.path(), "a directory");
    assert_build_refuses("osrel", dir.path(), "a directory");
}

#[test]
fn build_refuses_oversize_inputs_before_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: no disk space, and nothing is read.
    let big = dir.path().join("big");
    let file = fs::File::create(&big).unwrap();
    file.set_len(mvirt_uki::MAX_KERNEL + 1).unwrap();
    assert_build_refuses("linux", &big, "at most");
    let text = dir.path().join("text");
    fs::File::create(&text)
        .unwrap()
        .set_len(mvirt_uki::MAX_TEXT + 1)
        .unwrap();
    assert_build_refuses("cmdline", &text, "at most");
}

/// The fuzz corpus's minimal UKI (robustness.rs's stub plus every section).
fn small_uki(dir: &Path) -> PathBuf {
    let path = dir.join("uki.efi");
    fs::copy(source("fuzz/corpus/sign/mini-uki.efi"), &path).unwrap();
    path
}

fn sign(uki: &Path, key: &Path, cert: &Path, out: &Path) -> Output {
    run_promptly(
        Command::new(BIN)
            .arg("sign")
            .arg("--key")
            .arg(key)
            .arg("--cert")
            .arg(cert)
            .arg("-o")
            .arg(out)
            .arg(uki),
    )
}

#[test]
fn sign_refuses_a_fifo_or_device_as_key_cert_or_image_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let uki = small_uki(dir.path());
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let (key, cert) = (data("signer.key"), data("signer.pem"));
    let out = dir.path().join("signed.efi");
    let cases = [
        (&uki, &key, &fifo, "a FIFO"),
        (&uki, &fifo, &cert, "a FIFO"),
        (&fifo, &key, &cert, "a FIFO"),
        (
            &uki,
            &key,
            &PathBuf::from("/dev/zero"),
            "a character device",
        ),
        (&uki, &dir.path().to_path_buf(), &cert, "a directory"),
    ];
    for (uki, key, cert, what) in cases {
        let result = sign(uki, key, cert, &out);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(what), "{stderr} (want {what})");
        assert!(!out.exists());
    }
}

#[test]
fn inspect_refuses_a_fifo_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let out = run_promptly(Command::new(BIN).arg("inspect").arg(&fifo));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("a FIFO"), "{stderr}");
}

/// A self-signed RSA identity of `bits`, made by openssl.
fn identity(dir: &Path, bits: u32) -> (PathBuf, PathBuf) {
    let key = dir.join(format!("rsa{bits}.key"));
    let cert = dir.join(format!("rsa{bits}.pem"));
    let ok = Command::new("openssl")
        .args(["req", "-x509", "-newkey"])
        .arg(format!("rsa:{bits}"))
        .args(["-nodes", "-days", "1", "-subj", "/CN=test", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stderr(Stdio::null())
        .status()
        .unwrap()
        .success();
    assert!(ok, "openssl req -newkey rsa:{bits}");
    (key, cert)
}

#[test]
fn sign_refuses_rsa_keys_under_2048_bits() {
    let dir = tempfile::tempdir().unwrap();
    let uki = small_uki(dir.path());
    for bits in [512, 1024] {
        let (key, cert) = identity(dir.path(), bits);
        let out = dir.path().join(format!("signed-{bits}.efi"));
        let result = sign(&uki, &key, &cert, &out);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(1), "{bits}: {stderr}");
        assert!(stderr.contains(&format!("{bits}-bit")), "{stderr}");
        assert!(stderr.contains("at least 2048"), "{stderr}");
        assert!(!out.exists());
    }
    let (key, cert) = identity(dir.path(), 2048);
    let out = dir.path().join("signed-2048.efi");
    let result = sign(&uki, &key, &cert, &out);
    assert_eq!(result.status.code(), Some(0), "{result:?}");
    assert!(out.exists());
}
