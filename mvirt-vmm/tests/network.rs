//! Guest networking at link level: the daemon and the cloud-hypervisor
//! TEST DOUBLE run (through nsenter) in fresh network and mount namespaces
//! held by a `sleep`, with their own sysfs, so the bridge and taps they make
//! never touch the machine running the test; the test reads them through
//! /proc/HOLDER/root/sys/class/net.
//!
//! Needs root, unshare and nsenter (util-linux), ip (iproute2) and a kernel
//! with bridge, veth and tun. Without them the test is skipped with a
//! message on stderr, unless MVIRT_REQUIRE_NETNS_TEST=1 makes that a failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::{wait_for, Host, DOUBLE};

/// Network and mount namespaces, held by a sleeping process.
struct Netns {
    holder: Child,
}

/// What the namespaces start with: sysfs of the new network namespace, a
/// probe that bridges work, a veth pair (up0 is the uplink), and a tap
/// `ut0` for a VM with `--tap EXISTING`.
const SETUP: &str = "set -e
mount -t sysfs sysfs /sys
test -c /dev/net/tun || { echo 'no /dev/net/tun (CONFIG_TUN?)' >&2; exit 1; }
ip link add probe0 type bridge || { echo 'cannot make a bridge (CONFIG_BRIDGE?)' >&2; exit 1; }
ip link del probe0
ip link add up0 type veth peer name up1
ip tuntap add mode tap name ut0 vnet_hdr
exec sleep 600";

impl Netns {
    fn new() -> Result<Netns, String> {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            return Err("needs root".into());
        }
        let mut holder = Command::new("unshare")
            .args(["--net", "--mount", "--", "sh", "-c", SETUP])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("unshare: {e}"))?;
        let pid = holder.id();
        // Ready when the holder is `sleep` (the setup has run).
        loop {
            if let Some(status) = holder.try_wait().unwrap() {
                let mut err = String::new();
                let _ = std::io::Read::read_to_string(&mut holder.stderr.take().unwrap(), &mut err);
                return Err(format!("namespace setup failed ({status}): {}", err.trim()));
            }
            let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            if comm.trim() == "sleep" {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        if Command::new("nsenter").arg("--version").output().is_err() {
            let _ = holder.kill();
            let _ = holder.wait();
            return Err("no nsenter".into());
        }
        Ok(Netns { holder })
    }

    /// `/sys/class/net/<rel>` inside the namespaces.
    fn sys(&self, rel: &str) -> PathBuf {
        PathBuf::from(format!("/proc/{}/root/sys/class/net", self.holder.id())).join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.sys(rel))
            .unwrap_or_else(|e| panic!("{}: {e}", self.sys(rel).display()))
            .trim()
            .to_string()
    }

    /// The command that runs a program inside the namespaces.
    fn prefix(&self) -> Vec<String> {
        let pid = self.holder.id().to_string();
        ["nsenter", "-t", &pid, "--net", "--mount", "--"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = self.holder.kill();
        let _ = self.holder.wait();
    }
}

fn netns_or_skip() -> Option<Netns> {
    match Netns::new() {
        Ok(ns) => Some(ns),
        Err(why) if std::env::var("MVIRT_REQUIRE_NETNS_TEST").as_deref() == Ok("1") => {
            panic!("network test cannot run: {why}")
        }
        Err(why) => {
            eprintln!(
                "\n*** SKIPPED: the link-level network test needs root, unshare, nsenter, ip \
                 and a kernel with bridge, veth and tun: {why} ***\n"
            );
            None
        }
    }
}

const POWER_BUTTON: &str = "powered off by the guest after the power button";

