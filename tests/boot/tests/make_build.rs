//! Properties of make's build under target/: the image binaries are static
//! and small, a second clean build elsewhere is byte-identical, and that
//! build is incremental. (buck2 checks its own build in tests/boot/BUCK.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime};

use mvirt_boot::Build;

fn repo() -> PathBuf {
    Build::here().repo
}

fn target(name: &str) -> PathBuf {
    Build::here().target(name)
}

#[test]
fn image_binaries_are_static_and_small() {
    let dir = repo().join("target/image/x86_64-unknown-linux-musl/release");
    for (name, budget) in [
        ("pideins", 1 << 20),
        ("mvirt", 4 << 20),
        ("mvirt-vmm", 4 << 20),
    ] {
        let path = dir.join(name);
        assert!(
            path.exists(),
            "{} is missing: run `make` first",
            path.display()
        );
        let out = Command::new("file").arg(&path).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("static"),
            "{name} is not statically linked: {text}"
        );
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(size <= budget, "{name} is {size} bytes, budget {budget}");
        println!(
            "{name}: {size} bytes, {}",
            text.split(", ")
                .find(|p| p.contains("static"))
                .unwrap_or("")
        );
    }
}

/// make's outputs, by name, with their modification times.
const OUTPUTS: [&str; 6] = [
    "bzImage",
    "kernel.config",
    "System.map",
    "kernel.release",
    "initramfs.cpio.gz",
    "mvirt.efi",
];

fn mtimes(dir: &Path) -> BTreeMap<&'static str, SystemTime> {
    OUTPUTS
        .iter()
        .map(|&name| {
            let path = dir.join("target").join(name);
            let meta =
                std::fs::metadata(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, meta.modified().unwrap())
        })
        .collect()
}

/// Runs make in `dir`; returns which of [`OUTPUTS`] it rewrote.
fn make_rewrites(dir: &Path, choice: &str, what: &str) -> Vec<&'static str> {
    let before = mtimes(dir);
    let started = Instant::now();
    let status = Command::new("make")
        .current_dir(dir)
        .arg(format!("CLOUD_HYPERVISOR={choice}"))
        .env_remove("MAKEFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .unwrap();
    assert!(
        status.success(),
        "make ({what}) in {} failed",
        dir.display()
    );
    let after = mtimes(dir);
    let rewritten: Vec<_> = OUTPUTS
        .into_iter()
        .filter(|name| before[name] != after[name])
        .collect();
    println!(
        "incremental: {what}: make took {:.2} s and rewrote {rewritten:?}",
        started.elapsed().as_secs_f64()
    );
    rewritten
}

/// Adds `text` to the end of a file's text, before its final newline.
fn append(path: &Path, text: &str) {
    let old = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    std::fs::write(path, format!("{}{text}\n", old.trim_end()))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// A second clean build of the same sources in another directory, later,
/// gives a byte-identical UKI. Then, in that copy (never in the checkout
/// itself), make is incremental: a second make rewrites nothing, an edit of
/// uki/cmdline.txt rebuilds only the UKI, an edit of pideins rebuilds the
/// initramfs and the UKI and never the kernel.
#[test]
fn a_second_clean_build_elsewhere_is_byte_identical_and_incremental() {
    let first = target("mvirt.efi");
    let choice = std::fs::read_to_string(target("cloud-hypervisor.choice")).unwrap();
    let choice = choice.trim();
    let scratch = repo().join("target/tmp");
    std::fs::create_dir_all(&scratch).unwrap();
    let copy = tempfile::Builder::new()
        .prefix("mvirt-os-repro-")
        .tempdir_in(&scratch)
        .unwrap();
    // The sources as git sees them (tracked and untracked, not ignored).
    let files = Command::new("git")
        .current_dir(repo())
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .output()
        .unwrap();
    for file in files.stdout.split(|&b| b == 0).filter(|f| !f.is_empty()) {
        let rel = Path::new(std::str::from_utf8(file).unwrap());
        let src = repo().join(rel);
        if !src.exists() {
            continue;
        }
        let dst = copy.path().join(rel);
        std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
        std::fs::copy(&src, &dst).unwrap();
    }
    let status = Command::new("make")
        .current_dir(copy.path())
        .arg(format!("CLOUD_HYPERVISOR={choice}"))
        .env_remove("MAKEFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .unwrap();
    assert!(status.success(), "make in {} failed", copy.path().display());
    let a = std::fs::read(&first).unwrap();
    let b = std::fs::read(copy.path().join("target/mvirt.efi")).unwrap();
    let sha = |bytes: &[u8]| {
        let out = Command::new("sha256sum")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().unwrap().write_all(bytes)?;
                c.wait_with_output()
            })
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string()
    };
    println!(
        "reproducibility: {} and {}: sha256 {} / {}",
        first.display(),
        copy.path().join("target/mvirt.efi").display(),
        sha(&a),
        sha(&b)
    );
    assert!(a == b, "the two builds differ");

    let dir = copy.path();
    assert_eq!(
        make_rewrites(dir, choice, "no change"),
        Vec::<&str>::new(),
        "a second make rebuilt outputs"
    );
    append(&dir.join("uki/cmdline.txt"), " mvirt.incremental-test=1");
    assert_eq!(
        make_rewrites(dir, choice, "uki/cmdline.txt edited"),
        ["mvirt.efi"],
        "editing uki/cmdline.txt must rebuild the UKI alone"
    );
    let uki = std::fs::read(dir.join("target/mvirt.efi")).unwrap();
    assert!(
        uki.windows(24).any(|w| w == b"mvirt.incremental-test=1"),
        "the rebuilt UKI lacks the edited command line"
    );
    append(
        &dir.join("pideins/src/main.rs"),
        "\n// edited by the incremental-build test",
    );
    assert_eq!(
        make_rewrites(dir, choice, "pideins edited"),
        ["initramfs.cpio.gz", "mvirt.efi"],
        "editing pideins must rebuild the initramfs and the UKI, not the kernel"
    );
}
