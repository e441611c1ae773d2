//! `mvirt-net apply` in a fresh network namespace (`unshare -n -m`, as
//! root, with its own /sys so that /sys/class/net shows the namespace's),
//! on veth and bridge interfaces made by iproute2, and read back by
//! iproute2 (`ip -j`): an independent reader of what the kernel holds.
//! Nothing outside the namespace is touched. Says SKIPPED without root,
//! unshare or iproute2.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-net");

/// Runs `setup` (shell, iproute2), then `mvirt-net ARGS`, then `check`
/// (shell) in one new network namespace; (mvirt-net's status, its output,
/// check's output). None when namespaces cannot be made here.
fn in_netns(setup: &str, args: &[&str], check: &str) -> Option<(bool, String, String)> {
    let script = format!(
        "set -e; mount -t sysfs sysfs /sys; {setup}; set +e; \"$0\" \"$@\" > /tmp/.mvirt-net-$$ 2>&1; rc=$?; \
         echo \"rc=$rc\"; cat /tmp/.mvirt-net-$$; rm -f /tmp/.mvirt-net-$$; echo '---'; {check}"
    );
    let probe = Command::new("unshare")
        .args([
            "-n",
            "-m",
            "sh",
            "-c",
            "mount -t sysfs sysfs /sys && ip link",
        ])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("*** SKIPPED: a network namespace (root, unshare) and iproute2 are needed");
        return None;
    }
    let out = Command::new("unshare")
        .args(["-n", "-m", "sh", "-c", &script, BIN])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the namespace's setup or check failed: {out:?}"
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (head, check) = text.split_once("---\n").unwrap();
    let (rc, output) = head.split_once('\n').unwrap();
    Some((rc == "rc=0", output.to_string(), check.to_string()))
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn a_static_address_and_default_route_are_set() {
    let Some((ok, out, check)) = in_netns(
        "ip link add eth0 type veth peer name peer0",
        &[
            "apply",
            "quiet ip=10.9.0.5::10.9.0.1:255.255.255.0:h1:eth0:off",
        ],
        "ip -j addr show dev eth0; ip -j route show default",
    ) else {
        return;
    };
    assert!(ok, "{out}");
    assert_eq!(
        out.trim(),
        "mvirt-net: 10.9.0.5/24 on eth0, default via 10.9.0.1"
    );
    let mut lines = check.lines();
    let addr = json(lines.next().unwrap());
    let link = &addr[0];
    assert!(
        link["flags"].as_array().unwrap().iter().any(|f| f == "UP"),
        "{link}"
    );
    let inet: Vec<_> = link["addr_info"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["family"] == "inet")
        .collect();
    assert_eq!(inet.len(), 1, "{link}");
    assert_eq!(inet[0]["local"], "10.9.0.5");
    assert_eq!(inet[0]["prefixlen"], 24);
    assert_eq!(inet[0]["broadcast"], "10.9.0.255");
    let routes = json(lines.next().unwrap());
    assert_eq!(routes[0]["gateway"], "10.9.0.1", "{routes}");
    assert_eq!(routes[0]["dev"], "eth0", "{routes}");
    assert_eq!(routes[0]["protocol"], "static", "{routes}");
}

#[test]
fn applying_twice_changes_nothing_and_the_bridge_can_hold_the_address() {
    let Some((ok, out, check)) = in_netns(
        "ip link add eth0 type veth peer name peer0; ip link add br0 type bridge; ip link set eth0 master br0; \
         \"$0\" apply 'ip=192.168.7.2::192.168.7.1:24::eth0' --on br0 >/dev/null",
        &["apply", "ip=192.168.7.2::192.168.7.1:24::eth0", "--on", "br0"],
        "ip -j -4 addr show; ip -j route show default",
    ) else {
        return;
    };
    assert!(ok, "{out}");
    let mut lines = check.lines();
    let addrs = json(lines.next().unwrap());
    let with_inet: Vec<(&str, usize)> = addrs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["ifname"].as_str().unwrap(),
                l["addr_info"].as_array().map_or(0, Vec::len),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(with_inet, [("br0", 1)], "{addrs}");
    let routes = json(lines.next().unwrap());
    assert_eq!(routes.as_array().unwrap().len(), 1, "{routes}");
    assert_eq!(routes[0]["dev"], "br0");
}