#[test]
fn net_vms_get_a_tap_in_the_bridge_while_they_run() {
    let Some(ns) = netns_or_skip() else { return };
    let mut host = Host::new();
    host.prefix = ns.prefix();
    let cmdline = host.path("cmdline");
    std::fs::write(&cmdline, "console=ttyS0 mvirt.uplink=up0 quiet\n").unwrap();
    let cmdline = cmdline.display().to_string();
    let from_cmdline = ["--kernel-cmdline", cmdline.as_str()];
    host.start_daemon_with(Path::new(DOUBLE), &[], &from_cmdline);

    // The bridge, with the uplink named on the kernel command line in it.
    let n = &host.json(&["status"])["network"];
    assert_eq!(n["bridge"], "mvirt0", "{n}");
    assert_eq!(n["uplink"], "up0", "{n}");
    assert_eq!(n["ready"], true, "{n}");
    assert_eq!(
        n["detail"],
        "bridge mvirt0 created and up, uplink up0 in it (the bridge has its MAC)"
    );
    assert!(ns.sys("mvirt0/bridge").exists());
    assert!(ns.sys("mvirt0/brif/up0").exists());
    assert_eq!(ns.read("mvirt0/address"), ns.read("up0/address"));
    assert!(host
        .ok(&["status"])
        .contains("network: bridge mvirt0 ready: bridge mvirt0 created and up"));

    // A VM with --net: its tap is made at start, in the bridge, up, with
    // the flags cloud-hypervisor opens it with, and the VM's MAC is passed.
    host.create_with("web", &["--net"]);
    let vm = host.json(&["vm", "get", "web"]);
    let net = &vm["net"];
    assert_eq!(net["tap"], "mv-web", "{vm}");
    assert_eq!(net["managed"], true);
    assert_eq!(net["bridge"], "mvirt0");
    let mac = net["mac"].as_str().unwrap().to_string();
    assert!(mac.starts_with("02:"), "{mac}");
    assert!(!ns.sys("mv-web").exists(), "a tap before the start");
    host.json(&["vm", "start", "web"]);
    assert!(ns.sys("mvirt0/brif/mv-web").exists());
    // IFF_TAP | IFF_NO_PI | IFF_VNET_HDR | IFF_PERSIST, no IFF_MULTI_QUEUE.
    assert_eq!(ns.read("mv-web/tun_flags"), "0x5802");
    let flags = u32::from_str_radix(ns.read("mv-web/flags").trim_start_matches("0x"), 16).unwrap();
    assert_eq!(flags & 1, 1, "mv-web is not up");
    let opened = format!("double: net tap=mv-web mac={mac}");
    wait_for("the double to open the tap", || {
        host.serial("web").contains(&opened)
    });
    assert!(host.ok(&["vm", "list"]).contains(&mac));
    assert!(host.ok(&["vm", "get", "web"]).contains(&format!(
        "net:        tap mv-web (managed, on bridge mvirt0), mac {mac}"
    )));
    // Gone when the VM stops.
    let vm = host.json(&["vm", "stop", "web"]);
    assert_eq!(vm["last_exit"], format!("{POWER_BUTTON} (exit status 0)"));
    assert!(!ns.sys("mv-web").exists(), "the tap outlived the VM");
    assert!(!ns.sys("mvirt0/brif/mv-web").exists());

    // Started again: the same MAC. Then the daemon dies and so does the
    // VM: the persistent tap stays, and the next daemon removes it. This
    // one gets the uplink from --uplink, and finds the bridge made.
    let pid = host.json(&["vm", "start", "web"])["pid"].as_u64().unwrap();
    wait_for("the double to open the tap again", || {
        host.serial("web").contains(&opened)
    });
    host.kill_daemon();
    Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    wait_for("the VM to die", || {
        !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| !s.contains(") Z"))
    });
    assert!(ns.sys("mv-web").exists(), "a persistent tap went by itself");
    host.start_daemon_with(Path::new(DOUBLE), &[], &["--uplink", "up0"]);
    assert!(
        !ns.sys("mv-web").exists(),
        "the leftover tap is still there"
    );
    assert!(host
        .daemon_log()
        .contains("removed web's leftover tap mv-web"));
    let n = &host.json(&["status"])["network"];
    assert_eq!(n["ready"], true, "{n}");
    assert_eq!(
        n["detail"],
        "bridge mvirt0 exists and up, uplink up0 in it (the bridge has its MAC)"
    );

    // A re-adopted VM's tap goes when it stops too.
    host.json(&["vm", "start", "web"]);
    host.kill_daemon();
    host.start_daemon_with(Path::new(DOUBLE), &[], &["--uplink", "up0"]);
    assert_eq!(host.json(&["vm", "get", "web"])["state"], "running");
    assert!(ns.sys("mvirt0/brif/mv-web").exists());
    host.json(&["vm", "stop", "web"]);
    assert!(
        !ns.sys("mv-web").exists(),
        "the adopted VM's tap outlived it"
    );

    // --tap EXISTING: passed with the VM's MAC, and left alone.
    host.create_with("ext", &["--tap", "ut0"]);
    let vm = host.json(&["vm", "start", "ext"]);
    assert_eq!(vm["net"]["managed"], false, "{vm}");
    let mac = vm["net"]["mac"].as_str().unwrap().to_string();
    let opened = format!("double: net tap=ut0 mac={mac}");
    wait_for("the double to open ut0", || {
        host.serial("ext").contains(&opened)
    });
    host.json(&["vm", "stop", "ext"]);
    assert!(ns.sys("ut0").exists(), "an existing tap was removed");
    host.ok(&["vm", "delete", "ext"]);
    host.ok(&["vm", "delete", "web"]);
}

#[test]
fn host_shutdown_removes_managed_taps_and_leaves_existing_ones() {
    let Some(ns) = netns_or_skip() else { return };
    let mut host = Host::new();
    host.prefix = ns.prefix();
    host.start_daemon_with(Path::new(DOUBLE), &[], &["--uplink", "up0"]);
    host.create_with("web", &["--net"]);
    host.create_with("ext", &["--tap", "ut0"]);
    for name in ["web", "ext"] {
        host.json(&["vm", "start", name]);
        wait_for("the double to open its tap", || {
            host.serial(name).contains("double: net tap=")
        });
    }
    assert!(ns.sys("mvirt0/brif/mv-web").exists());
    // As pideins stops it at host shutdown.
    host.signal_daemon(rustix::process::Signal::TERM, true);
    let status = host.wait_daemon(std::time::Duration::from_secs(30));
    assert!(status.success(), "{status}: {}", host.daemon_log());
    for name in ["web", "ext"] {
        assert_eq!(
            host.state_file(name)["last_exit"],
            format!("host shutdown: {POWER_BUTTON} (exit status 0)")
        );
    }
    assert!(!ns.sys("mv-web").exists(), "the tap outlived the shutdown");
    assert!(ns.sys("ut0").exists(), "an existing tap was removed");
}
