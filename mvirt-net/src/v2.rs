//! A NoCloud `network-config`, version 2 (the netplan schema cloud-init
//! reads), in the subset a host needs: `ethernets` matched by name or MAC
//! with static IPv4 `addresses`, `gateway4`, `routes` and `nameservers`,
//! and the VM bridge (`bridges: {mvirt0: {interfaces: [ID], ...}}`) whose
//! one port is the uplink. Anything else is refused by its path, never
//! skipped: a key we do not know, DHCP, IPv6, renaming, another bridge.
//!
//! ```yaml
//! version: 2
//! ethernets:
//!   uplink:
//!     match: {macaddress: "52:54:00:12:34:56"}
//! bridges:
//!   mvirt0:
//!     interfaces: [uplink]
//!     addresses: [10.0.2.15/24]
//!     routes: [{to: default, via: 10.0.2.2}]
//! ```

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};

use serde::Deserialize;

use crate::param::{valid_hostname, valid_ifname};
use crate::plan::{parse_mac, Addressing, Bridged, Cidr, Device, Plan, Route};

/// Bounds on what one file may ask for.
const MAX_INTERFACES: usize = 32;
const MAX_ENTRIES: usize = 64;

/// Why a network-config is refused: YAML that does not fit the schema
/// (with its line and column), or a value that is wrong where it is.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum V2Error {
    #[error("{0}")]
    Yaml(String),
    #[error("{at}: {why}")]
    Invalid { at: String, why: String },
}

