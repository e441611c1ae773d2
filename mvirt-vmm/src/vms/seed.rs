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

/// The defaults of a seed: meta-data naming the VM, and with a NIC a
/// network-config v2 that runs DHCP on it, matched by its MAC.
pub(super) fn complete(spec: &mut VmSpec, mac: Option<&str>) {
    let name = spec.name.clone();
    let Some(seed) = spec.seed.as_mut() else {
        return;
    };
    if seed.meta_data.is_none() {
        seed.meta_data = Some(format!(
            "instance-id: mvirt-{name}\nlocal-hostname: {name}\n"
        ));
    }
    if let (None, Some(mac)) = (&seed.network_config, mac) {
        seed.network_config = Some(format!(
            "version: 2\nethernets:\n  nic0:\n    match:\n      macaddress: \"{mac}\"\n    \
             set-name: eth0\n    dhcp4: true\n"
        ));
    }
}

/// A seed's files: within [`MAX_SEED_BYTES`] together, without NUL bytes
/// (cloud-init reads them as text).
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
        complete(&mut s, Some("02:aa:bb:cc:dd:ee"));
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
        complete(&mut s, None);
        let seed = s.seed.unwrap();
        assert_eq!(seed.meta_data.as_deref(), Some("x: 1\n"));
        assert_eq!(seed.network_config, None);
        // No seed asked for: none made.
        let mut s = spec(r#"{"name":"db","vcpus":1,"memory_mib":64,"kernel":"/k"}"#);
        complete(&mut s, Some("02:00:00:00:00:01"));
        assert_eq!(s.seed, None);
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
}
