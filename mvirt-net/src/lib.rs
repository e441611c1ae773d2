//! The host's own network configuration: the static form of the kernel's
//! `ip=` parameter ([`param`]), applied through routing netlink ([`rtnl`]):
//! the interface up, its address, the default route.
//!
//! Which interface gets the address is the caller's choice: the device
//! named in `ip=`, or the bridge it was enslaved to (mvirt-vmm puts the
//! host's address on `mvirt0` when `ip=`'s device is the bridge's uplink,
//! as a bridge port carries no address of its own).

pub mod param;
pub mod rtnl;

pub use param::{from_cmdline, parse, HostIp, ParamError};

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

/// Brings `on` and `ip.device` up, puts `ip`'s address on `on` and, with a
/// gateway, the default route through it. Returns what was done, for the
/// console. Idempotent: applying it again changes nothing.
pub fn apply(ip: &HostIp, on: &str) -> Result<String, ApplyError> {
    let mut nl = step(
        || "opening a routing netlink socket".into(),
        rtnl::Rtnl::open(),
    )?;
    for dev in [ip.device.as_str(), on] {
        let index = step(|| format!("interface {dev}"), rtnl::index_of(dev))?;
        step(|| format!("setting {dev} up"), nl.link_up(index))?;
    }
    let index = step(|| format!("interface {on}"), rtnl::index_of(on))?;
    step(
        || format!("adding {}/{} to {on}", ip.address, ip.prefix),
        nl.replace_address(index, ip.address, ip.prefix),
    )?;
    let mut done = format!("{}/{} on {on}", ip.address, ip.prefix);
    if let Some(gw) = ip.gateway {
        step(
            || format!("adding the default route via {gw} dev {on}"),
            nl.replace_default_route(index, gw),
        )?;
        done += &format!(", default route via {gw}");
    }
    Ok(done)
}
