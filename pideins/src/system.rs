//! Bringing the system up: file systems, console, hostname, loopback.
//! Each step logs what it did; a failed step is logged and the next runs.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use nix::mount::{mount, umount2, MntFlags, MsFlags};

use crate::log;

/// One file system pideins mounts.
pub struct Mount {
    pub source: &'static str,
    pub target: &'static str,
    pub fstype: &'static str,
    pub flags: MsFlags,
    pub data: Option<&'static str>,
}

/// What PID 1 mounts, in order. devtmpfs provides /dev/console and
/// /dev/null over the initramfs' static nodes.
pub fn mounts() -> Vec<Mount> {
    let nosuid_nodev = MsFlags::MS_NOSUID | MsFlags::MS_NODEV;
    vec![
        Mount {
            source: "proc",
            target: "/proc",
            fstype: "proc",
            flags: nosuid_nodev | MsFlags::MS_NOEXEC,
            data: None,
        },
        Mount {
            source: "sysfs",
            target: "/sys",
            fstype: "sysfs",
            flags: nosuid_nodev | MsFlags::MS_NOEXEC,
            data: None,
        },
        Mount {
            source: "devtmpfs",
            target: "/dev",
            fstype: "devtmpfs",
            flags: MsFlags::MS_NOSUID,
            data: Some("mode=0755"),
        },
        Mount {
            source: "devpts",
            target: "/dev/pts",
            fstype: "devpts",
            flags: MsFlags::MS_NOSUID | MsFlags::MS_NOEXEC,
            data: Some("gid=5,mode=0620,ptmxmode=0666"),
        },
        Mount {
            source: "tmpfs",
            target: "/run",
            fstype: "tmpfs",
            flags: nosuid_nodev,
            data: Some("mode=0755"),
        },
        Mount {
            source: "tmpfs",
            target: "/tmp",
            fstype: "tmpfs",
            flags: nosuid_nodev,
            data: Some("mode=1777"),
        },
    ]
}

/// A path is a mount point when it lives on another device than its parent.
pub fn is_mount_point(path: &Path) -> bool {
    let Some(parent) = path.parent() else {
        return true;
    };
    match (std::fs::metadata(path), std::fs::metadata(parent)) {
        (Ok(a), Ok(b)) => a.dev() != b.dev() || a.ino() == b.ino(),
        _ => false,
    }
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

/// Mounts what is not mounted yet; returns the targets it mounted (to
/// unmount them at shutdown, in reverse).
pub fn mount_all() -> Vec<&'static str> {
    let mut mounted = Vec::new();
    for m in mounts() {
        let target = Path::new(m.target);
        if let Err(e) = std::fs::create_dir_all(target) {
            log!("cannot create {}: {e}", m.target);
            continue;
        }
        if is_mount_point(target) {
            log!("{} already mounted", m.target);
            continue;
        }
        // A tmpfs over a directory that holds files would hide them; in the
        // image /run and /tmp are empty, so this only guards odd setups
        // (and host tests, whose files may live under /tmp).
        if m.fstype == "tmpfs" && !is_empty_dir(target) {
            log!("{} is not empty; not mounting tmpfs over it", m.target);
            continue;
        }
        match mount(Some(m.source), target, Some(m.fstype), m.flags, m.data) {
            Ok(()) => {
                log!("mounted {} on {}", m.fstype, m.target);
                mounted.push(m.target);
            }
            Err(e) => log!("mounting {} on {} failed: {e}", m.fstype, m.target),
        }
    }
    mounted
}

/// Unmounts (lazily) what [`mount_all`] mounted, in reverse order.
pub fn unmount_all(mounted: &[&str]) {
    for target in mounted.iter().rev() {
        match umount2(*target, MntFlags::MNT_DETACH) {
            Ok(()) => log!("unmounted {target}"),
            Err(e) => log!("unmounting {target} failed: {e}"),
        }
    }
}

/// `\040`-style escapes of /proc/self/mountinfo (space, tab, newline,
/// backslash) undone.
fn unescape(field: &str) -> String {
    let mut out = String::new();
    let mut rest = field;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let code = rest
            .get(at + 1..at + 4)
            .and_then(|o| u8::from_str_radix(o, 8).ok());
        match code {
            Some(c) => {
                out.push(char::from(c));
                rest = &rest[at + 4..];
            }
            None => {
                out.push('\\');
                rest = &rest[at + 1..];
            }
        }
    }
    out + rest
}

/// The mount points of file systems on block devices (a source under
/// /dev/) other than `/`, in the order they were mounted: the data disk
/// mvirt-vmm mounts, which pideins does not know of.
pub fn disk_mounts(mountinfo: &str) -> Vec<String> {
    mountinfo
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            let sep = fields.iter().position(|f| *f == "-")?;
            let target = unescape(fields.get(4)?);
            let source = fields.get(sep + 2)?;
            (source.starts_with("/dev/") && target != "/").then_some(target)
        })
        .collect()
}

