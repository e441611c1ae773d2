//! The host's own address and name, from the kernel's `ip=` (see
//! [`mvirt_net::param`]), applied once at startup. When `ip=`'s device is
//! the bridge's uplink, the address goes on the bridge: a bridge port
//! carries no address of its own.

use crate::net;

/// Applies the command line's `ip=`; returns what was done or why not,
/// for the console and `mvirt status`. Never fails: a host whose network
/// is misconfigured still serves its unix socket.
pub fn configure(cmdline: &str, bridge: Option<&net::Config>, bridge_ready: bool) -> String {
    let ip = match mvirt_net::from_cmdline(cmdline) {
        None => return "none (no ip= on the kernel command line)".into(),
        Some(Err(e)) => return format!("NOT configured: {e}"),
        Some(Ok(ip)) => ip,
    };
    let mut done = Vec::new();
    if let Some(name) = &ip.hostname {
        match rustix::system::sethostname(name.as_bytes()) {
            Ok(()) => done.push(format!("hostname {name}")),
            Err(e) => done.push(format!("hostname {name} NOT set: {e}")),
        }
    }
    let on = match bridge {
        Some(c) if bridge_ready && c.uplink.as_deref() == Some(ip.device.as_str()) => {
            c.bridge.clone()
        }
        _ => ip.device.clone(),
    };
    match mvirt_net::apply(&ip, &on) {
        Ok(d) => done.push(d),
        Err(e) => done.push(format!("address NOT configured: {e}")),
    }
    done.join(", ")
}
