//! The host's config volume (docs/host.md): a vfat volume labelled CIDATA
//! (NoCloud's convention), found among the block devices by its boot
//! sector (`--config-volume auto`) or named (`mvirt.config=DEVICE`), read
//! whole into memory by [`mvirt_cidata::read`] and checked by
//! [`mvirt_config::parse`] before anything of it is used.
//!
//! A volume is taken whole or not at all, and an accepted one is kept on
//! the data disk (`/var/lib/mvirt/config`). A later boot whose volume is
//! missing, unreadable or refused uses the kept copy, so a host that was
//! reachable once stays reachable; without a kept copy it comes up as it
//! would without a volume (the kernel's `ip=`, the CA file on the data
//! disk, the unix socket). Every problem is printed on the console and
//! shown by `mvirt status`.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use mvirt_cidata::Seed;
use mvirt_config::HostConfig;

use crate::datadisk::{self, Choice};

/// The kernel command line word naming the config volume.
pub const CONFIG_PARAM: &str = "mvirt.config=";

/// Where an accepted volume's files are kept, under the data directory.
pub const KEPT: &str = "config";

/// What was found, and what it says.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The checked configuration, if a volume was found and accepted.
    pub config: Option<HostConfig>,
    /// The accepted volume's files, to keep.
    pub seed: Option<Seed>,
    /// One line for the console and `mvirt status`.
    pub detail: String,
}

impl Loaded {
    fn nothing(detail: String) -> Loaded {
        Loaded {
            detail,
            ..Loaded::default()
        }
    }
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
pub fn read(device: &Path, block_only: bool, bridge: &str) -> Result<(Seed, HostConfig), String> {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(device)
        .map_err(|e| e.to_string())?;
    let kind = file.metadata().map_err(|e| e.to_string())?.file_type();
    if block_only && !kind.is_block_device() {
        return Err("not a block device".into());
    }
    // One open, one pass: the head is checked, then read again from memory.
    let mut head = Vec::new();
    (&mut file)
        .take(mvirt_cidata::HEAD)
        .read_to_end(&mut head)
        .map_err(|e| e.to_string())?;
    if mvirt_cidata::iso9660_cidata(&head) {
        return Err(
            "an iso9660 volume, which this host does not read: write a vfat one \
                    (`mvirt-cidata make`, docs/host.md)"
                .into(),
        );
    }
    let file = std::io::Cursor::new(head).chain(file);
    let seed = mvirt_cidata::read(file).map_err(|e| e.to_string())?;
    let config = mvirt_config::parse(&seed, bridge).map_err(|e| e.to_string())?;
    Ok((seed, config))
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
        Choice::None => return Loaded::nothing("none (--config-volume none)".into()),
        Choice::Device(d) => d.clone(),
        Choice::Auto => match find(sys, dev, block_only) {
            Ok(Some(d)) => d,
            Ok(None) => return Loaded::nothing("none (no volume labelled CIDATA)".into()),
            Err(e) => return Loaded::nothing(format!("NOT used: {e}")),
        },
    };
    match read(&device, block_only, bridge) {
        Ok((seed, c)) => Loaded {
            detail: format!("{}: {}", device.display(), mvirt_config::summary(&c)),
            config: Some(c),
            seed: Some(seed),
        },
        Err(e) => Loaded::nothing(format!(
            "{} REJECTED, nothing of it is used: {e}",
            device.display()
        )),
    }
}

/// Keeps an accepted volume's files in `data_dir`/[`KEPT`], each written
/// atomically; a file the volume no longer has is removed.
pub fn keep(seed: &Seed, data_dir: &Path) -> std::io::Result<()> {
    let dir = data_dir.join(KEPT);
    std::fs::create_dir_all(&dir)?;
    for name in mvirt_cidata::NAMES {
        match seed.files.get(name) {
            Some(bytes) => mvirt_atomic::write(dir.join(name), bytes, 0o600)?,
            None => match std::fs::remove_file(dir.join(name)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            },
        }
    }
    Ok(())
}

