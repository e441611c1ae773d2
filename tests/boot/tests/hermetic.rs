//! The sandbox proof (issue #24, docs/toolchains.md): the whole x86_64 UKI
//! — stage 0, the build tools, the image binaries, the kernel, the
//! initramfs and the UKI — builds from the sources in a root that holds
//! nothing of the machine's, and it is the UKI of the normal build, byte for
//! byte.
//!
//! The root (bubblewrap): an empty tmpfs with a copy of the sources, the
//! pinned toolchains make unpacked (read-only, `target/toolchain/`) and the
//! pinned downloads (read-only, `target/downloads/`, plus the kernel
//! tarball and EFI stub); the kernel tool directory's glibc as /lib and
//! /lib64, its dash and env as /bin/sh and /usr/bin/env; no network. PATH is
//! that tool directory's bin/ alone, make is its make (`STAGE0=pinned`:
//! the pinned release builds stage 0 too). What the build is given is
//! fetched and unpacked outside; everything it compiles, it compiles
//! inside, from scratch.
//!
//! The kernel compile (about 7 minutes on 2 cores) is opt-in here,
//! `MVIRT_HERMETIC_KERNEL=1`: by default the root is given make's compiled
//! kernel (bzImage, System.map, kernel.release, with `make --old-file`, so
//! it is not remade) and builds everything else from scratch, the kernel
//! configuration included (compared with make's). That kernel was compiled
//! in a root too: make's kernel step runs in mvirt-kbuild's sandbox (a
//! bubblewrap root of the same tool directory, the source and the build
//! directory; checked here from `make -n`), and buck2's kernel action, in
//! the same sandbox elsewhere, gives the same bzImage (tests/buck/check.sh
//! step 2). With MVIRT_HERMETIC_KERNEL=1 this is the second clean build of
//! the reproducibility test as well (make_build.rs), in another directory,
//! at another time, with nothing of the machine.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use mvirt_boot::{copy_with_mtime, Build};

fn repo() -> PathBuf {
    Build::here().repo
}

/// What the machine has and the root must not: compilers and build tools
/// anywhere on PATH or in /usr (the pinned ones are in target/toolchain/).
const FORBIDDEN: &[&str] = &[
    "gcc", "cc", "c++", "g++", "clang", "rustc", "cargo", "make", "flex", "bison", "perl", "ld",
    "as",
];

/// A path of the checkout's target/ that make must have made.
fn made(rel: &str) -> PathBuf {
    let path = repo().join("target").join(rel);
    assert!(
        path.exists(),
        "{} is missing: run `make` first (it fetches and unpacks the pinned toolchains)",
        path.display()
    );
    path
}

fn rust_sysroot() -> PathBuf {
    let pin =
        std::fs::read_to_string(repo().join("toolchains/rust/rustc-x86_64-unknown-linux-gnu.toml"))
            .unwrap();
    let release = pin
        .lines()
        .find_map(|l| l.strip_prefix("version = "))
        .unwrap()
        .trim_matches('"');
    made(&format!("toolchain/rust-{release}"))
}

/// bubblewrap's arguments for the root described above, building in `copy`.
fn root_args(copy: &Path, extra_ro: &[PathBuf]) -> Vec<String> {
    let kernel_tools = made("toolchain/kernel");
    let mut a: Vec<String> = [
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--tmpfs",
        "/",
        "--dev",
        "/dev",
        "--proc",
        "/proc",
        "--tmpfs",
        "/tmp",
    ]
    .map(String::from)
    .to_vec();
    let mut bind = |how: &str, from: &Path, to: &Path| {
        a.extend([
            how.into(),
            from.display().to_string(),
            to.display().to_string(),
        ]);
    };
    let root = kernel_tools.join("root");
    bind("--ro-bind", &root.join("lib"), Path::new("/lib"));
    bind("--ro-bind", &root.join("lib64"), Path::new("/lib64"));
    bind(
        "--ro-bind",
        &kernel_tools.join("bin/sh"),
        Path::new("/bin/sh"),
    );
    bind(
        "--ro-bind",
        &kernel_tools.join("bin/env"),
        Path::new("/usr/bin/env"),
    );
    bind("--bind", copy, copy);
    for dir in ["toolchain", "downloads"] {
        let outside = made(dir);
        bind("--ro-bind", &outside, &copy.join("target").join(dir));
    }
    for path in extra_ro {
        bind("--ro-bind", path, path);
    }
    a.extend(["--chdir".into(), copy.display().to_string()]);
    a
}