/// Unmounts the block-device file systems (see [`disk_mounts`]), the
/// last mounted first, once every process has ended: their journals are
/// closed cleanly, so the next boot has nothing to recover. One still busy
/// is left mounted (its data was synced before).
pub fn unmount_disks() {
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    for target in disk_mounts(&info).iter().rev() {
        match umount2(target.as_str(), MntFlags::empty()) {
            Ok(()) => log!("unmounted {target}"),
            Err(e) => log!("unmounting {target} failed: {e} (its data was synced)"),
        }
    }
}

/// Makes sure fds 0, 1 and 2 are open, on /dev/console if they are not.
/// (The kernel opens /dev/console for init when the initramfs has it.)
pub fn attach_console() {
    let open = |fd| nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_GETFD).is_ok();
    // SAFETY: fds 0..=2 are plain integers here; F_GETFD only queries them.
    let std_fds = unsafe {
        [
            std::os::fd::BorrowedFd::borrow_raw(0),
            std::os::fd::BorrowedFd::borrow_raw(1),
            std::os::fd::BorrowedFd::borrow_raw(2),
        ]
    };
    if std_fds.iter().all(open) {
        return;
    }
    match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/console")
    {
        Ok(console) => {
            use std::os::fd::AsRawFd;
            for fd in 0..=2 {
                // SAFETY: dup2 onto the standard fds; `console` stays open
                // for the duration of the calls.
                unsafe {
                    libc::dup2(console.as_raw_fd(), fd);
                }
            }
            log!("attached to /dev/console");
        }
        Err(e) => log!("cannot open /dev/console: {e}"),
    }
}

/// Sets the hostname: the command line's, else /etc/hostname's.
pub fn set_hostname(from_cmdline: Option<&str>) {
    let from_file = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let Some(name) = from_cmdline.map(str::to_string).or(from_file) else {
        log!("no hostname in /etc/hostname or on the command line");
        return;
    };
    match nix::unistd::sethostname(&name) {
        Ok(()) => log!("hostname {name}"),
        Err(e) => log!("setting hostname {name} failed: {e}"),
    }
}

/// Brings the loopback interface up (the kernel then adds 127.0.0.1 and ::1).
pub fn loopback_up() {
    match set_up("lo") {
        Ok(()) => log!("lo up"),
        Err(e) => log!("bringing lo up failed: {e}"),
    }
}

fn set_up(ifname: &str) -> std::io::Result<()> {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    // SAFETY: a plain socket(2) call; the fd is owned right away.
    let raw = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if raw < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: `raw` is a fresh, valid fd that nothing else owns.
    let sock = unsafe { OwnedFd::from_raw_fd(raw) };
    // SAFETY: ifreq is plain old data; zeroed is a valid value.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (dst, src) in req.ifr_name.iter_mut().zip(ifname.bytes()) {
        *dst = src as libc::c_char;
    }
    // SAFETY: SIOCGIFFLAGS/SIOCSIFFLAGS read and write `req`, which lives
    // across both calls; the union field used is ifru_flags.
    unsafe {
        if libc::ioctl(sock.as_raw_fd(), libc::SIOCGIFFLAGS as _, &mut req) < 0 {
            return Err(std::io::Error::last_os_error());
        }
        req.ifr_ifru.ifru_flags |= (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_short;
        if libc::ioctl(sock.as_raw_fd(), libc::SIOCSIFFLAGS as _, &req) < 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Seconds since boot (CLOCK_BOOTTIME), for the log.
pub fn uptime() -> f64 {
    nix::time::clock_gettime(nix::time::ClockId::CLOCK_BOOTTIME)
        .map(|t| t.tv_sec() as f64 + t.tv_nsec() as f64 / 1e9)
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_mounts_are_the_block_devices_but_root() {
        let info = "22 1 254:1 / / rw - ext4 /dev/vda1 rw\n\
                    23 22 0:5 / /dev rw - devtmpfs devtmpfs rw\n\
                    24 22 0:21 / /run rw - tmpfs tmpfs rw\n\
                    30 22 254:16 / /var/lib/mvirt rw - ext4 /dev/vdb rw\n\
                    31 30 254:32 / /var/lib/mvirt/odd\\040name rw - ext4 /dev/vdc rw\n\
                    garbage\n";
        assert_eq!(
            disk_mounts(info),
            ["/var/lib/mvirt", "/var/lib/mvirt/odd name"]
        );
        assert!(disk_mounts("").is_empty());
    }

    #[test]
    fn mountinfo_escapes_are_undone() {
        assert_eq!(unescape(r"a\040b\011c\134d"), "a b\tc\\d");
        assert_eq!(unescape(r"end\"), r"end\");
        assert_eq!(unescape(r"\99x"), r"\99x");
        assert_eq!(unescape("plain"), "plain");
    }
}