/// The configuration kept by [`keep`] in `data_dir`, checked again; None
/// when nothing is kept.
pub fn kept(data_dir: &Path, bridge: &str) -> Option<Result<HostConfig, String>> {
    let dir = data_dir.join(KEPT);
    if !dir.is_dir() {
        return None;
    }
    let mut seed = Seed::default();
    for name in mvirt_cidata::NAMES {
        match mvirt_atomic::read_input(dir.join(name), mvirt_cidata::MAX_FILE) {
            Ok(bytes) => {
                if let Err(e) = seed.add(name, bytes) {
                    return Some(Err(e.to_string()));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Some(Err(format!("{}: {e}", dir.join(name).display()))),
        }
    }
    Some(mvirt_config::parse(&seed, bridge).map_err(|e| e.to_string()))
}

/// After the data disk is mounted on `data_dir` (`writable` or not): keeps
/// an accepted volume, or, when none was accepted (and the volume was not
/// turned off), falls back to the kept one, saying so in the detail.
pub fn settle(loaded: &mut Loaded, choice: &Choice, data_dir: &Path, writable: bool, bridge: &str) {
    if let Some(seed) = &loaded.seed {
        if writable {
            if let Err(e) = keep(seed, data_dir) {
                loaded.detail += &format!(" (NOT kept on the data disk: {e})");
            }
        }
        return;
    }
    if *choice == Choice::None {
        return;
    }
    match kept(data_dir, bridge) {
        None => {}
        Some(Ok(c)) => {
            loaded.detail += &format!(
                "; using the config kept on the data disk from the last accepted volume: {}",
                mvirt_config::summary(&c)
            );
            loaded.config = Some(c);
        }
        Some(Err(e)) => {
            loaded.detail += &format!("; the config kept on the data disk is refused too: {e}")
        }
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
        assert_eq!(got.config.as_ref().unwrap().hostname.as_deref(), Some("h2"));
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
    fn an_accepted_volume_is_kept_and_stands_in_for_a_refused_or_missing_one() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let good = dir.path().join("good");
        std::fs::write(&good, volume(&[("meta-data", "local-hostname: h3\n")])).unwrap();
        let bad = dir.path().join("bad");
        let refused = volume(&[
            ("meta-data", "local-hostname: h3\n"),
            ("user-data", "#cloud-config\n"),
        ]);
        std::fs::write(&bad, refused).unwrap();
        let load = |d: &Path| {
            load_from(
                &Choice::Device(d.to_path_buf()),
                "mvirt0",
                dir.path(),
                dir.path(),
                false,
            )
        };
        // Nothing kept yet: a refused volume leaves no config.
        let mut first = load(&bad);
        settle(&mut first, &Choice::Auto, &data, true, "mvirt0");
        assert!(first.config.is_none(), "{}", first.detail);
        // Accepted on a writable disk: kept.
        let mut ok = load(&good);
        settle(&mut ok, &Choice::Auto, &data, true, "mvirt0");
        let kept_meta = || std::fs::read(data.join("config/meta-data")).unwrap();
        assert_eq!(kept_meta(), b"local-hostname: h3\n");
        // Then refused: the kept one is used, and the detail says both.
        let mut later = load(&bad);
        settle(&mut later, &Choice::Auto, &data, true, "mvirt0");
        assert_eq!(later.config.unwrap().hostname.as_deref(), Some("h3"));
        assert!(
            later.detail.contains("REJECTED") && later.detail.contains("kept on the data disk"),
            "{}",
            later.detail
        );
        // Turned off: nothing of it.
        let mut off = load_from(&Choice::None, "mvirt0", dir.path(), dir.path(), false);
        settle(&mut off, &Choice::None, &data, true, "mvirt0");
        assert!(off.config.is_none());
        // A kept copy someone damaged is refused too, and said so.
        std::fs::write(data.join("config/meta-data"), "local-hostname: -\n").unwrap();
        let mut damaged = load(&bad);
        settle(&mut damaged, &Choice::Auto, &data, true, "mvirt0");
        assert!(damaged.config.is_none(), "{}", damaged.detail);
        assert!(damaged.detail.contains("refused too"), "{}", damaged.detail);
        // A read-only disk keeps nothing new.
        let mut ro = load(&good);
        settle(&mut ro, &Choice::Auto, &data, false, "mvirt0");
        assert_eq!(kept_meta(), b"local-hostname: -\n");
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
