//! Properties of make's build under target/: the image binaries are static
//! and small, and a second clean build elsewhere is byte-identical. (buck2
//! checks its own build in tests/boot/BUCK.)

use std::path::{Path, PathBuf};
use std::process::Command;

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

/// A second clean build of the same sources in another directory, later,
/// gives a byte-identical UKI.
#[test]
fn a_second_clean_build_elsewhere_is_byte_identical() {
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
}
