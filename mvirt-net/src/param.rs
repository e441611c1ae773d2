//! The kernel's `ip=` parameter, read by mvirt (the image's kernel has no
//! IP autoconfiguration of its own): the syntax operators know from
//! Documentation/admin-guide/nfs/nfsroot.rst and from dracut,
//!
//! ```text
//! ip=<client-ip>:<server-ip>:<gw-ip>:<netmask>:<hostname>:<device>:<autoconf>
//! ```
//!
//! of which mvirt takes the static form: an IPv4 address, its netmask
//! (dotted, or a prefix length), an optional gateway and hostname, the
//! device, and `autoconf` empty, `off`, `none` or `static`. `<server-ip>`
//! and the DNS fields after `<autoconf>` are ignored (the host resolves no
//! names). `ip=off` and `ip=none` mean no configuration. DHCP is refused
//! for now with a clear error, never guessed at.

use std::net::Ipv4Addr;

/// The longest interface name (IFNAMSIZ - 1).
pub const MAX_IFNAME: usize = 15;

/// A static IPv4 configuration of one interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostIp {
    pub address: Ipv4Addr,
    pub prefix: u8,
    pub gateway: Option<Ipv4Addr>,
    pub hostname: Option<String>,
    pub device: String,
}

/// Why an `ip=` value is refused; each names the field and what to write.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParamError {
    #[error("ip={0}: DHCP is not supported yet; give a static address: ip=ADDR::GATEWAY:NETMASK:HOSTNAME:DEVICE:off")]
    Dhcp(String),
    #[error("ip={value}: {field} {got:?} {why}")]
    Field {
        value: String,
        field: &'static str,
        got: String,
        why: String,
    },
}

impl HostIp {
    /// This configuration as a [`Plan`]: on the device itself, or, when
    /// the device is the VM bridge's uplink (`bridged`), on the bridge.
    pub fn plan(&self, bridged: bool) -> crate::Plan {
        use crate::plan::{Addressing, Bridged, Cidr, Device, Route};
        let mut addressing = Addressing {
            addresses: vec![Cidr {
                address: self.address,
                prefix: self.prefix,
            }],
            routes: vec![],
        };
        if let Some(via) = self.gateway {
            addressing.routes.push(Route {
                to: Cidr {
                    address: Ipv4Addr::UNSPECIFIED,
                    prefix: 0,
                },
                via,
            });
        }
        let device = Device::Name(self.device.clone());
        if bridged {
            crate::Plan {
                bridge: Some(Bridged {
                    uplink: device,
                    addressing,
                }),
                ..Default::default()
            }
        } else {
            crate::Plan {
                interfaces: vec![(device, addressing)],
                ..Default::default()
            }
        }
    }

    /// The network part of the address.
    pub fn network(&self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.address) & mask(self.prefix))
    }

    /// Whether `ip` is in this address's subnet.
    pub fn on_link(&self, ip: Ipv4Addr) -> bool {
        u32::from(ip) & mask(self.prefix) == u32::from(self.network())
    }
}

fn mask(prefix: u8) -> u32 {
    u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0)
}

/// The last `ip=` word of a kernel command line, parsed; None without one
/// (or with `ip=off` / `ip=none`).
pub fn from_cmdline(cmdline: &str) -> Option<Result<HostIp, ParamError>> {
    let value = cmdline
        .split_whitespace()
        .filter_map(|w| w.strip_prefix("ip="))
        .next_back()?;
    parse(value).transpose()
}

/// One `ip=` value (without `ip=`).
pub fn parse(value: &str) -> Result<Option<HostIp>, ParamError> {
    if matches!(value, "off" | "none") {
        return Ok(None);
    }
    let refuse = |field, got: &str, why: &str| ParamError::Field {
        value: value.to_string(),
        field,
        got: got.to_string(),
        why: why.to_string(),
    };
    let fields: Vec<&str> = value.split(':').collect();
    let field = |i: usize| fields.get(i).copied().unwrap_or("");
    match field(6) {
        "" | "off" | "none" | "static" => {}
        "dhcp" | "on" | "any" | "both" | "bootp" | "rarp" | "dhcp6" | "auto6" => {
            return Err(ParamError::Dhcp(value.into()))
        }
        other => return Err(refuse("autoconf", other, "is not off, none or static")),
    }
    if fields.len() == 1 && matches!(value, "dhcp" | "on" | "any" | "both" | "bootp" | "rarp") {
        return Err(ParamError::Dhcp(value.into()));
    }
    let address = unicast(field(0)).map_err(|why| refuse("client-ip", field(0), why))?;
    let prefix = prefix_of(field(3)).map_err(|why| refuse("netmask", field(3), why))?;
    let gateway = match field(2) {
        "" => None,
        g => Some(unicast(g).map_err(|why| refuse("gw-ip", g, why))?),
    };
    let hostname = match field(4) {
        "" => None,
        h => Some(valid_hostname(h).map_err(|why| refuse("hostname", h, why))?),
    };
    let device = valid_ifname(field(5)).map_err(|why| refuse("device", field(5), why))?;
    let ip = HostIp {
        address,
        prefix,
        gateway,
        hostname,
        device,
    };
    if let Some(g) = ip.gateway {
        if !ip.on_link(g) || g == ip.address {
            return Err(refuse(
                "gw-ip",
                field(2),
                &format!("is not another address of {}/{}", ip.network(), prefix),
            ));
        }
    }
    Ok(Some(ip))
}

fn unicast(text: &str) -> Result<Ipv4Addr, &'static str> {
    let ip: Ipv4Addr = text.parse().map_err(|_| "is not an IPv4 address")?;
    if ip.is_unspecified() || ip.is_broadcast() || ip.is_multicast() || ip.is_loopback() {
        return Err("is not a unicast address");
    }
    Ok(ip)
}

