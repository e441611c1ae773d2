//! The test host of the real-VM boot tests (tests/real_vm.rs,
//! tests/persist.rs): the product's initrd with a real cloud-hypervisor,
//! and a second cpio archive appended to it that brings the test
//! (`mvirt-vm-test`, a guest kernel, initramfs and disk). The kernel
//! unpacks concatenated archives; the product image never holds any of it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{real_cloud_hypervisor, Build};

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
pub fn host_initrd(build: &Build, ch: &Path, dir: &Path) -> PathBuf {
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

/// The test host's initrd in `dir`, with the real cloud-hypervisor; None,
/// after `test` says SKIPPING (loudly, with the reason), when there is none.
pub fn test_host(build: &Build, test: &str, dir: &Path) -> Option<PathBuf> {
    match real_cloud_hypervisor(build) {
        Ok((ch, origin)) => {
            eprintln!("{test}: cloud-hypervisor {} ({origin})", ch.display());
            Some(host_initrd(build, &ch, dir))
        }
        Err(why) => {
            eprintln!("{test}: SKIPPING: no real cloud-hypervisor: {why}");
            None
        }
    }
}
