//! Facts about the host for `GET /v1/status`.

use std::io::Read;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use mvirt_api::{CloudHypervisor, Kvm};

use crate::process::Proc;

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

pub fn cloud_hypervisor(path: &Path, version: Option<String>) -> CloudHypervisor {
    CloudHypervisor {
        path: path.display().to_string(),
        present: path.is_file(),
        version,
    }
}

/// How long `cloud-hypervisor --version` may take.
pub const VERSION_TIMEOUT: Duration = Duration::from_secs(2);

/// The first line `<ch> --version` prints ("cloud-hypervisor v53.0"), or
/// why there is none.
pub fn cloud_hypervisor_version(ch: &Path, timeout: Duration) -> Result<String, String> {
    if !ch.is_file() {
        return Err(format!("{}: not in this image", ch.display()));
    }
    let mut cmd = Command::new(ch);
    let mut child = crate::signals::unblocked_in_child(&mut cmd)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("running {} --version: {e}", ch.display()))?;
    let exited = Proc::child(&child).is_ok_and(|p| p.wait_exit(Some(timeout)));
    if !exited {
        let _ = child.kill();
        let _ = child.wait();
        return Err(format!(
            "{} --version did not answer within {}s",
            ch.display(),
            timeout.as_secs_f64()
        ));
    }
    let status = child
        .wait()
        .map_err(|e| format!("{} --version: {e}", ch.display()))?;
    let mut out = String::new();
    if let Some(stdout) = child.stdout.take() {
        // Bounded: a version is one short line.
        let _ = stdout.take(4096).read_to_string(&mut out);
    }
    if !status.success() {
        return Err(format!("{} --version: {status}", ch.display()));
    }
    out.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string)
        .ok_or_else(|| format!("{} --version printed nothing", ch.display()))
}
