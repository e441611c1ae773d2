//! What the host's network should look like, whichever way it was said
//! (the kernel's `ip=`, or a NoCloud network-config v2: [`crate::v2`]),
//! and how it is applied: interfaces found by name or MAC, set up, given
//! their addresses and routes through routing netlink.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;

use crate::rtnl;

/// An interface, as a configuration names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Device {
    Name(String),
    Mac([u8; 6]),
}

impl fmt::Display for Device {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Device::Name(n) => f.write_str(n),
            Device::Mac(m) => write!(f, "MAC {}", mac_text(m)),
        }
    }
}

/// `aa:bb:cc:dd:ee:ff`.
pub fn mac_text(m: &[u8; 6]) -> String {
    m.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// A MAC address in the colon form, either case.
pub fn parse_mac(text: &str) -> Option<[u8; 6]> {
    let mut out = [0u8; 6];
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() != 6 {
        return None;
    }
    for (o, p) in out.iter_mut().zip(parts) {
        if p.len() != 2 || !p.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        *o = u8::from_str_radix(p, 16).ok()?;
    }
    Some(out)
}

/// An IPv4 address with its prefix length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    pub address: Ipv4Addr,
    pub prefix: u8,
}

impl Cidr {
    /// Whether `ip` is in this address's subnet.
    pub fn on_link(&self, ip: Ipv4Addr) -> bool {
        let mask = u32::MAX
            .checked_shl(32 - u32::from(self.prefix))
            .unwrap_or(0);
        u32::from(ip) & mask == u32::from(self.address) & mask
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.address, self.prefix)
    }
}

/// A route: `to` (0.0.0.0/0 for the default route) via a gateway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    pub to: Cidr,
    pub via: Ipv4Addr,
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.to.prefix == 0 {
            write!(f, "default via {}", self.via)
        } else {
            write!(f, "{} via {}", self.to, self.via)
        }
    }
}

/// What one interface carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Addressing {
    pub addresses: Vec<Cidr>,
    pub routes: Vec<Route>,
}

/// The bridge's port, and what the bridge itself carries (a bridge port
/// has no address of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bridged {
    pub uplink: Device,
    pub addressing: Addressing,
}

/// A whole host network configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Interfaces configured as themselves.
    pub interfaces: Vec<(Device, Addressing)>,
    /// The uplink enslaved to the VM bridge, and the bridge's addresses.
    pub bridge: Option<Bridged>,
    /// Name servers, kept for `mvirt status` (the host resolves no names).
    pub nameservers: Vec<IpAddr>,
}

/// What failed while applying a configuration, and at which step.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("{step}: {source}")]
    Step {
        step: String,
        source: std::io::Error,
    },
}

fn step<T>(what: impl FnOnce() -> String, r: std::io::Result<T>) -> Result<T, ApplyError> {
    r.map_err(|source| ApplyError::Step {
        step: what(),
        source,
    })
}

fn read_mac(dir: &Path) -> Option<[u8; 6]> {
    let text = std::fs::read_to_string(dir.join("address")).ok()?;
    parse_mac(text.trim())
}

/// The name of the interface `device` names, among those in
/// `sys_class_net` (/sys/class/net). A MAC matches a device that is not a
/// bridge (a bridge takes its first port's MAC); it must match exactly one.
pub fn resolve(device: &Device, sys_class_net: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind};
    let mac = match device {
        Device::Name(n) if sys_class_net.join(n).exists() => return Ok(n.clone()),
        Device::Name(n) => {
            return Err(Error::new(
                ErrorKind::NotFound,
                format!("no interface {n} (there are: {})", names(sys_class_net)),
            ))
        }
        Device::Mac(m) => m,
    };
    let mut found = Vec::new();
    for entry in std::fs::read_dir(sys_class_net)?.flatten() {
        let dir = entry.path();
        if dir.join("bridge").exists() || read_mac(&dir).as_ref() != Some(mac) {
            continue;
        }
        found.push(entry.file_name().to_string_lossy().into_owned());
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(Error::new(
            ErrorKind::NotFound,
            format!(
                "no interface has the MAC {} (there are: {})",
                mac_text(mac),
                names(sys_class_net)
            ),
        )),
        _ => Err(Error::new(
            ErrorKind::InvalidInput,
            format!(
                "more than one interface has the MAC {}: {}",
                mac_text(mac),
                found.join(", ")
            ),
        )),
    }
}

