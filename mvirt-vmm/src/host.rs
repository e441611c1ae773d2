//! Facts about the host for `GET /v1/status`.

use std::os::fd::AsRawFd;
use std::path::Path;

use mvirt_api::{CloudHypervisor, Kvm};

/// `KVM_GET_API_VERSION` (_IO(KVMIO, 0x00)); the stable API answers 12.
const KVM_GET_API_VERSION: libc::c_ulong = 0xAE00;

/// Whether /dev/kvm is usable: it opens read-write and speaks API 12.
pub fn kvm(dev: &Path) -> Kvm {
    let file = match std::fs::OpenOptions::new().read(true).write(true).open(dev) {
        Ok(f) => f,
        Err(e) => {
            return Kvm {
                usable: false,
                detail: format!("{}: {e}", dev.display()),
            }
        }
    };
    // SAFETY: KVM_GET_API_VERSION takes no argument and only returns a value.
    let version = unsafe { libc::ioctl(file.as_raw_fd(), KVM_GET_API_VERSION as _, 0) };
    if version == 12 {
        Kvm {
            usable: true,
            detail: format!("{}: KVM API 12", dev.display()),
        }
    } else {
        Kvm {
            usable: false,
            detail: format!(
                "{}: KVM_GET_API_VERSION answered {version} ({})",
                dev.display(),
                std::io::Error::last_os_error()
            ),
        }
    }
}

/// MemTotal of /proc/meminfo, in KiB.
pub fn memory_kib() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

pub fn cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

pub fn cloud_hypervisor(path: &Path) -> CloudHypervisor {
    CloudHypervisor {
        path: path.display().to_string(),
        present: path.is_file(),
    }
}
