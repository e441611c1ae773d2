//! Guest networking on the host: the bridge `mvirt0` (optionally with an
//! uplink interface in it) and a persistent tap device per VM created with
//! `--net`, made at start and removed when the VM ends.
//!
//! Everything is plain ioctls (the bridge ioctls brctl uses, and the tun
//! driver's), so the daemon needs no `ip` binary in the image.

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::Path;

/// The bridge guests join.
pub const DEFAULT_BRIDGE: &str = "mvirt0";

/// The kernel command line word naming the uplink: `mvirt.uplink=IFNAME`.
pub const UPLINK_PARAM: &str = "mvirt.uplink=";

/// The tap flags cloud-hypervisor (v53) opens a named tap with, for one
/// queue pair: the tap must be made with the same ones (a multi-queue
/// mismatch is refused by the kernel), and it carries virtio-net headers.
pub const TAP_FLAGS: libc::c_int = libc::IFF_TAP | libc::IFF_NO_PI | libc::IFF_VNET_HDR;

const SIOCBRADDBR: u32 = 0x89a0;
const SIOCBRADDIF: u32 = 0x89a2;
const SIOCGIFFLAGS: u32 = 0x8913;
const SIOCSIFFLAGS: u32 = 0x8914;
const SIOCGIFHWADDR: u32 = 0x8927;
const SIOCSIFHWADDR: u32 = 0x8924;
const ARPHRD_ETHER: libc::sa_family_t = 1;

/// The longest interface name (IFNAMSIZ - 1).
pub const MAX_IFNAME: usize = 15;

/// What the daemon was told about networking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub bridge: String,
    pub uplink: Option<String>,
}

/// The uplink a kernel command line names (the last `mvirt.uplink=` wins,
/// as with kernel parameters).
pub fn uplink_from_cmdline(cmdline: &str) -> Option<String> {
    cmdline
        .split_whitespace()
        .filter_map(|w| w.strip_prefix(UPLINK_PARAM))
        .next_back()
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// FNV-1a, 64 bits: a hash whose value is fixed by its definition, unlike
/// std's hashers, so names derived from it stay the same across releases.
fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The tap device of VM `vm`: `mv-<name>`, or for names too long for the
/// 15 bytes of an interface name, `mv-` + 7 bytes of the name + `-` + 4 hex
/// digits of its hash (two long names with the same start still differ).
pub fn tap_name(vm: &str) -> String {
    let full = format!("mv-{vm}");
    if full.len() <= MAX_IFNAME {
        return full;
    }
    let head: String = vm.chars().take(7).collect();
    format!("mv-{head}-{:04x}", fnv1a(vm.as_bytes()) & 0xffff)
}

/// The guest MAC address of VM `vm`: 02 (locally administered, unicast)
/// and 5 bytes of a hash of the name, so a VM keeps its address (and its
/// DHCP lease) across restarts of the VM and the host.
pub fn mac_for(vm: &str) -> String {
    let h = fnv1a(format!("mvirt-mac:{vm}").as_bytes()).to_be_bytes();
    format!(
        "02:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
        h[0], h[1], h[2], h[3], h[4]
    )
}

fn ifreq(name: &str) -> io::Result<libc::ifreq> {
    if name.is_empty() || name.len() > MAX_IFNAME || name.contains(['\0', '/']) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("bad interface name {name:?}"),
        ));
    }
    // SAFETY: ifreq is plain data; all zeroes is a valid value.
    let mut ifr: libc::ifreq = unsafe { std::mem::zeroed() };
    for (dst, src) in ifr.ifr_name.iter_mut().zip(name.bytes()) {
        *dst = src as libc::c_char;
    }
    Ok(ifr)
}

