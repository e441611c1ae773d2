//! The host's config volume (docs/host.md): a vfat volume labelled CIDATA
//! (NoCloud's convention), found among the block devices by its boot
//! sector (`--config-volume auto`) or named (`mvirt.config=DEVICE`), read
//! whole into memory by [`mvirt_cidata::read`] and checked by
//! [`mvirt_config::parse`] before anything of it is used.
//!
//! A volume is taken whole or not at all. One that cannot be read or is
//! refused leaves the host as it would be without one (the kernel's
//! `ip=`, the CA file on the data disk, the unix socket), and every
//! problem is printed on the console and shown by `mvirt status`.

use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use mvirt_config::HostConfig;

use crate::datadisk::{self, Choice};

/// The kernel command line word naming the config volume.
pub const CONFIG_PARAM: &str = "mvirt.config=";

/// What was found, and what it says.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The checked configuration, if a volume was found and accepted.
    pub config: Option<HostConfig>,
    /// One line for the console and `mvirt status`.
    pub detail: String,
}

fn is_cidata(head: &[u8]) -> bool {
    mvirt_cidata::boot_label(head).is_some_and(|l| l == mvirt_cidata::LABEL || l == "cidata")
        || mvirt_cidata::iso9660_cidata(head)
}

/// The one volume labelled CIDATA among `sys_class_block`'s devices.
pub fn find(
    sys_class_block: &Path,
    dev: &Path,
    block_only: bool,
) -> Result<Option<PathBuf>, String> {
    let found = datadisk::find_by(
        sys_class_block,
        dev,
        block_only,
        mvirt_cidata::HEAD,
        is_cidata,
    )
    .map_err(|e| e.to_string())?;
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        many => Err(format!(
            "more than one volume is labelled CIDATA ({}); name the one to use with the \
             kernel argument {CONFIG_PARAM}DEVICE",
            many.iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Reads and checks the volume on `device`.
pub fn read(device: &Path, block_only: bool, bridge: &str) -> Result<HostConfig, String> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(device)
        .map_err(|e| e.to_string())?;
    let kind = file.metadata().map_err(|e| e.to_string())?.file_type();
    if block_only && !kind.is_block_device() {
        return Err("not a block device".into());
    }
    let head =
        datadisk::read_head(device, block_only, mvirt_cidata::HEAD).map_err(|e| e.to_string())?;
    if mvirt_cidata::iso9660_cidata(&head) {
        return Err(
            "an iso9660 volume, which this host does not read: write a vfat one \
                    (`mvirt-cidata make`, docs/host.md)"
                .into(),
        );
    }
    let seed = mvirt_cidata::read(file).map_err(|e| e.to_string())?;
    mvirt_config::parse(&seed, bridge).map_err(|e| e.to_string())
}

/// Finds, reads and checks the config volume `choice` names. Never fails:
/// the result says what was taken, or why nothing was.
pub fn load(choice: &Choice, bridge: &str) -> Loaded {
    load_from(
        choice,
        bridge,
        Path::new("/sys/class/block"),
        Path::new("/dev"),
        true,
    )
}

/// [`load`], searching `sys_class_block` and `dev` (for tests).
pub fn load_from(
    choice: &Choice,
    bridge: &str,
    sys: &Path,
    dev: &Path,
    block_only: bool,
) -> Loaded {
    let device = match choice {
        Choice::None => {
            return Loaded {
                config: None,
                detail: "none (--config-volume none)".into(),
            }
        }
        Choice::Device(d) => d.clone(),
        Choice::Auto => match find(sys, dev, block_only) {
            Ok(Some(d)) => d,
            Ok(None) => {
                return Loaded {
                    config: None,
                    detail: "none (no volume labelled CIDATA)".into(),
                }
            }
            Err(e) => {
                return Loaded {
                    config: None,
                    detail: format!("NOT used: {e}"),
                }
            }
        },
    };
    match read(&device, block_only, bridge) {
        Ok(c) => Loaded {
            detail: format!("{}: {}", device.display(), mvirt_config::summary(&c)),
            config: Some(c),
        },
        Err(e) => Loaded {
            config: None,
            detail: format!("{} REJECTED, nothing of it is used: {e}", device.display()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn volume(files: &[(&str, &str)]) -> Vec<u8> {
        let mut s = mvirt_cidata::Seed::default();
        for (n, t) in files {
            s.add(n, t.as_bytes().to_vec()).unwrap();
        }
        mvirt_cidata::image(&s).unwrap()
    }

    #[test]
    fn the_volume_is_found_by_label_read_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let (sys, dev) = (dir.path().join("sys"), dir.path().join("dev"));
        std::fs::create_dir_all(&sys).unwrap();
        std::fs::create_dir_all(&dev).unwrap();
        let disk = |name: &str, bytes: Vec<u8>| {
            std::fs::create_dir(sys.join(name)).unwrap();
            std::fs::write(dev.join(name), bytes).unwrap();
        };
        let load = |c: &Choice| load_from(c, "mvirt0", &sys, &dev, false);
        assert!(load(&Choice::Auto).detail.starts_with("none"));
        disk("vda", vec![0u8; 65536]);
        disk("vdb", volume(&[("meta-data", "local-hostname: h2\n")]));
        let got = load(&Choice::Auto);
        assert_eq!(got.config.unwrap().hostname.as_deref(), Some("h2"));
        assert!(got.detail.ends_with("vdb: hostname h2"), "{}", got.detail);
        // A second one: neither is guessed at.
        disk("vdc", volume(&[("meta-data", "local-hostname: -x\n")]));
        let two = load(&Choice::Auto);
        assert!(
            two.config.is_none() && two.detail.contains("mvirt.config="),
            "{}",
            two.detail
        );
        // Named: a refused one is refused whole, with its reason.
        let bad = load(&Choice::Device(dev.join("vdc")));
        assert!(bad.config.is_none());
        assert!(
            bad.detail.contains("REJECTED") && bad.detail.contains("local-hostname"),
            "{}",
            bad.detail
        );
        let blank = load(&Choice::Device(dev.join("vda")));
        assert!(
            blank.config.is_none() && blank.detail.contains("REJECTED"),
            "{}",
            blank.detail
        );
        // A regular file where a block device must be.
        let real = load_from(&Choice::Device(dev.join("vdb")), "mvirt0", &sys, &dev, true);
        assert!(
            real.detail.contains("not a block device"),
            "{}",
            real.detail
        );
    }

    #[test]
    fn an_iso9660_cidata_is_named_not_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let iso = dir.path().join("sr0");
        let mut bytes = vec![0u8; 0x9000];
        bytes[0x8001..0x8006].copy_from_slice(b"CD001");
        bytes[0x8028..0x8048].copy_from_slice(format!("{:<32}", "CIDATA").as_bytes());
        std::fs::write(&iso, bytes).unwrap();
        let got = load_from(
            &Choice::Device(iso),
            "mvirt0",
            dir.path(),
            dir.path(),
            false,
        );
        assert!(got.detail.contains("iso9660"), "{}", got.detail);
    }
}
