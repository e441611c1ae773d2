//! The mvirt-vmm API, shared by the daemon and the `mvirt` CLI: JSON types
//! and a minimal HTTP/1.1 client over a unix socket (the same transport
//! cloud-hypervisor's own API uses, which the daemon also speaks).
//!
//! Endpoints (all JSON):
//! - `GET /v1/status` → [`Status`]
//! - `GET /v1/vms` → `[VmInfo]`, `POST /v1/vms` [`VmSpec`] → [`VmInfo`] (201)
//! - `GET /v1/vms/NAME`, `DELETE /v1/vms/NAME`
//! - `POST /v1/vms/NAME/start|stop|kill` (stop takes an optional [`StopRequest`])
//!
//! Errors are 4xx/5xx with an [`ApiError`] body.

pub mod client;

use serde::{Deserialize, Serialize};

/// The daemon's socket in the image.
pub const DEFAULT_SOCKET: &str = "/run/mvirt/vmm.sock";

/// Health of the host, as `mvirt status` shows it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Status {
    pub version: String,
    pub kvm: Kvm,
    pub cpus: usize,
    pub memory_kib: u64,
    pub cloud_hypervisor: CloudHypervisor,
    pub vms: usize,
    pub vms_running: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Kvm {
    /// /dev/kvm opens and answers KVM_GET_API_VERSION with 12.
    pub usable: bool,
    pub detail: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CloudHypervisor {
    pub path: String,
    /// Whether the binary is in the image (an image may be built without it).
    pub present: bool,
}

/// What `POST /v1/vms` takes.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct VmSpec {
    pub name: String,
    pub vcpus: u32,
    pub memory_mib: u64,
    /// Direct kernel boot: kernel (+ optional initramfs and cmdline)...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kernel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initramfs: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cmdline: Option<String>,
    /// ...or firmware boot (e.g. CLOUDHV.fd / hypervisor-fw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disks: Vec<String>,
    /// An existing tap device to attach, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tap: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum VmState {
    Created,
    Running,
    Stopped,
}

/// A VM as the daemon reports it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct VmInfo {
    pub spec: VmSpec,
    pub state: VmState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pid: Option<u32>,
    /// Why the VM last stopped ("exited with status 0", "killed", ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_exit: Option<String>,
    /// The serial console log.
    pub serial_log: String,
    /// cloud-hypervisor's API socket for this VM.
    pub api_socket: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StopRequest {
    /// Seconds to wait for a graceful shutdown before SIGKILL (default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_s: Option<u64>,
}

/// The body of every error response.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ApiError {
    pub error: String,
}