/// A socket for the interface ioctls (any family will do; AF_UNIX is
/// always there).
fn ctl_socket() -> io::Result<OwnedFd> {
    // SAFETY: socket(2) with constant arguments; the fd is owned below.
    let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a fresh fd nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// ioctl(2) with a pointer argument.
///
/// # Safety
/// `arg` must be what `request` expects (an ifreq, a C string, ...).
unsafe fn ioctl_ptr<T>(fd: &OwnedFd, request: u32, arg: *mut T) -> io::Result<()> {
    if libc::ioctl(fd.as_raw_fd(), request as libc::Ioctl, arg) < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn ifindex(name: &str) -> Option<u32> {
    let c = CString::new(name).ok()?;
    // SAFETY: a valid C string.
    let i = unsafe { libc::if_nametoindex(c.as_ptr()) };
    (i != 0).then_some(i)
}

fn set_up(sock: &OwnedFd, name: &str) -> io::Result<()> {
    let mut ifr = ifreq(name)?;
    // SAFETY: SIOC[GS]IFFLAGS take an ifreq; ifru_flags is the field they use.
    unsafe {
        ioctl_ptr(sock, SIOCGIFFLAGS, &mut ifr)?;
        ifr.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
        ioctl_ptr(sock, SIOCSIFFLAGS, &mut ifr)
    }
}

fn hwaddr(sock: &OwnedFd, name: &str) -> io::Result<libc::sockaddr> {
    let mut ifr = ifreq(name)?;
    // SAFETY: SIOCGIFHWADDR fills ifru_hwaddr of an ifreq.
    unsafe {
        ioctl_ptr(sock, SIOCGIFHWADDR, &mut ifr)?;
        Ok(ifr.ifr_ifru.ifru_hwaddr)
    }
}

fn set_hwaddr(sock: &OwnedFd, name: &str, mut addr: libc::sockaddr) -> io::Result<()> {
    let mut ifr = ifreq(name)?;
    addr.sa_family = ARPHRD_ETHER;
    ifr.ifr_ifru.ifru_hwaddr = addr;
    // SAFETY: SIOCSIFHWADDR reads ifru_hwaddr of an ifreq.
    unsafe { ioctl_ptr(sock, SIOCSIFHWADDR, &mut ifr) }
}

/// Makes `port` a port of `bridge`. EBUSY when it has a master already.
fn add_port(sock: &OwnedFd, bridge: &str, port: &str) -> io::Result<()> {
    let index = ifindex(port).ok_or_else(|| io::Error::from_raw_os_error(libc::ENODEV))?;
    let mut ifr = ifreq(bridge)?;
    ifr.ifr_ifru.ifru_ifindex = index as libc::c_int;
    // SAFETY: SIOCBRADDIF takes an ifreq naming the bridge, with the port's index.
    unsafe { ioctl_ptr(sock, SIOCBRADDIF, &mut ifr) }
}

fn sys_net(name: &str) -> std::path::PathBuf {
    Path::new("/sys/class/net").join(name)
}

/// Whether sysfs shows `port` as a port of `bridge`. Sysfs shows the
/// network namespace it was mounted in, which is the daemon's own.
pub fn is_port_of(bridge: &str, port: &str) -> bool {
    sys_net(bridge).join("brif").join(port).exists()
}

/// Creates the bridge (if it does not exist), brings it up and enslaves
/// the uplink (if one is named). Idempotent. Ok: what it did; Err: why not.
pub fn ensure_bridge(cfg: &Config) -> Result<String, String> {
    let sock = ctl_socket().map_err(|e| format!("socket for interface ioctls: {e}"))?;
    let bridge = &cfg.bridge;
    let cname = CString::new(bridge.as_str()).map_err(|_| format!("bad bridge name {bridge:?}"))?;
    ifreq(bridge).map_err(|e| e.to_string())?;
    // SAFETY: SIOCBRADDBR takes the new bridge's name as a C string.
    let created = match unsafe { ioctl_ptr(&sock, SIOCBRADDBR, cname.as_ptr().cast_mut()) } {
        Ok(()) => true,
        Err(e) if e.raw_os_error() == Some(libc::EEXIST) => {
            let dir = sys_net(bridge);
            if dir.exists() && !dir.join("bridge").exists() {
                return Err(format!(
                    "{bridge} exists and is not a bridge (remove it or pass mvirt-vmm --bridge NAME)"
                ));
            }
            false
        }
        Err(e) => {
            let hint = match e.raw_os_error() {
                Some(libc::ENOPKG) | Some(libc::ENOSYS) | Some(libc::EINVAL) => {
                    " (kernel without CONFIG_BRIDGE?)"
                }
                Some(libc::EPERM) | Some(libc::EACCES) => " (mvirt-vmm needs CAP_NET_ADMIN)",
                _ => "",
            };
            return Err(format!("creating bridge {bridge}: {e}{hint}"));
        }
    };
    set_up(&sock, bridge).map_err(|e| format!("bringing {bridge} up: {e}"))?;
    let mut did = format!(
        "bridge {bridge} {} and up",
        if created { "created" } else { "exists" }
    );
    let Some(uplink) = &cfg.uplink else {
        return Ok(did + ", no uplink");
    };
    if ifindex(uplink).is_none() {
        return Err(format!(
            "{did}; uplink {uplink}: no such network interface (check mvirt.uplink= / --uplink)"
        ));
    }
    match add_port(&sock, bridge, uplink) {
        Ok(()) => {}
        Err(e) if e.raw_os_error() == Some(libc::EBUSY) && is_port_of(bridge, uplink) => {}
        Err(e) => {
            let hint = if e.raw_os_error() == Some(libc::EBUSY) {
                " (it is a port of another bridge or bond already)"
            } else {
                ""
            };
            return Err(format!(
                "{did}; adding uplink {uplink} to {bridge}: {e}{hint}"
            ));
        }
    }
    set_up(&sock, uplink).map_err(|e| format!("{did}; bringing uplink {uplink} up: {e}"))?;
    // The bridge takes the lowest MAC of its ports unless it has one set:
    // without this, a tap coming or going would change the host's address
    // on the uplink's network (and its DHCP lease).
    hwaddr(&sock, uplink)
        .and_then(|a| set_hwaddr(&sock, bridge, a))
        .map_err(|e| format!("{did}; giving {bridge} the MAC of {uplink}: {e}"))?;
    did += &format!(", uplink {uplink} in it (the bridge has its MAC)");
    Ok(did)
}

fn open_tun() -> Result<OwnedFd, String> {
    // SAFETY: open(2) of a constant path; the fd is owned below.
    let fd = unsafe { libc::open(c"/dev/net/tun".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) };
    if fd < 0 {
        let e = io::Error::last_os_error();
        let hint = match e.raw_os_error() {
            Some(libc::ENOENT) | Some(libc::ENODEV) | Some(libc::ENXIO) => {
                " (kernel without CONFIG_TUN?)"
            }
            _ => "",
        };
        return Err(format!("/dev/net/tun: {e}{hint}"));
    }
    // SAFETY: a fresh fd nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Attaches a tun fd to the tap `name` with `flags` (creating it if absent).
fn tunsetiff(tun: &OwnedFd, name: &str, flags: libc::c_int) -> io::Result<()> {
    let mut ifr = ifreq(name)?;
    ifr.ifr_ifru.ifru_flags = flags as libc::c_short;
    // SAFETY: TUNSETIFF takes an ifreq with the name and ifru_flags.
    unsafe { ioctl_ptr(tun, libc::TUNSETIFF as u32, &mut ifr) }
}

fn tunsetpersist(tun: &OwnedFd, on: bool) -> io::Result<()> {
    // SAFETY: TUNSETPERSIST takes its value as the argument itself.
    if unsafe {
        libc::ioctl(
            tun.as_raw_fd(),
            libc::TUNSETPERSIST,
            libc::c_ulong::from(on),
        )
    } < 0
    {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Makes the persistent tap `name` (see [`TAP_FLAGS`]), in `bridge` and
/// up. A leftover tap of that name (from a daemon that died before its
/// VM's end was handled) is removed first, so the tap is always fresh.
pub fn create_tap(name: &str, bridge: &str) -> Result<(), String> {
    remove_tap(name)?;
    let tun = open_tun()?;
    tunsetiff(&tun, name, TAP_FLAGS).map_err(|e| {
        let hint = match e.raw_os_error() {
            Some(libc::EPERM) => " (mvirt-vmm needs CAP_NET_ADMIN)",
            Some(libc::EINVAL) | Some(libc::EBUSY) => {
                " (is another device of that name in the way?)"
            }
            _ => "",
        };
        format!("creating tap {name} (TUNSETIFF): {e}{hint}")
    })?;
    let setup = || -> Result<(), String> {
        tunsetpersist(&tun, true).map_err(|e| format!("tap {name}: TUNSETPERSIST: {e}"))?;
        let sock = ctl_socket().map_err(|e| format!("socket for interface ioctls: {e}"))?;
        add_port(&sock, bridge, name)
            .map_err(|e| format!("adding tap {name} to bridge {bridge}: {e}"))?;
        set_up(&sock, name).map_err(|e| format!("bringing tap {name} up: {e}"))
    };
    setup().inspect_err(|_| {
        // Not persistent, the tap goes with our fd: nothing is left behind.
        let _ = tunsetpersist(&tun, false);
    })
}

/// Removes the tap `name` if it exists. Ok(true) when there was one.
pub fn remove_tap(name: &str) -> Result<bool, String> {
    if ifindex(name).is_none() {
        return Ok(false);
    }
    let tun = open_tun()?;
    // Attach to it (a tap made multi-queue by someone else needs that flag
    // too), drop its persistence, and it ends with our fd.
    tunsetiff(&tun, name, TAP_FLAGS)
        .or_else(|_| tunsetiff(&tun, name, TAP_FLAGS | libc::IFF_MULTI_QUEUE))
        .map_err(|e| {
            format!(
                "removing tap {name}: {e} (not a tap, or still in use; `ip link del {name}` removes it)"
            )
        })?;
    tunsetpersist(&tun, false).map_err(|e| format!("removing tap {name}: TUNSETPERSIST 0: {e}"))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tap_names_fit_and_differ() {
        assert_eq!(tap_name("web"), "mv-web");
        assert_eq!(tap_name("abcdefghijkl"), "mv-abcdefghijkl");
        let long = tap_name("webserver-production-1");
        assert_eq!(long.len(), 15, "{long}");
        assert!(long.starts_with("mv-webserv-"), "{long}");
        assert_ne!(long, tap_name("webserver-production-2"));
        // The same name, the same tap, on every start and release.
        assert_eq!(tap_name("webserver-production-1"), long);
        for n in 1..=32 {
            assert!(tap_name(&"x".repeat(n)).len() <= MAX_IFNAME);
        }
    }

    #[test]
    fn macs_are_stable_locally_administered_unicast() {
        let mac = mac_for("web");
        assert_eq!(mac, mac_for("web"));
        assert_ne!(mac, mac_for("web2"));
        let bytes: Vec<u8> = mac
            .split(':')
            .map(|b| u8::from_str_radix(b, 16).unwrap())
            .collect();
        assert_eq!(bytes.len(), 6);
        assert_eq!(bytes[0] & 0x01, 0, "multicast bit set: {mac}");
        assert_eq!(bytes[0] & 0x02, 0x02, "not locally administered: {mac}");
        // Pinned: a change here would give every VM a new address.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn the_uplink_comes_from_the_kernel_command_line() {
        assert_eq!(
            uplink_from_cmdline("console=ttyS0 mvirt.uplink=eth0 quiet\n"),
            Some("eth0".into())
        );
        assert_eq!(
            uplink_from_cmdline("mvirt.uplink=eth0 mvirt.uplink=enp1s0"),
            Some("enp1s0".into())
        );
        assert_eq!(uplink_from_cmdline("mvirt.uplink= quiet"), None);
        assert_eq!(uplink_from_cmdline("xmvirt.uplink=eth0"), None);
        assert_eq!(uplink_from_cmdline(""), None);
    }

    #[test]
    fn interface_names_are_checked_before_any_ioctl() {
        assert!(ifreq("").is_err());
        assert!(ifreq("a-name-of-16-byt").is_err());
        assert!(ifreq("a/b").is_err());
        let ifr = ifreq("mvirt0").unwrap();
        assert_eq!(ifr.ifr_name[5], b'0' as libc::c_char);
        assert_eq!(ifr.ifr_name[6], 0);
    }
}
