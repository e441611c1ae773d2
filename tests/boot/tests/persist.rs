//! State that survives a reboot: the booted host twice on one data disk.
//!
//! The disk is a real ext4 file system labelled `mvirt-data`, made by
//! `mkfs.ext4` on the test machine, attached as a virtio disk; the image's
//! mvirt-vmm finds it by its label (`--data-disk auto`) and mounts it on
//! /var/lib/mvirt. The test archive appended to the initrd is the real-VM
//! test's (see `mvirt_boot::vmtest`).
//!
//! - Boot 1: `mvirt image push` of the guest's kernel and initramfs, and
//!   `vm create --autostart` of a VM that boots from them; power off.
//! - Boot 2, same disk: the data disk's journal had nothing to recover
//!   (pideins unmounted it), the images are listed, and the VM started by
//!   itself under the real cloud-hypervisor; stopped by its power button.
//! - `debugfs` (e2fsprogs) reads the disk afterwards, without mounting it:
//!   the VM's definition and the pushed blobs are there.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use mvirt_boot::vmtest::test_host;
use mvirt_boot::{base_args, direct_args, probe_accel, Build, Qemu};

fn boot(build: &Build, initrd: &Path, disk: &Path, boot: u8) -> mvirt_boot::Outcome {
    let accel = probe_accel(
        &build.target("bzImage"),
        &build.target("initramfs.cpio.gz"),
        &build.repo.join("target/tmp/boot-accel"),
    );
    let cmdline = format!(
        "console=ttyS0 quiet pideins.selfcheck=\"/test/mvirt-vm-test persist {boot}\" \
         pideins.selfcheck_timeout=900"
    );
    let mut args = base_args(accel, 1536);
    args.extend(direct_args(&build.target("bzImage"), initrd, &cmdline));
    args.extend([
        "-drive".to_string(),
        format!("file={},format=raw,if=virtio", disk.display()),
    ]);
    let outcome = Qemu::start(&args)
        .unwrap()
        .wait_unless(
            &["mvirt-vm-test: FAILED", "selfcheck FAILED"],
            accel.timeout(Duration::from_secs(150)),
        )
        .unwrap();
    let log = outcome.log();
    for needle in [
        "mvirt-vmm: state on the data disk: /dev/vda on /var/lib/mvirt",
        "mvirt-vm-test: passed in",
        "pideins: selfcheck passed",
        "pideins: unmounted /var/lib/mvirt",
        "reboot: Power down",
    ] {
        assert!(
            log.contains(needle),
            "boot {boot}: {needle:?} missing; last serial lines:\n{}",
            outcome.tail(60)
        );
    }
    assert_eq!(
        outcome.exit_code,
        Some(0),
        "boot {boot}: QEMU did not exit cleanly"
    );
    println!(
        "persist boot {boot} ({}): {:.2}s; inside the host:",
        accel.name(),
        outcome.lines.last().map_or(0.0, |(t, _)| t.as_secs_f64())
    );
    for line in log.lines().filter(|l| l.starts_with("mvirt-vm-test: ")) {
        println!("  {line}");
    }
    outcome
}

fn debugfs(disk: &Path, request: &str) -> String {
    let out = Command::new("debugfs")
        .args(["-R", request])
        .arg(disk)
        .output()
        .expect("debugfs (e2fsprogs) must be installed: ./bootstrap");
    assert!(out.status.success(), "debugfs -R {request:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn vms_and_images_survive_a_reboot_on_the_data_disk() {
    let build = Build::here();
    let t = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let Some(initrd) = test_host(&build, "persist", dir.path()) else {
        return;
    };
    let disk = dir.path().join("data.img");
    std::fs::File::create(&disk)
        .and_then(|f| f.set_len(128 << 20))
        .unwrap();
    let mkfs = Command::new("mkfs.ext4")
        .args(["-q", "-F", "-L", "mvirt-data"])
        .arg(&disk)
        .status()
        .expect("mkfs.ext4 (e2fsprogs) must be installed: ./bootstrap");
    assert!(mkfs.success(), "mkfs.ext4: {mkfs}");
    println!(
        "persist: test image and data disk prepared in {:.2}s",
        t.elapsed().as_secs_f64()
    );

    boot(&build, &initrd, &disk, 1);
    let vm = debugfs(&disk, "cat /vms/guest.json");
    let vm: serde_json::Value = serde_json::from_str(&vm).unwrap_or_else(|e| panic!("{e}: {vm}"));
    assert_eq!(vm["spec"]["autostart"], true, "{vm}");
    let kernel = vm["spec"]["kernel"].as_str().unwrap();
    assert!(
        kernel.starts_with("/var/lib/mvirt/images/blobs/sha256-"),
        "the VM's kernel is not the pushed image: {kernel}"
    );
    let blobs = debugfs(&disk, "ls /images/blobs");
    let blob = kernel.rsplit('/').next().unwrap();
    assert!(blobs.contains(blob), "{blob} not on the disk: {blobs}");

    let second = boot(&build, &initrd, &disk, 2);
    let log = second.log();
    assert!(
        log.contains("mvirt-vmm: autostart: started guest"),
        "last serial lines:\n{}",
        second.tail(60)
    );
    let vm = debugfs(&disk, "cat /vms/guest.json");
    assert!(vm.contains("\"state\": \"stopped\""), "{vm}");
}