/// A netmask: dotted (contiguous ones) or a prefix length 1..=32.
fn prefix_of(text: &str) -> Result<u8, &'static str> {
    if text.is_empty() {
        return Err("is missing (e.g. 255.255.255.0 or 24)");
    }
    if let Ok(n) = text.parse::<u8>() {
        return (1..=32).contains(&n).then_some(n).ok_or("is not 1..=32");
    }
    let m = u32::from(
        text.parse::<Ipv4Addr>()
            .map_err(|_| "is neither a netmask nor a prefix length")?,
    );
    let prefix = m.leading_ones();
    if prefix == 0 || m != mask(prefix as u8) {
        return Err("is not a contiguous netmask");
    }
    Ok(prefix as u8)
}

/// An interface name the kernel accepts: 1..=15 bytes, no `/`, `:` or
/// whitespace, not `.` or `..`.
pub fn valid_ifname(name: &str) -> Result<String, &'static str> {
    if name.is_empty() {
        return Err("is missing: name the interface (e.g. eth0)");
    }
    let ok = name.len() <= MAX_IFNAME
        && name != "."
        && name != ".."
        && name
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'/' && b != b':');
    if ok {
        Ok(name.to_string())
    } else {
        Err("is not an interface name (1-15 printable bytes, no / or :)")
    }
}

/// A host name of RFC 1123 labels: letters, digits and inner hyphens,
/// 1..=63 bytes each, 253 in all.
pub fn valid_hostname(name: &str) -> Result<String, &'static str> {
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if name.len() <= 253 && name.split('.').all(label_ok) {
        Ok(name.to_string())
    } else {
        Err("is not a host name (letters, digits and inner hyphens; dots between labels)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(v: &str) -> HostIp {
        parse(v).unwrap().unwrap()
    }

    #[test]
    fn the_static_forms_parse() {
        let a = ip("10.0.2.15::10.0.2.2:255.255.255.0:host-1:eth0:off");
        assert_eq!(a.address, Ipv4Addr::new(10, 0, 2, 15));
        assert_eq!(a.prefix, 24);
        assert_eq!(a.gateway, Some(Ipv4Addr::new(10, 0, 2, 2)));
        assert_eq!(a.hostname.as_deref(), Some("host-1"));
        assert_eq!(a.device, "eth0");
        assert_eq!(a.network(), Ipv4Addr::new(10, 0, 2, 0));
        // A prefix length, no gateway, no hostname, no autoconf, DNS fields.
        let b = ip("192.168.1.9:::16::enp1s0::1.1.1.1:8.8.8.8");
        assert_eq!((b.prefix, b.gateway, b.hostname), (16, None, None));
        assert_eq!(ip("10.1.2.3:1.2.3.4::8::eth1:static").prefix, 8);
        assert_eq!(ip("10.1.2.3:::255.255.255.255::eth1").prefix, 32);
        assert_eq!(parse("off"), Ok(None));
        assert_eq!(parse("none"), Ok(None));
    }

    #[test]
    fn dhcp_is_refused_by_name() {
        for v in [
            "dhcp",
            "on",
            "any",
            "::::h:eth0:dhcp",
            "1.2.3.4:::24::eth0:bootp",
        ] {
            assert!(matches!(parse(v), Err(ParamError::Dhcp(_))), "{v}");
        }
    }

    #[test]
    fn hostile_values_are_refused_naming_the_field() {
        for (v, field) in [
            ("", "client-ip"),
            ("10.0.2.300:::24::eth0", "client-ip"),
            ("0.0.0.0:::24::eth0", "client-ip"),
            ("224.0.0.1:::24::eth0", "client-ip"),
            ("127.0.0.1:::8::eth0", "client-ip"),
            ("10.0.2.15:::::eth0", "netmask"),
            ("10.0.2.15:::33::eth0", "netmask"),
            ("10.0.2.15:::0::eth0", "netmask"),
            ("10.0.2.15:::255.0.255.0::eth0", "netmask"),
            ("10.0.2.15:::24", "device"),
            ("10.0.2.15:::24::../../x", "device"),
            ("10.0.2.15:::24::a-very-long-interface", "device"),
            ("10.0.2.15:::24::eth\u{0}", "device"),
            ("10.0.2.15:::24:-bad:eth0", "hostname"),
            ("10.0.2.15:::24:a..b:eth0", "hostname"),
            ("10.0.2.15:::24:a_b:eth0", "hostname"),
            ("10.0.2.15::10.0.3.1:24::eth0", "gw-ip"),
            ("10.0.2.15::10.0.2.15:24::eth0", "gw-ip"),
            ("10.0.2.15::x:24::eth0", "gw-ip"),
            ("10.0.2.15:::24::eth0:sometimes", "autoconf"),
        ] {
            match parse(v) {
                Err(ParamError::Field { field: f, .. }) => assert_eq!(f, field, "{v}"),
                other => panic!("{v}: {other:?}"),
            }
        }
        let long = format!("10.0.2.15:::24:{}:eth0", "a".repeat(64));
        assert!(parse(&long).is_err());
    }

    #[test]
    fn the_last_word_wins_and_none_is_none() {
        assert_eq!(from_cmdline("quiet console=ttyS0"), None);
        assert_eq!(from_cmdline("ip=10.0.0.2:::8::eth0 ip=off"), None);
        let got = from_cmdline("ip=off x ip=10.0.0.2:::8::eth0")
            .unwrap()
            .unwrap();
        assert_eq!(got.device, "eth0");
        assert!(matches!(
            from_cmdline("ip=dhcp"),
            Some(Err(ParamError::Dhcp(_)))
        ));
    }
}
