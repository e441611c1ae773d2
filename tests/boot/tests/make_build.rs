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

#[test]
fn image_binaries_are_static_and_small() {
    for (triple, machine) in [
        ("x86_64-unknown-linux-musl", "x86-64"),
        ("aarch64-unknown-linux-musl", "ARM aarch64"),
    ] {
        let dir = repo().join("target/image").join(triple).join("release");
        for (name, budget) in [
            ("pideins", 1 << 20),
            ("mvirt", 4 << 20),
            // The daemon carries the TLS server (rustls, ring), the image
            // store, the data disk, the host's address by netlink
            // (mvirt-net) and guests' seeds (fatfs): 4638824 bytes
            // (x86_64), 443 KB more than at 3ff86e1 (netlink 297 KB,
            // fatfs 145 KB); about 0.4 MiB of room.
            ("mvirt-vmm", 5 << 20),
        ] {
            check_binary(&dir.join(name), machine, budget);
        }
    }
}

/// `path` is a static executable for `machine` (as file(1) names it) of at
/// most `budget` bytes.
fn check_binary(path: &Path, machine: &str, budget: u64) {
    let name = path.display();
    assert!(path.exists(), "{name} is missing: run `make` first");
    let out = Command::new("file").arg(path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("static"),
        "{name} is not statically linked: {text}"
    );
    assert!(
        text.contains(machine),
        "{name} is not for {machine}: {text}"
    );
    // Compiled by the pinned release, linked by its rust-lld (.comment).
    let bytes = std::fs::read(path).unwrap();
    for mark in [
        format!("rustc version {} ", rust_release()),
        "Linker: LLD ".into(),
    ] {
        assert!(
            contains(&bytes, mark.as_bytes()),
            "{name} has no {mark:?} in .comment: not the pinned rustc, linked by its rust-lld"
        );
    }
    let size = std::fs::metadata(path).unwrap().len();
    assert!(size <= budget, "{name} is {size} bytes, budget {budget}");
    println!(
        "{name}: {size} bytes, {}",
        text.split(", ")
            .find(|p| p.contains("static"))
            .unwrap_or("")
    );
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The pinned Rust release (toolchains/rust/rustc-*.toml's `version`).
fn rust_release() -> String {
    let pin =
        std::fs::read_to_string(repo().join("toolchains/rust/rustc-x86_64-unknown-linux-gnu.toml"))
            .unwrap();
    let line = pin.lines().find(|l| l.starts_with("version = ")).unwrap();
    line.trim_start_matches("version = ")
        .trim_matches('"')
        .to_string()
}

/// buck2's stage 0 accepts a host rustc only when its `rustc -vV` is
/// toolchains/rust/stage0-rustc.txt (toolchains/rust.bzl): that file must be
/// what the pinned dist's rustc, which make unpacks, says of itself.
#[test]
fn stage0_identity_is_the_pinned_rustc() {
    let rustc = repo()
        .join("target/toolchain")
        .join(format!("rust-{}", rust_release()))
        .join("bin/rustc");
    let out = Command::new(&rustc).arg("-vV").output().unwrap();
    assert!(out.status.success(), "{}: {out:?}", rustc.display());
    let want = std::fs::read_to_string(repo().join("toolchains/rust/stage0-rustc.txt")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        want,
        "toolchains/rust/stage0-rustc.txt is not the pinned rustc's `rustc -vV`: write it again ({} -vV > toolchains/rust/stage0-rustc.txt)",
        rustc.display()
    );
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

fn sha256(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string()
}

/// Why the second clean build (two kernel compiles) need not run: where
/// buck2 and reindeer are installed, .ci/run runs tests/buck/check.sh, whose
/// buck2 build from an empty buck-out, in another directory, must give UKI
/// sections byte-identical to make's (the x86_64 kernel compiled; arm64's
/// tool steps with the same flags); and hermetic.rs builds the x86_64 UKI
/// once more from scratch, elsewhere, in the pinned root, to the same
/// sha256 (the kernel compile too with MVIRT_HERMETIC_KERNEL=1).
/// MVIRT_REPRO=1 runs it anyway.
fn proven_by_buck2() -> Option<String> {
    if std::env::var("MVIRT_REPRO").as_deref() == Ok("1") {
        return None;
    }
    let on_path = |tool: &str| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
    };
    (on_path("buck2") && on_path("reindeer")).then(|| {
        "buck2 and reindeer are installed, so tests/buck/check.sh proves make ≡ buck2 \
         (byte-identical sections, built elsewhere); MVIRT_REPRO=1 runs it anyway"
            .into()
    })
}

/// target/downloads/rust of the checkout, if there, into `dest`.
fn copy_downloads(dest: &Path) {
    let src = repo().join("target/downloads/rust");
    let Ok(entries) = std::fs::read_dir(&src) else {
        return;
    };
    let dst = dest.join("target/downloads/rust");
    std::fs::create_dir_all(&dst).unwrap();
    for e in entries.flatten() {
        std::fs::copy(e.path(), dst.join(e.file_name())).unwrap();
    }
}

/// make (with `args`) in `dir`, then `dir/target/<out>` has the same bytes
/// as the checkout's `target/<out>`.
fn assert_rebuilt_identical(dir: &Path, args: &[String], out: &str) {
    let started = Instant::now();
    let status = Command::new("make")
        .current_dir(dir)
        .args(args)
        .env_remove("MAKEFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .unwrap();
    assert!(
        status.success(),
        "make {args:?} in {} failed",
        dir.display()
    );
    let (first, second) = (
        repo().join("target").join(out),
        dir.join("target").join(out),
    );
    println!(
        "reproducibility: make {args:?} in {:.0} s: {} and {}: sha256 {} / {}",
        started.elapsed().as_secs_f64(),
        first.display(),
        second.display(),
        sha256(&first),
        sha256(&second)
    );
    assert!(
        std::fs::read(&first).unwrap() == std::fs::read(&second).unwrap(),
        "the two builds of {out} differ"
    );
}

/// The cloud-hypervisor choice a make in `dir` (target/ or target/arm64/) made.
fn choice_in(dir: &str) -> String {
    let path = repo().join(dir).join("cloud-hypervisor.choice");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}: run `make` first", path.display()));
    text.trim().to_string()
}

/// A second clean build of the same sources in another directory, later,
/// gives byte-identical UKIs, x86_64's and arm64's. Then, in that copy
/// (never in the checkout itself), make is incremental: a second make
/// rewrites nothing, an edit of uki/cmdline.txt rebuilds only the UKI, an
/// edit of pideins rebuilds the initramfs and the UKI and never the kernel.
#[test]
fn a_second_clean_build_elsewhere_is_byte_identical_and_incremental() {
    if let Some(why) = proven_by_buck2() {
        eprintln!("SKIPPING the second clean build: {why}");
        return;
    }
    let choice = choice_in("target");
    let scratch = repo().join("target/tmp");
    std::fs::create_dir_all(&scratch).unwrap();
    let copy = tempfile::Builder::new()
        .prefix("mvirt-os-repro-")
        .tempdir_in(&scratch)
        .unwrap();
    Build::here().copy_sources(copy.path()).unwrap();
    // The pinned downloads (the Rust dist): inputs checked against their
    // pins where they were fetched, not fetched again (no network needed).
    copy_downloads(copy.path());
    let choice = choice.as_str();
    assert_rebuilt_identical(
        copy.path(),
        &[format!("CLOUD_HYPERVISOR={choice}")],
        "mvirt.efi",
    );
    assert_rebuilt_identical(
        copy.path(),
        &[
            "ARCH=arm64".into(),
            format!("CLOUD_HYPERVISOR={}", choice_in("target/arm64")),
        ],
        "arm64/mvirt.efi",
    );

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