/// bubblewrap, found on the test's PATH (the child's PATH is the root's).
fn bwrap() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("bwrap"))
        .find(|p| p.is_file())
        .expect("bwrap is not on PATH: apt-get install bubblewrap (./bootstrap does)")
}

/// Runs `argv` in the root with an environment of our making only.
fn in_root(copy: &Path, extra_ro: &[PathBuf], argv: &[String]) -> Output {
    let path = copy.join("target/toolchain/kernel/bin");
    Command::new(bwrap())
        .args(root_args(copy, extra_ro))
        .arg("--")
        .args(argv)
        .env_clear()
        .env("PATH", &path)
        // What the tools load besides glibc (the tool directory's lib/).
        .env("LD_LIBRARY_PATH", copy.join("target/toolchain/kernel/lib"))
        .env("HOME", copy.join("target/home"))
        .env("CARGO_HOME", copy.join("target/cargo-home"))
        .env("LC_ALL", "C")
        .env("TZ", "UTC")
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn sha256(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace().next().unwrap_or("").to_string()
}

/// In the root, before the build: no compiler or build tool in /usr or on
/// any directory a shell would search, /usr holds env alone, and every
/// directory on PATH is a pinned toolchain's. The control: a machine
/// compiler that runs outside is not there inside.
fn assert_the_root_is_empty(copy: &Path) {
    let probe = format!(
        "set -e; for t in {names}; do for d in /usr/local/bin /usr/bin /bin /usr/sbin /sbin; do \
         if [ -e $d/$t ]; then echo \"found $d/$t\"; fi; done; done; find /usr; echo PATH=$PATH",
        names = FORBIDDEN.join(" ")
    );
    let out = in_root(copy, &[], &["/bin/sh".into(), "-c".into(), probe]);
    let seen = text(&out);
    assert!(out.status.success(), "the probe failed in the root: {seen}");
    assert!(
        !seen.contains("found "),
        "the root has a machine tool:\n{seen}"
    );
    let usr: Vec<&str> = seen.lines().filter(|l| l.starts_with("/usr")).collect();
    assert_eq!(usr, ["/usr", "/usr/bin", "/usr/bin/env"], "{seen}");
    let path = seen.lines().find_map(|l| l.strip_prefix("PATH=")).unwrap();
    for dir in path.split(':') {
        assert!(
            dir.starts_with(&copy.join("target/toolchain").display().to_string()),
            "PATH has {dir}, not a pinned toolchain's directory"
        );
    }
    println!(
        "the root: /usr holds {usr:?}; PATH={path}; none of {FORBIDDEN:?} in /usr, /bin, /sbin"
    );
    if Path::new("/usr/bin/gcc").exists() {
        let inside = in_root(copy, &[], &["/usr/bin/gcc".into(), "--version".into()]);
        assert!(
            !inside.status.success(),
            "the machine's gcc ran in the root"
        );
        println!(
            "control: /usr/bin/gcc runs on the machine, and in the root: {}",
            text(&inside).trim()
        );
    }
}

/// make's kernel outputs, given to the root unless MVIRT_HERMETIC_KERNEL=1.
const KERNEL_GIVEN: [&str; 3] = ["bzImage", "System.map", "kernel.release"];

fn whole_kernel() -> bool {
    std::env::var("MVIRT_HERMETIC_KERNEL").as_deref() == Ok("1")
}

/// The kernel given to the root was compiled in a root too: make's kernel
/// step runs mvirt-kbuild with `--sandbox` (SANDBOX=auto, bubblewrap
/// installed), a bubblewrap root of the tool directory, the source and the
/// build directory alone (tools/kbuild's sandbox test shows a machine tool
/// failing there). Read from `make -n`, which runs nothing.
fn assert_the_kernel_compiles_in_a_sandbox(choice: &str) {
    let out = Command::new("make")
        .current_dir(repo())
        .args([
            "-n",
            "-B",
            &format!("CLOUD_HYPERVISOR={choice}"),
            "target/bzImage",
        ])
        .env_remove("MAKEFLAGS")
        .output()
        .unwrap();
    let plan = text(&out);
    let build = plan
        .lines()
        .find(|l| l.contains("mvirt-kbuild build"))
        .unwrap_or_else(|| panic!("make -n printed no kernel build:\n{plan}"));
    assert!(
        build.contains("--sandbox"),
        "make's kernel step runs outside the sandbox (is bwrap installed?): {build}"
    );
    println!("make's kernel step runs in the kbuild sandbox: {build}");
}

/// The cloud-hypervisor choice of make's build, and what the root needs
/// to make the same one (a local file is bound read-only at its path; the
/// pinned release is copied with the downloads).
fn choice() -> (String, Vec<PathBuf>) {
    let choice = std::fs::read_to_string(made("cloud-hypervisor.choice")).unwrap();
    let choice = choice.trim().to_string();
    let extra = if choice.starts_with('/') {
        vec![PathBuf::from(&choice)]
    } else {
        vec![]
    };
    (choice, extra)
}

#[test]
fn the_uki_builds_from_scratch_in_a_root_without_the_machines_tools() {
    let reference = made("mvirt.efi");
    let _ = rust_sysroot();
    let (choice, extra_ro) = choice();
    let scratch = repo().join("target/tmp");
    std::fs::create_dir_all(&scratch).unwrap();
    let copy = tempfile::Builder::new()
        .prefix("mvirt-os-hermetic-")
        .tempdir_in(&scratch)
        .unwrap();
    let copy = copy.path().canonicalize().unwrap();
    Build::here().copy_sources(&copy).unwrap();
    // Pinned files checked outside: the kernel tarball, the EFI stub, the
    // pinned cloud-hypervisor if make packed it.
    let mut pinned = vec!["linux.tar.xz", "linuxx64.efi.stub"];
    if choice.is_empty() {
        pinned.push("cloud-hypervisor");
    }
    let whole = whole_kernel();
    if !whole {
        assert_the_kernel_compiles_in_a_sandbox(&choice);
    }
    let given: &[&str] = if whole { &[] } else { &KERNEL_GIVEN };
    for name in pinned.iter().chain(given) {
        copy_with_mtime(&made(name), &copy.join("target").join(name)).unwrap();
    }
    for dir in ["toolchain", "downloads", "home", "cargo-home"] {
        std::fs::create_dir_all(copy.join("target").join(dir)).unwrap();
    }
    assert_the_root_is_empty(&copy);

    let started = Instant::now();
    let make = copy.join("target/toolchain/kernel/bin/make");
    let mut argv = vec![
        make.display().to_string(),
        "STAGE0=pinned".into(),
        "SANDBOX=0".into(),
        format!("CLOUD_HYPERVISOR={choice}"),
        // The UKI, and the configuration that the kernel given was built from.
        "all".into(),
        "target/kernel.config".into(),
    ];
    argv.extend(given.iter().map(|name| format!("--old-file=target/{name}")));
    println!(
        "the root builds {}",
        if whole {
            "everything, the kernel compile included (MVIRT_HERMETIC_KERNEL=1)"
        } else {
            "everything but the kernel compile, given make's (MVIRT_HERMETIC_KERNEL=1 compiles it)"
        }
    );
    let out = in_root(&copy, &extra_ro, &argv);
    let log = text(&out);
    assert!(
        out.status.success(),
        "make in the root failed ({:.0} s):\n{}",
        started.elapsed().as_secs_f64(),
        log.lines()
            .rev()
            .take(60)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(
        std::fs::read(copy.join("target/kernel.config")).unwrap(),
        std::fs::read(made("kernel.config")).unwrap(),
        "the kernel configuration made in the root differs from the normal build's"
    );
    let built = copy.join("target/mvirt.efi");
    let (want, got) = (sha256(&reference), sha256(&built));
    println!(
        "the root built the UKI from scratch in {:.0} s: sha256 {got}; the normal build's {want}",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(
        got, want,
        "the UKI built in the root differs from the normal build's"
    );
}
