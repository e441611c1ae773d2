//! The real-VM boot test: a host that hosts.
//!
//! The host image — make's kernel, the product's initramfs spec with a real
//! cloud-hypervisor in it — boots in QEMU. A second cpio archive appended to
//! its initrd (the kernel unpacks concatenated archives; the product image
//! never holds any of this) brings the test: `mvirt-vm-test`, a static
//! program of ours, and a guest (the same bzImage, a small initramfs from
//! tests/boot/guest/, a disk image). As pideins' self-check, `mvirt-vm-test
//! host` drives the product's `mvirt` through a VM's whole life under a real
//! cloud-hypervisor with its seccomp filters on: create with a disk and a
//! NIC, start, the guest reports its disk and NIC, stop by the ACPI power
//! button (the guest powers itself off), list, delete. Then the host powers
//! off. Nested KVM works under TCG with `-cpu max` (SVM in the host).
//!
//! Without a real cloud-hypervisor (see [`real_cloud_hypervisor`]) the test
//! says SKIPPING, loudly.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use mvirt_boot::{base_args, direct_args, probe_accel, real_cloud_hypervisor, Build, Qemu};

const MUSL: &str = "image/x86_64-unknown-linux-musl/release";

fn cpio(build: &Build, spec: &Path, inputs: &[(&str, &Path)], out: &Path) {
    let mut cmd = Command::new(build.target("release/mvirt-cpio"));
    cmd.current_dir(&build.repo)
        .args(["build", "--mtime", "0", "--spec"])
        .arg(spec);
    for (name, path) in inputs {
        cmd.arg("--input").arg(format!("{name}={}", path.display()));
    }
    let result = cmd.arg("-o").arg(out).output().expect("running mvirt-cpio");
    assert!(
        result.status.success(),
        "mvirt-cpio build {}: {}",
        spec.display(),
        String::from_utf8_lossy(&result.stderr)
    );
}

/// The host's initrd: the product's archive with a real cloud-hypervisor,
/// then the test's archive.
fn host_initrd(build: &Build, ch: &Path, dir: &Path) -> PathBuf {
    let image = |name: &str| build.target(&format!("{MUSL}/{name}"));
    let vm_test = image("mvirt-vm-test");
    let product = dir.join("host.cpio.gz");
    cpio(
        build,
        Path::new("initramfs/initramfs.toml"),
        &[
            ("pideins", &image("pideins")),
            ("mvirt", &image("mvirt")),
            ("mvirt-vmm", &image("mvirt-vmm")),
            ("os-release", Path::new("uki/os-release")),
            ("cloud-hypervisor", ch),
        ],
        &product,
    );
    let guest = dir.join("guest.cpio.gz");
    cpio(
        build,
        Path::new("tests/boot/guest/initramfs.toml"),
        &[("pideins", &image("pideins")), ("mvirt-vm-test", &vm_test)],
        &guest,
    );
    let disk = dir.join("disk.img");
    std::fs::write(&disk, vec![0u8; 4 << 20]).unwrap();
    let spec = dir.join("test.toml");
    let mut text = String::new();
    for name in ["bzImage", "guest.cpio.gz", "disk.img", "mvirt-vm-test"] {
        text += &format!(
            "[[entry]]\npath = \"/test/{name}\"\nkind = \"file\"\nsource = \"@{name}\"\nmode = 0o755\n\n"
        );
    }
    std::fs::write(&spec, text).unwrap();
    let tests = dir.join("test.cpio.gz");
    cpio(
        build,
        &spec,
        &[
            ("bzImage", &build.target("bzImage")),
            ("guest.cpio.gz", &guest),
            ("disk.img", &disk),
            ("mvirt-vm-test", &vm_test),
        ],
        &tests,
    );
    let initrd = dir.join("initrd");
    let mut bytes = std::fs::read(&product).unwrap();
    bytes.extend(std::fs::read(&tests).unwrap());
    std::fs::write(&initrd, bytes).unwrap();
    initrd
}

#[test]
fn a_real_cloud_hypervisor_runs_a_guest_on_the_booted_host() {
    let build = Build::here();
    let (ch, origin) = match real_cloud_hypervisor(&build) {
        Ok(found) => found,
        Err(why) => {
            eprintln!("real_vm: SKIPPING the real-VM boot test: {why}");
            return;
        }
    };
    eprintln!("real_vm: cloud-hypervisor {} ({origin})", ch.display());
    let t = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let initrd = host_initrd(&build, &ch, dir.path());
    let prepared = t.elapsed();
    let accel = probe_accel(
        &build.target("bzImage"),
        &build.target("initramfs.cpio.gz"),
        &build.repo.join("target/tmp/boot-accel"),
    );
    let cmdline = "console=ttyS0 quiet pideins.selfcheck=\"/test/mvirt-vm-test host\" \
                   pideins.selfcheck_timeout=900";
    let mut args = base_args(accel, 1536);
    args.extend(direct_args(&build.target("bzImage"), &initrd, cmdline));
    let outcome = Qemu::start(&args)
        .unwrap()
        .wait_unless(
            &["mvirt-vm-test: FAILED", "selfcheck FAILED"],
            accel.timeout(Duration::from_secs(150)),
        )
        .unwrap();
    let log = outcome.log();
    for needle in [
        "mvirt-vm-test: passed in",
        "pideins: selfcheck passed",
        "pideins: power off",
        "reboot: Power down",
    ] {
        assert!(
            log.contains(needle),
            "{needle:?} missing; last serial lines:\n{}",
            outcome.tail(60)
        );
    }
    assert!(
        !log.contains("seccomp false"),
        "cloud-hypervisor must keep its seccomp filters"
    );
    assert_eq!(outcome.exit_code, Some(0), "QEMU did not exit cleanly");
    println!(
        "real VM ({}): test image prepared in {:.2}s, whole boot {:.2}s; inside the host:",
        accel.name(),
        prepared.as_secs_f64(),
        outcome.lines.last().map_or(0.0, |(t, _)| t.as_secs_f64())
    );
    for line in log.lines().filter(|l| l.starts_with("mvirt-vm-test: ")) {
        println!("  {line}");
    }
}
