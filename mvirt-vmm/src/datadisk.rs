//! The data disk: where the host keeps what must survive a reboot (VM
//! definitions, pushed images, the server's TLS identity), mounted at
//! `/var/lib/mvirt` before the daemon reads any of it.
//!
//! The disk is an ext4 file system labelled [`LABEL`], found among the
//! block devices by reading each one's superblock (`--data-disk auto`), or
//! a device named on the command line or by the kernel's `mvirt.data=`
//! word. Nothing here ever formats a disk: a disk without ext4 is refused
//! with the command that formats it, so a wrong device name cannot erase
//! an operator's data. Without a data disk the state lives in RAM, and
//! `mvirt status` says so.
//!
//! A disk that mounts only read-only (a read-only device, or ext4 that
//! found errors) is mounted read-only: the VMs on it are listed, and every
//! change is refused with the file system's error.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use mvirt_api::Storage;
use rustix::mount::{mount, MountFlags};

/// The label `--data-disk auto` looks for (at most 16 bytes, ext4's limit).
pub const LABEL: &str = "mvirt-data";

/// The kernel command line word naming the data disk: `mvirt.data=DEVICE`
/// (or `auto`, or `none`).
pub const DATA_PARAM: &str = "mvirt.data=";

/// Where ext4's superblock starts, and the offsets in it.
const SUPERBLOCK: usize = 1024;
const MAGIC_AT: usize = 0x38;
const LABEL_AT: usize = 0x78;
const EXT4_MAGIC: u16 = 0xef53;

/// Which disk keeps the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// None: the state lives in RAM.
    None,
    /// The one ext4 volume labelled [`LABEL`], if there is one.
    Auto,
    /// This block device (`/dev/...`), which must hold ext4.
    Device(PathBuf),
}

impl std::str::FromStr for Choice {
    type Err = String;
    fn from_str(s: &str) -> Result<Choice, String> {
        match s {
            "none" => Ok(Choice::None),
            "auto" => Ok(Choice::Auto),
            d if d.starts_with("/dev/") && !d.split('/').any(|c| c == "..") => {
                Ok(Choice::Device(d.into()))
            }
            _ => Err(format!(
                "{s:?}: expected auto, none or a block device (/dev/...)"
            )),
        }
    }
}

impl Choice {
    /// The choice of a kernel command line's last `mvirt.data=` word, if
    /// it has one that parses.
    pub fn from_cmdline(cmdline: &str) -> Option<Result<Choice, String>> {
        Choice::from_cmdline_word(cmdline, DATA_PARAM)
    }

    /// The choice of a kernel command line's last `word` (e.g.
    /// `mvirt.config=`), if it has one that parses.
    pub fn from_cmdline_word(cmdline: &str, word: &str) -> Option<Result<Choice, String>> {
        cmdline
            .split_whitespace()
            .filter_map(|w| w.strip_prefix(word))
            .next_back()
            .map(str::parse)
    }
}

/// What went wrong finding or mounting the data disk; each says what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "no data disk: no block device holds an ext4 volume labelled {LABEL} \
         (make one with `mkfs.ext4 -L {LABEL} DEVICE`, which erases DEVICE)"
    )]
    NotFound,
    #[error(
        "more than one ext4 volume is labelled {LABEL} ({0}); name the one to \
         use with the kernel argument mvirt.data=DEVICE"
    )]
    Ambiguous(String),
    #[error(
        "{0}: no ext4 file system on it; format it with \
         `mkfs.ext4 -L {LABEL} {0}` (this erases it), or name another disk"
    )]
    NotExt4(String),
    #[error("{0}: not a block device")]
    NotBlock(String),
    #[error("{device}: {source}")]
    Read {
        device: String,
        source: std::io::Error,
    },
    #[error("mounting {device} on {target}: {source}")]
    Mount {
        device: String,
        target: String,
        source: rustix::io::Errno,
    },
}

