//! network-config v2: the forms operators write parse into the plan they
//! mean; every unsupported or hostile shape is refused by its path.

use std::net::Ipv4Addr;

use mvirt_net::plan::{parse_mac, Cidr, Device, Route};
use mvirt_net::v2::{parse, V2Error};

fn cidr(a: [u8; 4], prefix: u8) -> Cidr {
    Cidr {
        address: Ipv4Addr::from(a),
        prefix,
    }
}

fn default_via(a: [u8; 4]) -> Route {
    Route {
        to: cidr([0, 0, 0, 0], 0),
        via: Ipv4Addr::from(a),
    }
}

#[test]
fn an_uplink_on_the_bridge_by_mac() {
    let plan = parse(
        "version: 2\n\
         ethernets:\n  uplink:\n    match:\n      macaddress: \"52:54:00:AB:CD:EF\"\n\
         bridges:\n  mvirt0:\n    interfaces: [uplink]\n    addresses: [10.0.2.15/24]\n\
         \x20   routes:\n      - to: default\n        via: 10.0.2.2\n\
         \x20   nameservers:\n      addresses: [10.0.2.3]\n      search: [example.org]\n",
        "mvirt0",
    )
    .unwrap();
    assert!(plan.interfaces.is_empty());
    let b = plan.bridge.unwrap();
    assert_eq!(
        b.uplink,
        Device::Mac(parse_mac("52:54:00:ab:cd:ef").unwrap())
    );
    assert_eq!(b.addressing.addresses, vec![cidr([10, 0, 2, 15], 24)]);
    assert_eq!(b.addressing.routes, vec![default_via([10, 0, 2, 2])]);
    assert_eq!(
        plan.nameservers,
        vec!["10.0.2.3".parse::<std::net::IpAddr>().unwrap()]
    );
}

#[test]
fn interfaces_by_name_with_gateway4_routes_and_the_network_wrapper() {
    let plan = parse(
        "network:\n  version: 2\n  renderer: networkd\n  ethernets:\n\
         \x20   eth0:\n      addresses: [192.168.7.2/24, 10.9.0.1/16]\n      gateway4: 192.168.7.1\n\
         \x20     routes: [{to: 172.16.0.0/12, via: 10.9.0.254}]\n\
         \x20   storage:\n      match: {name: ens4}\n      dhcp4: false\n",
        "mvirt0",
    )
    .unwrap();
    assert!(plan.bridge.is_none());
    let (dev, a) = &plan.interfaces[0];
    assert_eq!(dev, &Device::Name("eth0".into()));
    assert_eq!(
        a.addresses,
        vec![cidr([192, 168, 7, 2], 24), cidr([10, 9, 0, 1], 16)]
    );
    assert_eq!(
        a.routes,
        vec![
            Route {
                to: cidr([172, 16, 0, 0], 12),
                via: Ipv4Addr::new(10, 9, 0, 254)
            },
            default_via([192, 168, 7, 1]),
        ]
    );
    assert_eq!(plan.interfaces[1].0, Device::Name("ens4".into()));
    assert!(plan.interfaces[1].1.addresses.is_empty());
}

fn refused(text: &str) -> V2Error {
    match parse(text, "mvirt0") {
        Ok(p) => panic!("accepted {text:?}: {p:?}"),
        Err(e) => e,
    }
}

fn refused_at(text: &str, path: &str) {
    match refused(text) {
        V2Error::Invalid { at, .. } => assert_eq!(at, path, "{text}"),
        e => panic!("{text}: not refused at {path}: {e}"),
    }
}

