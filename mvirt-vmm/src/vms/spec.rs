//! What a VM spec may say, and the cloud-hypervisor command line it gives.

use std::path::Path;

use mvirt_api::{NetInfo, VmInfo, VmSpec};

use super::{refuse, Refusal};
use crate::net;

pub(super) fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 32
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
}

/// The network interface a spec asks for.
pub(super) fn net_info(spec: &VmSpec, bridge: Option<&str>) -> Option<NetInfo> {
    let mac = net::mac_for(&spec.name);
    if spec.net {
        Some(NetInfo {
            tap: net::tap_name(&spec.name),
            managed: true,
            mac,
            bridge: bridge.map(str::to_string),
        })
    } else {
        spec.tap.as_ref().map(|tap| NetInfo {
            tap: tap.clone(),
            managed: false,
            mac,
            bridge: None,
        })
    }
}

/// Every check of a create: the spec's shape and its files.
pub(super) fn validate(spec: &VmSpec) -> Result<(), Refusal> {
    validate_shape(spec)?;
    check_files(spec)
}

/// The files a spec names (kernel, initramfs, firmware, disks) are regular
/// files now: at create, and again at every start, since a path checked
/// once may name something else later. (A symlink is followed: its target
/// must be a regular file.)
pub(super) fn check_files(spec: &VmSpec) -> Result<(), Refusal> {
    let files = spec
        .kernel
        .iter()
        .map(|k| ("kernel", k))
        .chain(spec.initramfs.iter().map(|i| ("initramfs", i)))
        .chain(spec.firmware.iter().map(|f| ("firmware", f)))
        .chain(spec.disks.iter().map(|d| ("disk", d)));
    for (what, path) in files {
        match std::fs::metadata(path) {
            Ok(m) if m.is_file() => {}
            Ok(m) => {
                return Err(refuse(
                    400,
                    format!(
                        "{what} {path}: not a regular file but {}",
                        mvirt_atomic::type_name(m.file_type())
                    ),
                ))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(refuse(400, format!("{what} {path}: no such file")))
            }
            Err(e) => return Err(refuse(400, format!("{what} {path}: {e}"))),
        }
    }
    Ok(())
}

/// What a spec says, without looking at the files it names: for a create,
/// and for a state file read at startup.
pub(super) fn validate_shape(spec: &VmSpec) -> Result<(), Refusal> {
    if !valid_name(&spec.name) {
        return Err(refuse(
            400,
            format!(
                "bad name {:?}: 1-32 characters of a-z, 0-9 and '-', not starting with '-'",
                spec.name
            ),
        ));
    }
    if spec.vcpus == 0 || spec.vcpus > 254 {
        return Err(refuse(
            400,
            format!("vcpus {} is out of range 1..=254", spec.vcpus),
        ));
    }
    if spec.memory_mib < 64 || spec.memory_mib > 4 << 20 {
        return Err(refuse(
            400,
            format!(
                "memory_mib {} is out of range 64..=4194304",
                spec.memory_mib
            ),
        ));
    }
    match (&spec.kernel, &spec.firmware) {
        (None, None) => return Err(refuse(400, "give a kernel (direct boot) or a firmware")),
        (Some(_), Some(_)) => {
            return Err(refuse(400, "give either a kernel or a firmware, not both"))
        }
        _ => {}
    }
    for path in &spec.disks {
        // cloud-hypervisor splits its option values at ','.
        if path.contains(',') {
            return Err(refuse(
                400,
                format!("disk {path}: a path with ',' cannot be passed to cloud-hypervisor"),
            ));
        }
    }
    if let Some(seed) = &spec.seed {
        super::seed::check(seed)?;
    }
    if let Some(tap) = &spec.tap {
        if spec.net {
            return Err(refuse(
                400,
                "give net (a tap mvirt-vmm makes) or tap (an existing one), not both",
            ));
        }
        if tap.is_empty()
            || tap.len() > net::MAX_IFNAME
            || tap.contains(['/', ',', '\0'])
            || tap.chars().any(char::is_whitespace)
        {
            return Err(refuse(400, format!("bad tap device name {tap:?}")));
        }
        if tap.starts_with("mv-") {
            return Err(refuse(
                400,
                format!("tap {tap}: names starting with mv- are mvirt-vmm's own taps (use --net for one)"),
            ));
        }
    }
    Ok(())
}

/// The cloud-hypervisor command line for a VM.
pub fn command_line(ch: &Path, vm: &VmInfo) -> Vec<String> {
    let s = &vm.spec;
    let mut args = vec![
        ch.display().to_string(),
        "--api-socket".into(),
        format!("path={}", vm.api_socket),
        "--cpus".into(),
        format!("boot={}", s.vcpus),
        "--memory".into(),
        format!("size={}M", s.memory_mib),
        "--serial".into(),
        format!("file={}", vm.serial_log),
        "--console".into(),
        "off".into(),
        // Its default, said out loud: the VMM runs under its seccomp filters.
        "--seccomp".into(),
        "true".into(),
    ];
    if let Some(k) = &s.kernel {
        args.extend(["--kernel".into(), k.clone()]);
    }
    if let Some(i) = &s.initramfs {
        args.extend(["--initramfs".into(), i.clone()]);
    }
    if let Some(c) = &s.cmdline {
        args.extend(["--cmdline".into(), c.clone()]);
    }
    if let Some(f) = &s.firmware {
        args.extend(["--firmware".into(), f.clone()]);
    }
    for d in &s.disks {
        args.extend(["--disk".into(), format!("path={d}")]);
    }
    if s.seed.is_some() {
        let seed = super::seed::disk_of(vm);
        args.extend([
            "--disk".into(),
            format!("path={},readonly=on", seed.display()),
        ]);
    }
    if let Some(n) = &vm.net {
        args.extend(["--net".into(), format!("tap={},mac={}", n.tap, n.mac)]);
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vms::test_info as info;

    #[test]
    fn the_command_line_keeps_seccomp_on_and_passes_the_tap_and_mac() {
        let vm = info(r#"{"name":"web","vcpus":2,"memory_mib":256,"kernel":"/k","net":true}"#);
        let argv = command_line(Path::new("/usr/bin/cloud-hypervisor"), &vm).join(" ");
        assert!(argv.contains("--seccomp true"), "{argv}");
        assert!(!argv.contains("--seccomp false"), "{argv}");
        let mac = net::mac_for("web");
        assert!(
            argv.ends_with(&format!("--net tap=mv-web,mac={mac}")),
            "{argv}"
        );
        let vm = info(r#"{"name":"web","vcpus":2,"memory_mib":256,"kernel":"/k","tap":"tap7"}"#);
        let argv = command_line(Path::new("ch"), &vm).join(" ");
        assert!(
            argv.ends_with(&format!("--net tap=tap7,mac={mac}")),
            "{argv}"
        );
        assert!(!vm.net.unwrap().managed);
    }

    #[test]
    fn names() {
        assert!(valid_name("vm-1"));
        for bad in ["", "-x", "UPPER", "a/b", &"x".repeat(33)] {
            assert!(!valid_name(bad), "{bad}");
        }
    }
}
