//! A VM's cloud-init NoCloud seed: completed with defaults at create
//! ([`complete`]), checked ([`check`]), and written at every start as a
//! FAT volume labelled CIDATA ([`write`], with `mvirt-cidata`) beside the
//! VM's other run files, attached read-only after its disks. Written at
//! each start, the volume always matches the definition.

use std::path::PathBuf;

use mvirt_api::{SeedSpec, VmInfo, VmSpec};

use super::{refuse, Refusal};

/// The most the three files may hold together: a create request's body
/// is at most 64 KiB, and JSON escaping can double a file's size.
pub const MAX_SEED_BYTES: usize = 24 << 10;

/// The seed volume of `vm`: `<run_dir>/<name>.seed`, beside its API socket.
pub fn disk_of(vm: &VmInfo) -> PathBuf {
    PathBuf::from(&vm.api_socket).with_extension("seed")
}

/// The static part of a default network-config: the address, and the
/// default route through the gateway; checked.
fn static_addressing(seed: &SeedSpec) -> Result<Option<String>, Refusal> {
    let bad = |why: String| refuse(400, format!("seed: {why}"));
    let Some(address) = &seed.address else {
        return match seed.gateway {
            Some(_) => Err(bad("a gateway needs an address".into())),
            None => Ok(None),
        };
    };
    let cidr = mvirt_net::v2::host_address(address).map_err(|why| bad(format!("address {why}")))?;
    let mut text = format!("    addresses: [{cidr}]\n");
    if let Some(gw) = &seed.gateway {
        let via =
            mvirt_net::v2::gateway_for(gw, &cidr).map_err(|why| bad(format!("gateway {why}")))?;
        text += &format!("    routes:\n      - to: default\n        via: {via}\n");
    }
    Ok(Some(text))
}

/// The defaults of a seed: meta-data naming the VM, and with a NIC a
/// network-config v2 matched by its MAC: DHCP, or the static address the
/// VM is created with. A static address needs a NIC and no network-config.
pub(super) fn complete(spec: &mut VmSpec, mac: Option<&str>) -> Result<(), Refusal> {
    let name = spec.name.clone();
    let Some(seed) = spec.seed.as_mut() else {
        return Ok(());
    };
    let addressing = static_addressing(seed)?;
    if addressing.is_some() && seed.network_config.is_some() {
        return Err(refuse(
            400,
            "seed: give either an address or a network-config, not both",
        ));
    }
    if addressing.is_some() && mac.is_none() {
        return Err(refuse(400, "seed: an address needs a NIC (--net or --tap)"));
    }
    if seed.meta_data.is_none() {
        seed.meta_data = Some(format!(
            "instance-id: mvirt-{name}\nlocal-hostname: {name}\n"
        ));
    }
    if let (None, Some(mac)) = (&seed.network_config, mac) {
        let addressing = addressing.unwrap_or_else(|| "    dhcp4: true\n".into());
        seed.network_config = Some(format!(
            "version: 2\nethernets:\n  nic0:\n    match:\n      macaddress: \"{mac}\"\n    \
             set-name: eth0\n{addressing}"
        ));
    }
    Ok(())
}

/// A YAML document that must be a mapping (or empty), or why not.
fn mapping(text: &str) -> Result<Option<yaml_serde::Mapping>, String> {
    match yaml_serde::from_str::<yaml_serde::Value>(text) {
        Ok(yaml_serde::Value::Mapping(m)) => Ok(Some(m)),
        Ok(yaml_serde::Value::Null) => Ok(None),
        Ok(_) => Err("is not a YAML mapping (key: value lines)".into()),
        Err(e) => Err(format!("is not valid YAML: {e}")),
    }
}

/// meta-data: a mapping whose `local-hostname` (a VM's name by default)
/// is a host name and whose `instance-id` is a non-empty string.
fn check_meta_data(text: &str) -> Result<(), String> {
    let Some(m) = mapping(text)? else {
        return Ok(());
    };
    if let Some(h) = m.get("local-hostname") {
        let Some(h) = h.as_str() else {
            return Err("local-hostname is not a string".into());
        };
        if mvirt_net::param::valid_hostname(h).is_err() {
            return Err(format!(
                "local-hostname {h:?} is not a host name (letters, digits and inner hyphens; \
                 dots between labels): give --meta-data with another local-hostname"
            ));
        }
    }
    if let Some(id) = m.get("instance-id") {
        if id.as_str().is_none_or(|s| s.trim().is_empty()) {
            return Err("instance-id is not a non-empty string".into());
        }
    }
    Ok(())
}

