//! Booting the arm64 image on this x86_64 machine: QEMU's `virt` board under
//! TCG (no KVM across architectures), with AAVMF (Debian's
//! `qemu-efi-aarch64`, the arm64 build of OVMF) for the UKI.
//!
//! The board has a GICv3 (what cloud-hypervisor's arm64 guests get too) and
//! EL2 (`virtualization=on`), so the guest kernel starts at EL2 and KVM
//! initialises inside it: /dev/kvm works in the booted image, as on x86_64
//! with `-cpu max`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::Build;

/// AAVMF images from Debian's `qemu-efi-aarch64` package (both 64 MiB, the
/// size `virt`'s flash banks need).
pub const AAVMF_CODE: &str = "/usr/share/AAVMF/AAVMF_CODE.fd";
pub const AAVMF_VARS: &str = "/usr/share/AAVMF/AAVMF_VARS.fd";

/// The QEMU binary and the package that brings it.
pub const QEMU: &str = "qemu-system-aarch64";
pub const QEMU_PACKAGE: &str = "qemu-system-arm";

/// The serial console's device name (the PL011 UART).
pub const CONSOLE: &str = "ttyAMA0";

/// Where AAVMF looks for a removable medium's boot loader.
pub const ESP_BOOT_PATH: &str = "EFI/BOOT/BOOTAA64.EFI";

/// The board and the common arguments: no display, serial on stdout, no
/// network, power-off (PSCI SYSTEM_OFF) ends QEMU.
pub fn base_args(memory_mib: u32) -> Vec<String> {
    let mut args: Vec<String> = [
        "-machine",
        "virt,gic-version=3,virtualization=on",
        "-accel",
        "tcg",
        "-cpu",
        "max",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(crate::common_args(memory_mib));
    args
}

/// Firmware (read-only code + a private copy of the variables) and the ESP.
pub fn aavmf_args(vars: &Path, esp: &Path) -> Vec<String> {
    vec![
        "-drive".into(),
        format!("if=pflash,format=raw,unit=0,readonly=on,file={AAVMF_CODE}"),
        "-drive".into(),
        format!("if=pflash,format=raw,unit=1,file={}", vars.display()),
        "-drive".into(),
        format!("format=raw,file=fat:rw:{}", esp.display()),
    ]
}

/// `make ARCH=arm64`'s outputs, under target/arm64/.
pub struct Arm64Build {
    pub dir: PathBuf,
}

impl Arm64Build {
    pub fn here() -> Arm64Build {
        Arm64Build {
            dir: Build::here().repo.join("target/arm64"),
        }
    }

    /// A build output; panics with what to run when it is missing.
    pub fn target(&self, name: &str) -> PathBuf {
        let path = self.dir.join(name);
        assert!(
            path.exists(),
            "{} is missing: run `make ARCH=arm64` first",
            path.display()
        );
        path
    }

    /// The arm64 product's kernel with another initrd and command line, by
    /// the same mvirt-uki (the test UKI powers off after its self-check).
    pub fn uki_with(&self, dir: &Path, name: &str, cmdline: &str) -> Result<PathBuf> {
        let parts = crate::UkiParts {
            stub: self.target("linuxaa64.efi.stub"),
            linux: self.target("Image"),
            initrd: self.target("initramfs.cpio.gz"),
            uname: self.target("kernel.release"),
        };
        Build::here().assemble(&parts, dir, name, cmdline)
    }
}

/// Copies the UKI to where AAVMF boots it from.
pub fn make_esp(dir: &Path, uki: &Path) -> Result<PathBuf> {
    let esp = dir.join("esp");
    let dest = esp.join(ESP_BOOT_PATH);
    std::fs::create_dir_all(dest.parent().expect("a parent"))?;
    if let Err(e) = std::fs::copy(uki, &dest) {
        bail!("copying {} to {}: {e}", uki.display(), dest.display());
    }
    Ok(esp)
}