fn invalid(at: impl Into<String>, why: impl Into<String>) -> V2Error {
    V2Error::Invalid {
        at: at.into(),
        why: why.into(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wrapped {
    network: Doc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    // Checked on the untyped document first, for a clearer error.
    #[allow(dead_code)]
    version: u32,
    #[serde(default)]
    renderer: Option<String>,
    #[serde(default)]
    ethernets: BTreeMap<String, Ethernet>,
    #[serde(default)]
    bridges: BTreeMap<String, Bridge>,
}

// serde's flatten does not work with deny_unknown_fields: the addressing
// keys are spelled out in both.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ethernet {
    #[serde(rename = "match")]
    matching: Option<Match>,
    #[serde(rename = "set-name")]
    set_name: Option<String>,
    dhcp4: Option<bool>,
    dhcp6: Option<bool>,
    #[serde(default)]
    addresses: Vec<String>,
    gateway4: Option<String>,
    #[serde(default)]
    routes: Vec<RouteDoc>,
    nameservers: Option<Nameservers>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bridge {
    #[serde(default)]
    interfaces: Vec<String>,
    dhcp4: Option<bool>,
    dhcp6: Option<bool>,
    #[serde(default)]
    addresses: Vec<String>,
    gateway4: Option<String>,
    #[serde(default)]
    routes: Vec<RouteDoc>,
    nameservers: Option<Nameservers>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Match {
    macaddress: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteDoc {
    to: String,
    via: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Nameservers {
    #[serde(default)]
    addresses: Vec<String>,
    #[serde(default)]
    search: Vec<String>,
}

/// The keys both an ethernet and a bridge take, checked the same way.
struct Common<'a> {
    dhcp4: Option<bool>,
    dhcp6: Option<bool>,
    addresses: &'a [String],
    gateway4: Option<&'a str>,
    routes: &'a [RouteDoc],
    nameservers: Option<&'a Nameservers>,
}

fn yaml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, V2Error> {
    yaml_serde::from_str(text).map_err(|e| V2Error::Yaml(e.to_string()))
}

/// Parses a network-config (bare, or under a top-level `network:` key as
/// cloud-init also accepts) into a [`Plan`] for a host whose VM bridge is
/// `bridge`.
pub fn parse(text: &str, bridge: &str) -> Result<Plan, V2Error> {
    let top: yaml_serde::Value = yaml(text)?;
    let wrapped = top.get("network").is_some();
    // The version first: a version 1 file fails on its first key otherwise.
    let version = if wrapped {
        top.get("network")
    } else {
        Some(&top)
    }
    .filter(|v| v.is_mapping())
    .ok_or_else(|| {
        invalid(
            "network-config",
            "is not a mapping (version: 2, ethernets: ...)",
        )
    })?
    .get("version");
    if version.and_then(yaml_serde::Value::as_u64) != Some(2) {
        let got = version.map_or("missing".into(), |v| format!("{v:?}"));
        return Err(invalid(
            "version",
            format!("{got} is not supported: write version: 2 (docs/host.md)"),
        ));
    }
    let doc = if wrapped {
        yaml::<Wrapped>(text)?.network
    } else {
        yaml::<Doc>(text)?
    };
    let _ = doc.renderer; // networkd or NetworkManager: the host is neither.
    if doc.ethernets.len() > MAX_INTERFACES {
        return Err(invalid("ethernets", format!("more than {MAX_INTERFACES}")));
    }
    let mut plan = Plan::default();
    let mut devices = BTreeMap::new();
    for (id, e) in &doc.ethernets {
        let at = format!("ethernets.{id}");
        if e.set_name.is_some() {
            return Err(invalid(
                format!("{at}.set-name"),
                "renaming interfaces is not supported",
            ));
        }
        let device = device(&at, id, e.matching.as_ref())?;
        if devices.values().any(|d| d == &device) {
            return Err(invalid(&at, format!("{device} is matched twice")));
        }
        devices.insert(id.clone(), device);
    }
    plan.bridge = bridged(
        &doc.bridges,
        bridge,
        &mut devices,
        &doc.ethernets,
        &mut plan.nameservers,
    )?;
    for (id, device) in devices {
        let e = &doc.ethernets[&id];
        let common = Common {
            dhcp4: e.dhcp4,
            dhcp6: e.dhcp6,
            addresses: &e.addresses,
            gateway4: e.gateway4.as_deref(),
            routes: &e.routes,
            nameservers: e.nameservers.as_ref(),
        };
        let addressing = addressing(&format!("ethernets.{id}"), &common, &mut plan.nameservers)?;
        plan.interfaces.push((device, addressing));
    }
    let defaults = plan
        .interfaces
        .iter()
        .map(|(_, a)| a)
        .chain(plan.bridge.as_ref().map(|b| &b.addressing))
        .flat_map(|a| &a.routes)
        .filter(|r| r.to.prefix == 0)
        .count();
    if defaults > 1 {
        return Err(invalid("routes", "more than one default route"));
    }
    Ok(plan)
}

/// The device an ethernet entry names: its `match` (one MAC or one exact
/// name), or without one the interface named like the entry.
fn device(at: &str, id: &str, m: Option<&Match>) -> Result<Device, V2Error> {
    match m {
        None => valid_ifname(id)
            .map(Device::Name)
            .map_err(|why| invalid(at, format!("(no match:, so an interface name) {why}"))),
        Some(Match {
            macaddress: Some(mac),
            name: None,
        }) => parse_mac(mac).map(Device::Mac).ok_or_else(|| {
            invalid(
                format!("{at}.match.macaddress"),
                format!("{mac:?} is not a MAC (52:54:00:12:34:56)"),
            )
        }),
        Some(Match {
            macaddress: None,
            name: Some(name),
        }) => {
            if name.contains(['*', '?', '[']) {
                return Err(invalid(
                    format!("{at}.match.name"),
                    "globs are not supported: name one interface",
                ));
            }
            valid_ifname(name)
                .map(Device::Name)
                .map_err(|why| invalid(format!("{at}.match.name"), why))
        }
        Some(_) => Err(invalid(
            format!("{at}.match"),
            "give exactly one of macaddress or name",
        )),
    }
}

/// The VM bridge's entry, if any: its one port (taken out of `devices`),
/// which must carry nothing itself, and its own addressing.
fn bridged(
    bridges: &BTreeMap<String, Bridge>,
    bridge: &str,
    devices: &mut BTreeMap<String, Device>,
    ethernets: &BTreeMap<String, Ethernet>,
    nameservers: &mut Vec<IpAddr>,
) -> Result<Option<Bridged>, V2Error> {
    let mut result = None;
    for (name, b) in bridges {
        let at = format!("bridges.{name}");
        if name != bridge {
            return Err(invalid(
                at,
                format!("only the VM bridge, {bridge}, can be configured"),
            ));
        }
        let [port] = b.interfaces.as_slice() else {
            return Err(invalid(
                format!("{at}.interfaces"),
                "name exactly one ethernets entry: the uplink",
            ));
        };
        let Some(uplink) = devices.remove(port) else {
            return Err(invalid(
                format!("{at}.interfaces"),
                format!("{port:?} is not an ethernets entry"),
            ));
        };
        let e = &ethernets[port];
        if !e.addresses.is_empty()
            || e.gateway4.is_some()
            || !e.routes.is_empty()
            || e.dhcp4 == Some(true)
        {
            return Err(invalid(
                format!("ethernets.{port}"),
                format!("a bridge port carries no address or route: give them to {at}"),
            ));
        }
        let common = Common {
            dhcp4: b.dhcp4,
            dhcp6: b.dhcp6,
            addresses: &b.addresses,
            gateway4: b.gateway4.as_deref(),
            routes: &b.routes,
            nameservers: b.nameservers.as_ref(),
        };
        let addressing = addressing(&at, &common, nameservers)?;
        result = Some(Bridged { uplink, addressing });
    }
    Ok(result)
}

fn addressing(at: &str, c: &Common, nameservers: &mut Vec<IpAddr>) -> Result<Addressing, V2Error> {
    for (key, on) in [("dhcp4", c.dhcp4), ("dhcp6", c.dhcp6)] {
        if on == Some(true) {
            return Err(invalid(
                format!("{at}.{key}"),
                "DHCP is not supported yet: give static addresses (docs/host.md)",
            ));
        }
    }
    if c.addresses.len() > MAX_ENTRIES || c.routes.len() > MAX_ENTRIES {
        return Err(invalid(
            at,
            format!("more than {MAX_ENTRIES} addresses or routes"),
        ));
    }
    let mut out = Addressing::default();
    for (i, a) in c.addresses.iter().enumerate() {
        out.addresses
            .push(cidr(a, true).map_err(|why| invalid(format!("{at}.addresses[{i}]"), why))?);
    }
    let mut routes: Vec<(String, &str, &str)> = c
        .routes
        .iter()
        .enumerate()
        .map(|(i, r)| (format!("{at}.routes[{i}]"), r.to.as_str(), r.via.as_str()))
        .collect();
    if let Some(gw) = c.gateway4 {
        routes.push((format!("{at}.gateway4"), "default", gw));
    }
    for (rat, to, via) in routes {
        out.routes.push(route(&rat, to, via, &out.addresses)?);
    }
    if let Some(ns) = c.nameservers {
        for (i, a) in ns.addresses.iter().enumerate() {
            let ip = a.parse().map_err(|_| {
                invalid(
                    format!("{at}.nameservers.addresses[{i}]"),
                    format!("{a:?} is not an IP address"),
                )
            })?;
            nameservers.push(ip);
        }
        for (i, s) in ns.search.iter().enumerate() {
            valid_hostname(s)
                .map_err(|why| invalid(format!("{at}.nameservers.search[{i}]"), why))?;
        }
    }
    Ok(out)
}

fn route(at: &str, to: &str, via: &str, on: &[Cidr]) -> Result<Route, V2Error> {
    let to = match to {
        "default" | "0.0.0.0/0" => Cidr {
            address: Ipv4Addr::UNSPECIFIED,
            prefix: 0,
        },
        other => cidr(other, false).map_err(|why| invalid(format!("{at}.to"), why))?,
    };
    let via: Ipv4Addr = unicast(via).map_err(|why| invalid(format!("{at}.via"), why))?;
    if !on.iter().any(|a| a.on_link(via) && a.address != via) {
        return Err(invalid(
            format!("{at}.via"),
            format!("{via} is on none of this interface's addresses' subnets"),
        ));
    }
    Ok(Route { to, via })
}

fn unicast(text: &str) -> Result<Ipv4Addr, String> {
    if text.contains(':') {
        return Err(format!("{text:?}: IPv6 is not supported yet"));
    }
    let ip: Ipv4Addr = text
        .parse()
        .map_err(|_| format!("{text:?} is not an IPv4 address"))?;
    if ip.is_unspecified() || ip.is_broadcast() || ip.is_multicast() || ip.is_loopback() {
        return Err(format!("{ip} is not a unicast address"));
    }
    Ok(ip)
}

/// `A.B.C.D/LEN`, a host's address: unicast, LEN 1..=32.
pub fn host_address(text: &str) -> Result<Cidr, String> {
    cidr(text, true)
}

/// A gateway on `on`'s subnet, not `on` itself.
pub fn gateway_for(text: &str, on: &Cidr) -> Result<Ipv4Addr, String> {
    let via = unicast(text)?;
    if !on.on_link(via) || via == on.address {
        return Err(format!("{via} is not another address of {on}'s subnet"));
    }
    Ok(via)
}

/// `A.B.C.D/LEN`: a host's address (`host`: unicast, LEN 1..=32) or a
/// route's destination (LEN 1..=32, the network's own address).
fn cidr(text: &str, host: bool) -> Result<Cidr, String> {
    if text.contains(':') {
        return Err(format!("{text:?}: IPv6 is not supported yet"));
    }
    let Some((addr, len)) = text.split_once('/') else {
        return Err(format!("{text:?} needs a prefix length (e.g. {text}/24)"));
    };
    let prefix: u8 = len
        .parse()
        .ok()
        .filter(|n| (1..=32).contains(n))
        .ok_or_else(|| format!("{text:?}: the prefix length is not 1..=32"))?;
    let address = if host {
        unicast(addr)?
    } else {
        addr.parse()
            .map_err(|_| format!("{text:?} is not an IPv4 network"))?
    };
    let c = Cidr { address, prefix };
    let host_bits = u32::MAX.checked_shr(u32::from(prefix)).unwrap_or(0);
    if !host && u32::from(address) & host_bits != 0 {
        return Err(format!("{text:?} has host bits set"));
    }
    Ok(c)
}