/// network-config: a mapping of version 1 or 2 (bare or under `network:`).
fn check_network_config(text: &str) -> Result<(), String> {
    let m = mapping(text)?.ok_or("is empty")?;
    let doc = match m.get("network") {
        Some(yaml_serde::Value::Mapping(inner)) => inner,
        Some(_) => return Err("network: is not a mapping".into()),
        None => &m,
    };
    match doc.get("version").and_then(yaml_serde::Value::as_u64) {
        Some(1 | 2) => Ok(()),
        _ => Err("needs version: 1 or version: 2".into()),
    }
}

/// user-data: a `#cloud-config` document must be a YAML mapping; other
/// forms (a script, MIME multipart, a jinja template) are passed as given.
fn check_user_data(text: &str) -> Result<(), String> {
    if text
        .lines()
        .next()
        .is_some_and(|l| l.trim_end() == "#cloud-config")
    {
        mapping(text)?;
    }
    Ok(())
}

/// A seed's files: within [`MAX_SEED_BYTES`] together, without NUL bytes
/// (cloud-init reads them as text), and each what cloud-init can read:
/// an error here, not a guest that silently ignores its configuration.
pub(super) fn check(seed: &SeedSpec) -> Result<(), Refusal> {
    let files = files(seed);
    let total: usize = files.iter().map(|(_, c)| c.len()).sum();
    if total > MAX_SEED_BYTES {
        return Err(refuse(
            413,
            format!("the seed's files hold {total} bytes, more than {MAX_SEED_BYTES}"),
        ));
    }
    if let Some((name, _)) = files.iter().find(|(_, c)| c.contains('\0')) {
        return Err(refuse(
            400,
            format!("seed {name}: a NUL byte in a text file"),
        ));
    }
    for (name, text) in files {
        let checked = match name {
            "meta-data" => check_meta_data(text),
            "network-config" => check_network_config(text),
            _ => check_user_data(text),
        };
        checked.map_err(|why| refuse(400, format!("seed {name}: {why}")))?;
    }
    Ok(())
}

fn files(seed: &SeedSpec) -> Vec<(&'static str, &str)> {
    [
        ("meta-data", &seed.meta_data),
        ("user-data", &seed.user_data),
        ("network-config", &seed.network_config),
    ]
    .into_iter()
    .filter_map(|(n, c)| Some((n, c.as_deref()?)))
    .collect()
}