#[test]
fn unsupported_shapes_are_refused_by_their_path() {
    let eth = |body: &str| format!("version: 2\nethernets:\n  eth0:\n{body}");
    for (body, at) in [
        ("    dhcp4: true\n", "ethernets.eth0.dhcp4"),
        ("    dhcp6: true\n", "ethernets.eth0.dhcp6"),
        ("    set-name: wan\n", "ethernets.eth0.set-name"),
        ("    addresses: [\"fd00::2/64\"]\n", "ethernets.eth0.addresses[0]"),
        ("    addresses: [10.0.0.2]\n", "ethernets.eth0.addresses[0]"),
        ("    addresses: [10.0.0.2/33]\n", "ethernets.eth0.addresses[0]"),
        ("    addresses: [10.0.0.2/0]\n", "ethernets.eth0.addresses[0]"),
        ("    addresses: [127.0.0.2/8]\n", "ethernets.eth0.addresses[0]"),
        ("    addresses: [224.0.0.1/4]\n", "ethernets.eth0.addresses[0]"),
        ("    addresses: [10.0.0.2/24]\n    gateway4: 10.0.1.1\n", "ethernets.eth0.gateway4.via"),
        ("    addresses: [10.0.0.2/24]\n    gateway4: 10.0.0.2\n", "ethernets.eth0.gateway4.via"),
        ("    gateway4: 10.0.0.1\n", "ethernets.eth0.gateway4.via"),
        (
            "    addresses: [10.0.0.2/24]\n    routes: [{to: 10.1.0.1/16, via: 10.0.0.1}]\n",
            "ethernets.eth0.routes[0].to",
        ),
        (
            "    addresses: [10.0.0.2/24]\n    gateway4: 10.0.0.1\n    routes: [{to: default, via: 10.0.0.3}]\n",
            "routes",
        ),
        ("    match: {macaddress: \"52:54:00:ab:cd\"}\n", "ethernets.eth0.match.macaddress"),
        ("    match: {name: \"en*\"}\n", "ethernets.eth0.match.name"),
        ("    match: {name: \"../x\"}\n", "ethernets.eth0.match.name"),
        (
            "    match: {name: eth1, macaddress: \"52:54:00:ab:cd:ef\"}\n",
            "ethernets.eth0.match",
        ),
        ("    nameservers: {addresses: [dns.example]}\n", "ethernets.eth0.nameservers.addresses[0]"),
        ("    nameservers: {search: [\"-bad\"]}\n", "ethernets.eth0.nameservers.search[0]"),
    ] {
        refused_at(&eth(body), at);
    }
    refused_at("version: 1\nconfig: []\n", "version");
    refused_at(
        "version: 2\nethernets:\n  a-very-long-interface-name: {}\n",
        "ethernets.a-very-long-interface-name",
    );
    refused_at(
        "version: 2\nethernets:\n  a: {match: {name: eth0}}\n  b: {match: {name: eth0}}\n",
        "ethernets.b",
    );
    refused_at("- 1\n- 2\n", "network-config");
    refused_at("", "network-config");
    refused_at("version: two\n", "version");
    refused_at("ethernets: {}\n", "version");
    refused_at("network: {version: 3}\n", "version");
    refused_at(
        "version: 2\nbridges:\n  br0: {interfaces: [eth0]}\nethernets: {eth0: {}}\n",
        "bridges.br0",
    );
    refused_at(
        "version: 2\nbridges:\n  mvirt0: {interfaces: [eth1]}\nethernets: {eth0: {}}\n",
        "bridges.mvirt0.interfaces",
    );
    refused_at(
        "version: 2\nbridges:\n  mvirt0: {interfaces: [a, b]}\nethernets: {a: {}, b: {}}\n",
        "bridges.mvirt0.interfaces",
    );
    refused_at(
        "version: 2\nbridges:\n  mvirt0: {interfaces: [eth0]}\nethernets: {eth0: {addresses: [10.0.0.2/24]}}\n",
        "ethernets.eth0",
    );
}

#[test]
fn yaml_that_does_not_fit_the_schema_says_where() {
    for (text, says) in [
        ("version: 2\nwifis: {}\n", "unknown field `wifis`"),
        (
            "version: 2\nethernets:\n  eth0:\n    mtu: 9000\n",
            "unknown field `mtu`",
        ),
        (
            "version: 2\nethernets:\n  eth0:\n    dhcp4: yes\n",
            "line 4",
        ),
        ("version: 2\nethernets: [eth0]\n", "line 2"),
        ("version: 2\n  bad indent: [\n", "line"),
        ("network: {version: 2, extra: 1}\n", "unknown field `extra`"),
        (
            "network: {version: 2}\nversion: 2\n",
            "unknown field `version`",
        ),
    ] {
        match refused(text) {
            V2Error::Yaml(e) => assert!(e.contains(says), "{text:?}: {e}"),
            e => panic!("{text:?}: {e}"),
        }
    }
}

#[test]
fn aliases_cannot_blow_up_and_deep_nesting_is_an_error() {
    // A "billion laughs": each level doubles ten times.
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        text += &format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        );
    }
    text += "version: 2\n";
    let started = std::time::Instant::now();
    let _ = refused(&text);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    let deep = format!(
        "version: 2\nethernets: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let _ = refused(&deep);
}