#[test]
fn errors_name_the_step_and_refused_values_touch_nothing() {
    let Some((ok, out, _)) = in_netns("true", &["apply", "ip=10.0.0.2:::24::eth9"], "true") else {
        return;
    };
    assert!(!ok);
    assert!(out.contains("no interface eth9"), "{out}");
    let Some((ok, out, check)) = in_netns(
        "ip link add eth0 type veth peer name peer0",
        &["apply", "ip=10.0.0.2::10.0.1.1:24::eth0"],
        "ip -j -4 addr show dev eth0",
    ) else {
        return;
    };
    assert!(!ok);
    assert!(
        out.contains("gw-ip") && out.contains("10.0.0.0/24"),
        "{out}"
    );
    let addrs = json(&check);
    let none = addrs
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["addr_info"].as_array().is_none_or(|a| a.is_empty()));
    assert!(none, "a refused ip= left an address: {addrs}");
    let Some((ok, out, _)) = in_netns("true", &["apply", "ip=dhcp"], "true") else {
        return;
    };
    assert!(!ok && out.contains("DHCP is not supported yet"), "{out}");
}

#[test]
fn a_network_config_finds_the_uplink_by_mac_and_puts_the_address_on_the_bridge() {
    let dir = std::env::temp_dir().join(format!("mvirt-net-v2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("network-config");
    std::fs::write(
        &file,
        "version: 2\nethernets:\n  up:\n    match: {macaddress: \"02:AA:00:00:00:07\"}\n  lan:\n    \
         match: {name: eth1}\n    addresses: [172.16.5.1/16]\n    routes: [{to: 10.20.0.0/16, via: 172.16.0.9}]\n\
         bridges:\n  br0:\n    interfaces: [up]\n    addresses: [192.168.7.2/24]\n    gateway4: 192.168.7.1\n",
    )
    .unwrap();
    let file = file.to_str().unwrap().to_string();
    let Some((ok, out, check)) = in_netns(
        "ip link add eth0 address 02:aa:00:00:00:07 type veth peer name peer0; \
         ip link add eth1 type veth peer name peer1; \
         ip link add br0 type bridge; ip link set eth0 master br0",
        &["apply-config", &file, "--bridge", "br0"],
        "ip -j -4 addr show; ip -j route show; ip -j link show dev eth0",
    ) else {
        return;
    };
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(ok, "{out}");
    let mut lines = check.lines();
    let addrs = json(lines.next().unwrap());
    let mut with_inet: Vec<(String, String)> = addrs
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| {
            let name = l["ifname"].as_str().unwrap().to_string();
            l["addr_info"].as_array().unwrap().iter().map(move |a| {
                (
                    name.clone(),
                    format!("{}/{}", a["local"].as_str().unwrap(), a["prefixlen"]),
                )
            })
        })
        .collect();
    with_inet.sort();
    assert_eq!(
        with_inet,
        [
            ("br0".into(), "192.168.7.2/24".into()),
            ("eth1".into(), "172.16.5.1/16".into())
        ],
        "{addrs}"
    );
    let routes = json(lines.next().unwrap());
    let via: Vec<(String, String, String)> = routes
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["gateway"].is_string())
        .map(|r| {
            (
                r["dst"].as_str().unwrap().to_string(),
                r["gateway"].as_str().unwrap().to_string(),
                r["dev"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        via,
        [
            ("default".into(), "192.168.7.1".into(), "br0".into()),
            ("10.20.0.0/16".into(), "172.16.0.9".into(), "eth1".into())
        ],
        "{routes}"
    );
    let link = json(lines.next().unwrap());
    assert!(
        link[0]["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "UP"),
        "{link}"
    );
}