/// Writes the seed volume of `vm`, if it has a seed (whole or not at all).
pub(super) fn write(vm: &VmInfo) -> Result<(), Refusal> {
    let Some(spec) = &vm.spec.seed else {
        return Ok(());
    };
    let mut seed = mvirt_cidata::Seed::default();
    for (name, content) in files(spec) {
        seed.add(name, content.as_bytes().to_vec())
            .map_err(|e| refuse(400, format!("seed: {e}")))?;
    }
    let image = mvirt_cidata::image(&seed).map_err(|e| refuse(500, format!("seed: {e}")))?;
    let path = disk_of(vm);
    mvirt_atomic::write(&path, &image, 0o600)
        .map_err(|e| refuse(500, format!("writing the seed {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> VmSpec {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn defaults_name_the_vm_and_match_its_mac() {
        let mut s = spec(r#"{"name":"web","vcpus":1,"memory_mib":64,"kernel":"/k","seed":{}}"#);
        complete(&mut s, Some("02:aa:bb:cc:dd:ee")).unwrap();
        let seed = s.seed.as_ref().unwrap();
        assert_eq!(
            seed.meta_data.as_deref(),
            Some("instance-id: mvirt-web\nlocal-hostname: web\n")
        );
        let net = seed.network_config.as_deref().unwrap();
        assert!(net.contains("macaddress: \"02:aa:bb:cc:dd:ee\"") && net.contains("dhcp4: true"));
        assert_eq!(seed.user_data, None);
        // Given files are kept; no NIC, no network-config.
        let mut s = spec(
            r#"{"name":"db","vcpus":1,"memory_mib":64,"kernel":"/k","seed":{"meta_data":"x: 1\n"}}"#,
        );
        complete(&mut s, None).unwrap();
        let seed = s.seed.unwrap();
        assert_eq!(seed.meta_data.as_deref(), Some("x: 1\n"));
        assert_eq!(seed.network_config, None);
        // No seed asked for: none made.
        let mut s = spec(r#"{"name":"db","vcpus":1,"memory_mib":64,"kernel":"/k"}"#);
        complete(&mut s, Some("02:00:00:00:00:01")).unwrap();
        assert_eq!(s.seed, None);
    }

    #[test]
    fn a_static_address_makes_the_default_network_config() {
        let with = |seed: &str| {
            let mut s = spec(&format!(
                r#"{{"name":"web","vcpus":1,"memory_mib":64,"kernel":"/k","seed":{seed}}}"#
            ));
            complete(&mut s, Some("02:aa:bb:cc:dd:ee")).map(|()| s.seed.unwrap())
        };
        let seed = with(r#"{"address":"10.0.2.30/24","gateway":"10.0.2.2"}"#).unwrap();
        let net = seed.network_config.unwrap();
        assert!(
            net.ends_with(
                "set-name: eth0\n    addresses: [10.0.2.30/24]\n    routes:\n      - to: default\n        via: 10.0.2.2\n"
            ),
            "{net}"
        );
        assert!(check_network_config(&net).is_ok());
        let seed = with(r#"{"address":"192.168.9.4/16"}"#).unwrap();
        assert!(!seed.network_config.unwrap().contains("routes"));
        for (bad, says) in [
            (r#"{"address":"10.0.2.30"}"#, "needs a prefix length"),
            (
                r#"{"address":"10.0.2.30/24","gateway":"10.0.3.1"}"#,
                "gateway",
            ),
            (r#"{"address":"fd00::1/64"}"#, "IPv6"),
            (r#"{"gateway":"10.0.2.2"}"#, "needs an address"),
            (
                r#"{"address":"10.0.2.30/24","network_config":"version: 2\n"}"#,
                "not both",
            ),
        ] {
            let r = with(bad).unwrap_err();
            assert!(
                r.status == 400 && r.message.contains(says),
                "{bad}: {}",
                r.message
            );
        }
        let mut no_nic = spec(
            r#"{"name":"web","vcpus":1,"memory_mib":64,"kernel":"/k","seed":{"address":"10.0.2.30/24"}}"#,
        );
        assert!(complete(&mut no_nic, None)
            .unwrap_err()
            .message
            .contains("needs a NIC"));
    }

    #[test]
    fn too_much_or_binary_is_refused() {
        let big = SeedSpec {
            user_data: Some("x".repeat(MAX_SEED_BYTES + 1)),
            ..SeedSpec::default()
        };
        assert_eq!(check(&big).unwrap_err().status, 413);
        let nul = SeedSpec {
            meta_data: Some("a\0b".into()),
            ..SeedSpec::default()
        };
        assert!(check(&nul).unwrap_err().message.contains("meta-data"));
        assert!(check(&SeedSpec::default()).is_ok());
    }

    fn refused(seed: SeedSpec) -> String {
        let r = check(&seed).unwrap_err();
        assert_eq!(r.status, 400, "{}", r.message);
        r.message
    }

    #[test]
    fn files_cloud_init_would_ignore_are_refused_at_create() {
        let meta = |t: &str| SeedSpec {
            meta_data: Some(t.into()),
            ..SeedSpec::default()
        };
        let net = |t: &str| SeedSpec {
            network_config: Some(t.into()),
            ..SeedSpec::default()
        };
        let user = |t: &str| SeedSpec {
            user_data: Some(t.into()),
            ..SeedSpec::default()
        };
        for (seed, says) in [
            (
                meta("local-hostname: web-\n"),
                "seed meta-data: local-hostname",
            ),
            (
                meta("local-hostname: [a]\n"),
                "seed meta-data: local-hostname",
            ),
            (meta("instance-id: \"\"\n"), "instance-id"),
            (meta("a: [\n"), "seed meta-data: is not valid YAML"),
            (meta("- a\n"), "not a YAML mapping"),
            (net("version: 3\n"), "seed network-config: needs version"),
            (net(""), "seed network-config: is empty"),
            (net("network: 2\n"), "network: is not a mapping"),
            (net("version: 2\nethernets: {a: [}\n"), "not valid YAML"),
            (
                user("#cloud-config\nusers: [\n"),
                "seed user-data: is not valid YAML",
            ),
            (user("#cloud-config\n- runcmd\n"), "not a YAML mapping"),
        ] {
            let m = refused(seed);
            assert!(m.contains(says), "{m}");
        }
        for ok in [
            meta("instance-id: i-1\nlocal-hostname: web.example\npublic-keys: [x]\n"),
            meta(""),
            net("network:\n  version: 1\n  config: []\n"),
            user("#!/bin/sh\necho [unbalanced\n"),
            user("#cloud-config\n"),
            user("## template: jinja\n#cloud-config\n{{ x }}\n"),
        ] {
            assert!(check(&ok).is_ok(), "{ok:?}");
        }
    }
}