/// The interfaces of `sys_class_net`, with their MACs, for errors.
fn names(sys_class_net: &Path) -> String {
    let mut all: Vec<String> = std::fs::read_dir(sys_class_net)
        .map(|d| {
            d.flatten()
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    match read_mac(&e.path()) {
                        Some(m) if m != [0; 6] => format!("{name} {}", mac_text(&m)),
                        _ => name,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    all.sort();
    all.join(", ")
}

/// Brings `dev` up and gives it `what`; returns what was done.
fn configure(nl: &mut rtnl::Rtnl, dev: &str, what: &Addressing) -> Result<String, ApplyError> {
    let index = step(|| format!("interface {dev}"), rtnl::index_of(dev))?;
    step(|| format!("setting {dev} up"), nl.link_up(index))?;
    let mut done = Vec::new();
    for a in &what.addresses {
        step(
            || format!("adding {a} to {dev}"),
            nl.replace_address(index, a.address, a.prefix),
        )?;
        done.push(format!("{a} on {dev}"));
    }
    for r in &what.routes {
        step(
            || format!("adding the route {r} dev {dev}"),
            nl.replace_route(index, r.to.address, r.to.prefix, r.via),
        )?;
        done.push(r.to_string());
    }
    if done.is_empty() {
        done.push(format!("{dev} up"));
    }
    Ok(done.join(", "))
}

/// Applies `plan`: each interface (found in `sys_class_net`) up with its
/// addresses and routes; with a bridged uplink, the uplink and `bridge` up
/// and the bridge's addresses and routes on `bridge` (enslaving the uplink
/// is the bridge owner's work). Idempotent. Returns what was done.
pub fn apply(
    plan: &Plan,
    bridge: Option<&str>,
    sys_class_net: &Path,
) -> Result<String, ApplyError> {
    let mut nl = step(
        || "opening a routing netlink socket".into(),
        rtnl::Rtnl::open(),
    )?;
    let mut done = Vec::new();
    for (device, what) in &plan.interfaces {
        let dev = step(
            || format!("finding {device}"),
            resolve(device, sys_class_net),
        )?;
        done.push(configure(&mut nl, &dev, what)?);
    }
    if let Some(b) = &plan.bridge {
        let uplink = step(
            || format!("finding {}", b.uplink),
            resolve(&b.uplink, sys_class_net),
        )?;
        let Some(bridge) = bridge else {
            return Err(ApplyError::Step {
                step: format!("the bridge of uplink {uplink}"),
                source: std::io::Error::other("this daemon runs without a bridge"),
            });
        };
        configure(&mut nl, &uplink, &Addressing::default())?;
        done.push(configure(&mut nl, bridge, &b.addressing)?);
    }
    Ok(done.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macs_parse_in_either_case_and_nothing_else() {
        assert_eq!(
            parse_mac("52:54:00:AB:cd:0f"),
            Some([0x52, 0x54, 0, 0xab, 0xcd, 0x0f])
        );
        for bad in [
            "",
            "52:54:00:ab:cd",
            "52:54:00:ab:cd:0f:00",
            "5:54:00:ab:cd:0f",
            "52-54-00-ab-cd-0f",
            "52:54:00:ab:cd:+f",
        ] {
            assert_eq!(parse_mac(bad), None, "{bad}");
        }
        assert_eq!(
            mac_text(&[0x52, 0x54, 0, 0xab, 0xcd, 0x0f]),
            "52:54:00:ab:cd:0f"
        );
    }

    #[test]
    fn devices_resolve_by_name_or_by_one_mac_skipping_bridges() {
        let dir = std::env::temp_dir().join(format!("mvirt-net-plan-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (name, mac, bridge) in [
            ("eth0", "52:54:00:00:00:01", false),
            ("mvirt0", "52:54:00:00:00:01", true),
            ("eth1", "52:54:00:00:00:02", false),
            ("eth2", "52:54:00:00:00:02", false),
        ] {
            std::fs::create_dir_all(dir.join(name)).unwrap();
            std::fs::write(dir.join(name).join("address"), format!("{mac}\n")).unwrap();
            if bridge {
                std::fs::create_dir(dir.join(name).join("bridge")).unwrap();
            }
        }
        let mac = |s| Device::Mac(parse_mac(s).unwrap());
        assert_eq!(resolve(&mac("52:54:00:00:00:01"), &dir).unwrap(), "eth0");
        assert_eq!(resolve(&Device::Name("eth1".into()), &dir).unwrap(), "eth1");
        let two = resolve(&mac("52:54:00:00:00:02"), &dir).unwrap_err();
        assert!(two.to_string().contains("eth1, eth2"), "{two}");
        let none = resolve(&mac("52:54:00:00:00:03"), &dir).unwrap_err();
        assert!(
            none.to_string().contains("eth0 52:54:00:00:00:01"),
            "{none}"
        );
        assert!(resolve(&Device::Name("eth9".into()), &dir).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
