//! The host's own address and name, applied once at startup: from the
//! kernel's `ip=` (see [`mvirt_net::param`]) when there is one, else from
//! the config volume's meta-data and network-config ([`crate::hostconfig`]).
//! An address meant for the bridge's uplink goes on the bridge: a bridge
//! port carries no address of its own.

use std::path::Path;

use mvirt_config::HostConfig;
use mvirt_net::Plan;

use crate::net;

const SYS_CLASS_NET: &str = "/sys/class/net";

/// The uplink the config volume puts on the bridge, found by name or MAC
/// (for `net::Config`), or why it cannot be.
pub fn config_uplink(config: Option<&HostConfig>) -> Option<Result<String, String>> {
    let bridged = config?.network.as_ref()?.bridge.as_ref()?;
    Some(
        mvirt_net::plan::resolve(&bridged.uplink, Path::new(SYS_CLASS_NET))
            .map_err(|e| format!("the config volume's uplink: {e}")),
    )
}

fn set_hostname(name: &str, done: &mut Vec<String>) {
    match rustix::system::sethostname(name.as_bytes()) {
        Ok(()) => done.push(format!("hostname {name}")),
        Err(e) => done.push(format!("hostname {name} NOT set: {e}")),
    }
}

/// Applies the command line's `ip=`, or else the config volume's network;
/// returns what was done or why not, for the console and `mvirt status`.
/// Never fails: a host whose network is misconfigured still serves its
/// unix socket.
pub fn configure(
    cmdline: &str,
    config: Option<&HostConfig>,
    bridge: Option<&net::Config>,
    bridge_ready: bool,
) -> String {
    let mut done = Vec::new();
    let plan: Plan = match mvirt_net::from_cmdline(cmdline) {
        Some(Err(e)) => return format!("NOT configured: {e}"),
        Some(Ok(ip)) => {
            if let Some(name) = &ip.hostname {
                set_hostname(name, &mut done);
            }
            if config.is_some_and(|c| c.network.is_some()) {
                done.push("ip= on the kernel command line wins over the config volume".into());
            }
            let bridged = bridge
                .is_some_and(|c| bridge_ready && c.uplink.as_deref() == Some(ip.device.as_str()));
            ip.plan(bridged)
        }
        None => {
            if let Some(name) = config.and_then(|c| c.hostname.as_deref()) {
                set_hostname(name, &mut done);
            }
            match config.and_then(|c| c.network.clone()) {
                Some(plan) => plan,
                None => {
                    done.push(
                        "no address (no ip= on the kernel command line, no network-config)".into(),
                    );
                    return done.join(", ");
                }
            }
        }
    };
    let bridge_name = bridge.filter(|_| bridge_ready).map(|c| c.bridge.as_str());
    match mvirt_net::apply(&plan, bridge_name, Path::new(SYS_CLASS_NET)) {
        Ok(d) => done.push(d),
        Err(e) => done.push(format!("address NOT configured: {e}")),
    }
    done.join(", ")
}
