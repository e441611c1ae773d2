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
//! Without a real cloud-hypervisor (see `mvirt_boot::real_cloud_hypervisor`) the test
//! says SKIPPING, loudly.

use std::time::{Duration, Instant};

use mvirt_boot::vmtest::test_host;
use mvirt_boot::{base_args, direct_args, probe_accel, Build, Qemu};

#[test]
fn a_real_cloud_hypervisor_runs_a_guest_on_the_booted_host() {
    let build = Build::here();
    let t = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let Some(initrd) = test_host(&build, "real_vm", dir.path()) else {
        return;
    };
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
