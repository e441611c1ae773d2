//! The host's own network configuration, said in one of two ways: the
//! static form of the kernel's `ip=` parameter ([`param`]), or a NoCloud
//! network-config v2 ([`v2`]). Both become a [`Plan`], applied through
//! routing netlink ([`rtnl`]): interfaces found by name or MAC and set up,
//! their addresses, their routes.
//!
//! The VM bridge is the caller's: a plan may name the uplink to enslave to
//! it, and the addresses the bridge carries (a bridge port carries no
//! address of its own); [`plan::apply`] puts them on the bridge it is given.

pub mod param;
pub mod plan;
pub mod rtnl;
pub mod v2;

pub use param::{from_cmdline, parse, HostIp, ParamError};
pub use plan::{apply, ApplyError, Plan};
