//! The mvirt-vmm API, shared by the daemon and the `mvirt` CLI: JSON types
//! and a minimal HTTP/1.1 client over a unix socket (the same transport
//! cloud-hypervisor's own API uses, which the daemon also speaks).
//!
//! Endpoints (all JSON):
//! - `GET /v1/status` → [`Status`]
//! - `GET /v1/vms` → `[VmInfo]`, `POST /v1/vms` [`VmSpec`] → [`VmInfo`] (201)
//! - `GET /v1/vms/NAME`, `DELETE /v1/vms/NAME`
//! - `POST /v1/vms/NAME/start|stop|kill` (stop takes an optional [`StopRequest`])
//! - `GET /v1/vms/NAME/console?offset=N`, `GET /v1/vms/NAME/log?offset=N`: up
//!   to [`MAX_LOG_CHUNK`] bytes of the serial console or cloud-hypervisor's
//!   log from N (octet-stream); `x-mvirt-next-offset` says where to go on,
//!   `x-mvirt-restarted: 1` that the log was rewritten and this is from 0
//! - `POST /v1/host/shutdown|reboot` (202; a daemon run with `--host-power`)
//! - `PUT /v1/images/NAME` (the bytes; `Content-Length` and
//!   [`IMAGE_SHA256_HEADER`] required) → [`ImageInfo`] (201),
//!   `GET /v1/images` → `[ImageInfo]`, `DELETE /v1/images/NAME`; a VM spec
//!   names a pushed image as `image:NAME` ([`IMAGE_REF_PREFIX`]) for its
//!   kernel, initramfs or firmware
//!
//! Errors are 4xx/5xx with an [`ApiError`] body: 409 when the VM's state
//! (or another request's operation on it) forbids the request, 503 when the
//! daemon has too many operations in flight or the host lacks something;
//! 408, 413 and 431 when a request's body is late or too large or its head
//! too large.

pub mod client;

use serde::{Deserialize, Serialize};

/// The most bytes of a VM's log one `GET /v1/vms/NAME/console|log` returns.
pub const MAX_LOG_CHUNK: usize = 64 << 10;

/// The header of an image upload that gives the sha256 of its bytes (64
/// lowercase hex digits); bytes that hash otherwise are not kept.
pub const IMAGE_SHA256_HEADER: &str = "x-mvirt-sha256";

/// How a VM spec names a pushed image: `image:NAME`.
pub const IMAGE_REF_PREFIX: &str = "image:";

/// A pushed image: a kernel, an initramfs or a firmware.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ImageInfo {
    pub name: String,
    /// The sha256 of its bytes (hex).
    pub sha256: String,
    pub size: u64,
}

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
    /// The bridge guests' taps join (absent from daemons before it existed).
    #[serde(default)]
    pub network: Network,
    /// Where the state (VM definitions, images, the TLS identity) is kept
    /// (absent from daemons before the data disk).
    #[serde(default)]
    pub storage: Storage,
    /// What the host's config volume set, or why none was used (absent
    /// from daemons before the config volume).
    #[serde(default)]
    pub config: String,
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
    /// The first line `cloud-hypervisor --version` printed (e.g.
    /// "cloud-hypervisor v53.0"); none when it is absent, failed or hung.
    #[serde(default)]
    pub version: Option<String>,
}

/// The host side of guest networking.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Network {
    /// The bridge (`mvirt0`); none when the daemon runs with `--no-bridge`.
    #[serde(default)]
    pub bridge: Option<String>,
    /// The host interface enslaved to the bridge, if one was named.
    #[serde(default)]
    pub uplink: Option<String>,
    /// Whether the bridge (and the uplink in it) is set up.
    #[serde(default)]
    pub ready: bool,
    /// What was done, or what failed and why.
    #[serde(default)]
    pub detail: String,
    /// The host's own address, from the kernel's `ip=` or the config
    /// volume (e.g. "10.0.2.15/24 on mvirt0, default via 10.0.2.2"), or
    /// why it has none.
    #[serde(default)]
    pub host: String,
}

/// Where the daemon keeps its state.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Storage {
    /// On a data disk, so it survives a reboot (else it is in RAM).
    #[serde(default)]
    pub persistent: bool,
    /// The data disk's device.
    #[serde(default)]
    pub device: Option<String>,
    /// Mounted read-only: every change is refused.
    #[serde(default)]
    pub read_only: bool,
    /// Where, or why there is no data disk and what to do about it.
    #[serde(default)]
    pub detail: String,
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
    /// A tap device mvirt-vmm makes at start, in the bridge, and removes at stop.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub net: bool,
    /// An existing tap device to attach, if any (not managed by mvirt-vmm).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tap: Option<String>,
    /// Started when the host boots (when mvirt-vmm first starts after a boot).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub autostart: bool,
    /// A cloud-init NoCloud seed, attached read-only after the disks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<SeedSpec>,
    /// The size in bytes of the first disk made from a pushed image
    /// (`image:NAME`, which each VM gets its own copy of), grown from the
    /// image's size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk_size: Option<u64>,
}

/// The most one seed file may hold; the three together at most 24 KiB
/// (a create request's body is at most 64 KiB).
pub const MAX_SEED_FILE: u64 = 24 << 10;

/// The files of a VM's NoCloud seed (a FAT volume labelled CIDATA). At
/// create, a missing meta-data gets `instance-id` and `local-hostname`
/// (the VM's name), and a missing network-config of a VM with a NIC gets
/// DHCP on the NIC matched by its MAC, or the static `address` (and
/// `gateway`) when one is given; `vm get` shows what the guest gets.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SeedSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta_data: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_data: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_config: Option<String>,
    /// The guest's static IPv4 address with its prefix (`10.0.0.5/24`),
    /// for the default network-config instead of DHCP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The default route's gateway, with `address`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum VmState {
    Created,
    Running,
    /// Running, and a stop is in progress (never stored on disk).
    Stopping,
    Stopped,
}

/// A VM's network interface.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct NetInfo {
    /// The tap device on the host.
    pub tap: String,
    /// Whether mvirt-vmm makes and removes the tap (`--net`), or it is the
    /// caller's (`--tap`).
    pub managed: bool,
    /// The guest's MAC address, derived from the VM's name (the same on
    /// every start).
    pub mac: String,
    /// The bridge the tap joins (managed taps only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridge: Option<String>,
}

/// A VM as the daemon reports it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct VmInfo {
    pub spec: VmSpec,
    pub state: VmState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pid: Option<u32>,
    /// Why the VM last stopped, e.g. "powered off by the guest after the
    /// power button (exit status 0)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_exit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net: Option<NetInfo>,
    /// The serial console log.
    pub serial_log: String,
    /// cloud-hypervisor's stdout and stderr (its errors), rewritten at each start.
    #[serde(default)]
    pub log: String,
    /// cloud-hypervisor's API socket for this VM.
    pub api_socket: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StopRequest {
    /// Seconds to wait for the guest to power off after the ACPI power
    /// button (default 10, at most [`MAX_STOP_TIMEOUT_S`]) before asking
    /// cloud-hypervisor to shut down, then SIGKILL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_s: Option<u64>,
}

/// The longest graceful stop a request may ask for.
pub const MAX_STOP_TIMEOUT_S: u64 = 3600;

/// The body of every error response.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ApiError {
    pub error: String,
}