/// The label of the ext4 file system whose first 2 KiB are `head`, or
/// None when it holds no ext4 (a blank disk, another file system). A label
/// that is not UTF-8 is shown lossily and never equals [`LABEL`].
pub fn ext4_label(head: &[u8]) -> Option<String> {
    let sb = head.get(SUPERBLOCK..SUPERBLOCK + 1024)?;
    let magic = u16::from_le_bytes([sb[MAGIC_AT], sb[MAGIC_AT + 1]]);
    if magic != EXT4_MAGIC {
        return None;
    }
    let raw = &sb[LABEL_AT..LABEL_AT + 16];
    let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
    Some(String::from_utf8_lossy(&raw[..end]).into_owned())
}

/// The first `len` bytes of a block device (or of a file, for tests):
/// opened read-only, without following a link; refused unless it is a
/// block device when `block_only`.
pub(crate) fn read_head(device: &Path, block_only: bool, len: u64) -> Result<Vec<u8>, Error> {
    let name = device.display().to_string();
    let err = |source| Error::Read {
        device: name.clone(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(device)
        .map_err(err)?;
    let kind = file.metadata().map_err(err)?.file_type();
    if block_only && !kind.is_block_device() {
        return Err(Error::NotBlock(name));
    }
    let mut head = Vec::new();
    file.take(len).read_to_end(&mut head).map_err(err)?;
    Ok(head)
}

/// The devices under `dev` named in `sys_class_block` (whole disks and
/// partitions, in name order) whose first `len` bytes `matches`. Devices
/// that cannot be read (an empty CD drive) are skipped.
pub(crate) fn find_by(
    sys_class_block: &Path,
    dev: &Path,
    block_only: bool,
    len: u64,
    matches: impl Fn(&[u8]) -> bool,
) -> Result<Vec<PathBuf>, Error> {
    let mut names: Vec<String> = std::fs::read_dir(sys_class_block)
        .map_err(|source| Error::Read {
            device: sys_class_block.display().to_string(),
            source,
        })?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    Ok(names
        .iter()
        .map(|n| dev.join(n))
        .filter(|d| read_head(d, block_only, len).is_ok_and(|h| matches(&h)))
        .collect())
}

/// The one device whose ext4 label is [`LABEL`].
pub fn find(sys_class_block: &Path, dev: &Path, block_only: bool) -> Result<PathBuf, Error> {
    let labelled = |h: &[u8]| ext4_label(h).is_some_and(|l| l == LABEL);
    let found = find_by(sys_class_block, dev, block_only, 2048, labelled)?;
    match found.as_slice() {
        [] => Err(Error::NotFound),
        [one] => Ok(one.clone()),
        many => Err(Error::Ambiguous(
            many.iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        )),
    }
}

/// What `/proc/self/mountinfo` says is mounted on `target`: its source
/// and whether it is read-only (the last mount there, which is the one
/// seen).
pub fn mounted_on(mountinfo: &str, target: &Path) -> Option<(String, bool)> {
    let target = target.to_str()?;
    mountinfo.lines().rev().find_map(|line| {
        let fields: Vec<&str> = line.split(' ').collect();
        let sep = fields.iter().position(|f| *f == "-")?;
        if fields.get(4) != Some(&target) {
            return None;
        }
        let read_only = fields.get(5)?.split(',').any(|o| o == "ro");
        Some((fields.get(sep + 2)?.to_string(), read_only))
    })
}

/// Mounts `device` (ext4) on `target`: read-write, or read-only when the
/// device or the file system allows only that.
fn mount_ext4(device: &Path, target: &Path) -> Result<bool, Error> {
    let flags = MountFlags::NODEV | MountFlags::NOSUID | MountFlags::NOEXEC | MountFlags::NOATIME;
    let attempt = |extra| mount(device, target, "ext4", flags | extra, None);
    let err = |source| Error::Mount {
        device: device.display().to_string(),
        target: target.display().to_string(),
        source,
    };
    match attempt(MountFlags::empty()) {
        Ok(()) => Ok(false),
        Err(rustix::io::Errno::ROFS | rustix::io::Errno::ACCESS) => {
            attempt(MountFlags::RDONLY).map_err(err)?;
            Ok(true)
        }
        Err(e) => Err(err(e)),
    }
}

/// Where a choice's device is: the named one (checked to hold ext4), or
/// the one labelled [`LABEL`].
fn locate(choice: &Choice) -> Result<Option<PathBuf>, Error> {
    match choice {
        Choice::None => Ok(None),
        Choice::Auto => find(Path::new("/sys/class/block"), Path::new("/dev"), true).map(Some),
        Choice::Device(d) => {
            let head = read_head(d, true, 2048)?;
            match ext4_label(&head) {
                Some(_) => Ok(Some(d.clone())),
                None => Err(Error::NotExt4(d.display().to_string())),
            }
        }
    }
}

/// Finds and mounts the data disk on `data_dir` (once: a daemon restarted
/// by pideins finds it mounted already), and says where the state lives.
/// Never fails: without a disk the state lives in RAM, which the result
/// says with the reason.
pub fn prepare(choice: &Choice, data_dir: &Path) -> Storage {
    let in_ram = |detail: String| Storage {
        persistent: false,
        device: None,
        read_only: false,
        detail,
    };
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    if let Some((device, read_only)) = mounted_on(&mountinfo, data_dir) {
        if device.starts_with("/dev/") {
            return Storage {
                detail: format!("{device} on {} (mounted already)", data_dir.display()),
                persistent: true,
                device: Some(device),
                read_only,
            };
        }
    }
    let device = match locate(choice) {
        Ok(Some(d)) => d,
        Ok(None) => {
            return in_ram("no data disk (--data-disk none): state is lost at shutdown".into())
        }
        Err(e) => return in_ram(format!("{e}; state is kept in RAM and lost at shutdown")),
    };
    if let Err(e) = std::fs::create_dir_all(data_dir) {
        return in_ram(format!("creating {}: {e}", data_dir.display()));
    }
    match mount_ext4(&device, data_dir) {
        Ok(read_only) => Storage {
            detail: format!(
                "{} on {}{}",
                device.display(),
                data_dir.display(),
                if read_only {
                    " READ-ONLY: nothing can be created, changed or pushed"
                } else {
                    ""
                }
            ),
            persistent: true,
            device: Some(device.display().to_string()),
            read_only,
        },
        Err(e) => in_ram(format!("{e}; state is kept in RAM and lost at shutdown")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn superblock(magic: u16, label: &[u8]) -> Vec<u8> {
        let mut head = vec![0u8; 2048];
        head[SUPERBLOCK + MAGIC_AT..SUPERBLOCK + MAGIC_AT + 2]
            .copy_from_slice(&magic.to_le_bytes());
        head[SUPERBLOCK + LABEL_AT..SUPERBLOCK + LABEL_AT + label.len()].copy_from_slice(label);
        head
    }

    #[test]
    fn labels_are_read_only_from_ext4_superblocks() {
        assert_eq!(
            ext4_label(&superblock(0xef53, b"mvirt-data")).as_deref(),
            Some(LABEL)
        );
        assert_eq!(ext4_label(&superblock(0xef53, b"")).as_deref(), Some(""));
        // 16 bytes, no NUL: all of it.
        assert_eq!(
            ext4_label(&superblock(0xef53, b"0123456789abcdef")).as_deref(),
            Some("0123456789abcdef")
        );
        assert_eq!(ext4_label(&superblock(0x4d5a, b"mvirt-data")), None);
        assert_eq!(ext4_label(&[0u8; 2048]), None);
        // Short reads (a tiny device): no superblock, no panic.
        for len in [0, 1024, 1100, 2047] {
            assert_eq!(ext4_label(&superblock(0xef53, b"mvirt-data")[..len]), None);
        }
        let odd = ext4_label(&superblock(0xef53, b"mvirt-\xffata")).unwrap();
        assert_ne!(odd, LABEL);
    }

    #[test]
    fn choices_parse_and_the_kernel_word_wins_last() {
        assert_eq!("auto".parse(), Ok(Choice::Auto));
        assert_eq!("none".parse(), Ok(Choice::None));
        assert_eq!("/dev/vdb".parse(), Ok(Choice::Device("/dev/vdb".into())));
        for bad in ["", "vdb", "/tmp/x", "/dev/../etc/passwd", "LABEL=x"] {
            assert!(bad.parse::<Choice>().is_err(), "{bad:?}");
        }
        assert_eq!(Choice::from_cmdline("quiet console=ttyS0"), None);
        assert_eq!(
            Choice::from_cmdline("mvirt.data=none x mvirt.data=/dev/vdc"),
            Some(Ok(Choice::Device("/dev/vdc".into())))
        );
        assert!(matches!(
            Choice::from_cmdline("mvirt.data=/etc"),
            Some(Err(_))
        ));
    }

    #[test]
    fn the_labelled_volume_is_found_and_two_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (sys, dev) = (dir.path().join("sys"), dir.path().join("dev"));
        std::fs::create_dir_all(&sys).unwrap();
        std::fs::create_dir_all(&dev).unwrap();
        let disk = |name: &str, head: Option<Vec<u8>>| {
            std::fs::create_dir(sys.join(name)).unwrap();
            if let Some(h) = head {
                std::fs::write(dev.join(name), h).unwrap();
            }
        };
        assert!(matches!(find(&sys, &dev, false), Err(Error::NotFound)));
        disk("vda", Some(vec![0u8; 4096]));
        disk("vdb", Some(superblock(0xef53, b"other")));
        disk("sr0", None); // no medium: cannot be opened
        disk("vdc", Some(superblock(0xef53, b"mvirt-data")));
        assert_eq!(find(&sys, &dev, false).unwrap(), dev.join("vdc"));
        // Files are not block devices: the real search skips them all.
        assert!(matches!(find(&sys, &dev, true), Err(Error::NotFound)));
        disk("vdd1", Some(superblock(0xef53, b"mvirt-data")));
        let err = find(&sys, &dev, false).unwrap_err();
        assert!(matches!(err, Error::Ambiguous(_)), "{err}");
        assert!(err.to_string().contains("vdd1"), "{err}");
    }

    #[test]
    fn mountinfo_says_what_is_mounted_where() {
        let info = "22 1 0:20 / / rw,relatime - rootfs rootfs rw\n\
                    30 22 254:16 / /var/lib/mvirt rw,nodev,noatime - ext4 /dev/vdb rw\n\
                    31 22 0:5 / /var/lib/mvirt-other rw - tmpfs tmpfs rw\n";
        let target = Path::new("/var/lib/mvirt");
        assert_eq!(mounted_on(info, target), Some(("/dev/vdb".into(), false)));
        let ro = info.replace("rw,nodev", "ro,nodev");
        assert_eq!(mounted_on(&ro, target), Some(("/dev/vdb".into(), true)));
        assert_eq!(mounted_on(info, Path::new("/var/lib")), None);
        assert_eq!(mounted_on("garbage\n\n1 2 3", target), None);
    }

    #[test]
    fn a_named_device_without_ext4_is_refused_with_the_command_that_formats_it() {
        let dir = tempfile::tempdir().unwrap();
        let blank = dir.path().join("blank");
        std::fs::write(&blank, vec![0u8; 4096]).unwrap();
        // A regular file is not a block device: refused before its content.
        let err = locate(&Choice::Device(blank.clone())).unwrap_err();
        assert!(matches!(err, Error::NotBlock(_)), "{err}");
        let msg = Error::NotExt4("/dev/vdb".into()).to_string();
        assert!(msg.contains("mkfs.ext4 -L mvirt-data /dev/vdb"), "{msg}");
    }
}
