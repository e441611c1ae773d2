//! `mvirt-net apply` in a fresh network namespace (`unshare -n`, as root),
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
        "set -e; {setup}; set +e; \"$0\" \"$@\" > /tmp/.mvirt-net-$$ 2>&1; rc=$?; \
         echo \"rc=$rc\"; cat /tmp/.mvirt-net-$$; rm -f /tmp/.mvirt-net-$$; echo '---'; {check}"
    );
    let probe = Command::new("unshare").args(["-n", "ip", "link"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("*** SKIPPED: a network namespace (root, unshare) and iproute2 are needed");
        return None;
    }
    let out = Command::new("unshare")
        .args(["-n", "sh", "-c", &script, BIN])
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
        "mvirt-net: 10.9.0.5/24 on eth0, default route via 10.9.0.1"
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
    assert!(
        out.contains("interface eth9") && out.contains("No such device"),
        "{out}"
    );
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
