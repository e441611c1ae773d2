//! The data disk through the real daemon: a real ext4 file system (made by
//! `mkfs.ext4`, read back by `debugfs`, both from e2fsprogs) on a loop
//! device, mounted by the daemon in its own mount namespace (nothing of it
//! is seen outside the test), with the cloud-hypervisor TEST DOUBLE.
//! Needs root, losetup and unshare; says SKIPPED without them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Host, DOUBLE};

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn run(cmd: &str, args: &[&str]) -> Result<String, String> {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .map_err(|e| format!("{cmd}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{cmd} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A loop device over an image file, detached when dropped.
struct Loop {
    dev: String,
    image: PathBuf,
}

impl Loop {
    /// A 32 MiB image, formatted with `mkfs` arguments (none: left blank),
    /// attached read-write or read-only. None when this machine cannot.
    fn new(dir: &Path, mkfs: Option<&[&str]>, read_only: bool) -> Option<Loop> {
        let image = dir.join(format!("disk-{}.img", rand_suffix()));
        std::fs::write(&image, vec![0u8; 32 << 20]).unwrap();
        if let Some(args) = mkfs {
            let mut argv = vec!["-q", "-F"];
            argv.extend_from_slice(args);
            let img = s(&image);
            argv.push(&img);
            if let Err(e) = run("mkfs.ext4", &argv) {
                eprintln!("*** SKIPPED: mkfs.ext4 (e2fsprogs) is needed: {e}");
                return None;
            }
        }
        Loop::attach(image, read_only)
    }

    fn attach(image: PathBuf, read_only: bool) -> Option<Loop> {
        let mut args = vec!["--find", "--show"];
        if read_only {
            args.push("--read-only");
        }
        let img = s(&image);
        args.push(&img);
        match run("losetup", &args) {
            Ok(out) => Some(Loop {
                dev: out.trim().to_string(),
                image,
            }),
            Err(e) => {
                eprintln!("*** SKIPPED: a loop device needs root and losetup: {e}");
                None
            }
        }
    }

    /// `debugfs -R CMD` on the image: an independent reader of ext4.
    fn debugfs(&self, cmd: &str) -> String {
        run("debugfs", &["-R", cmd, &s(&self.image)]).unwrap()
    }
}

impl Drop for Loop {
    fn drop(&mut self) {
        let _ = run("losetup", &["--detach", &self.dev]);
    }
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// Starts the daemon in a private mount namespace with `disk` as its data
/// disk, mounted on its state directory.
fn start(host: &mut Host, disk: &str) {
    host.prefix = ["unshare", "-m", "--propagation", "private"]
        .map(String::from)
        .to_vec();
    let state = s(&host.path("state"));
    host.start_daemon_with(
        Path::new(DOUBLE),
        &[],
        &["--no-bridge", "--data-disk", disk, "--data-dir", &state],
    );
}

#[test]
fn vms_live_on_the_data_disk_and_autostart_once_per_boot() {
    let mut host = Host::new();
    let Some(disk) = Loop::new(host.dir.path(), Some(&["-L", "mvirt-data"]), false) else {
        return;
    };
    start(&mut host, &disk.dev);
    let st = host.json(&["status"]);
    assert_eq!(st["storage"]["persistent"], true, "{st}");
    assert_eq!(st["storage"]["device"], disk.dev.as_str(), "{st}");
    assert_eq!(st["storage"]["read_only"], false, "{st}");
    assert!(host.ok(&["status"]).contains("state: on the data disk"));
    host.create_with("web", &["--autostart"]);
    host.create("idle");
    host.kill_daemon();
    // What the daemon wrote is on the ext4 volume, read without mounting.
    let web: serde_json::Value = serde_json::from_str(&disk.debugfs("cat /web.json")).unwrap();
    assert_eq!(web["spec"]["autostart"], true, "{web}");
    assert!(disk.debugfs("ls -l /").contains("idle.json"));
    // A new boot: the run directory (a tmpfs) is empty again.
    std::fs::remove_dir_all(host.path("run")).unwrap();
    start(&mut host, &disk.dev);
    let vm = host.wait_state("web", "running");
    assert_eq!(vm["spec"]["autostart"], true);
    assert_eq!(host.json(&["vm", "get", "idle"])["state"], "created");
    host.ok(&["vm", "stop", "web", "--timeout", "5"]);
    // The daemon restarted within the same boot leaves stopped VMs alone.
    host.kill_daemon();
    start(&mut host, &disk.dev);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(host.json(&["vm", "get", "web"])["state"], "stopped");
    assert!(host.daemon_log().contains("autostart: started web"));
}

#[test]
fn a_disk_without_ext4_is_never_formatted_and_the_state_stays_in_ram() {
    let mut host = Host::new();
    let Some(blank) = Loop::new(host.dir.path(), None, false) else {
        return;
    };
    start(&mut host, &blank.dev);
    let st = host.json(&["status"]);
    assert_eq!(st["storage"]["persistent"], false, "{st}");
    let detail = st["storage"]["detail"].as_str().unwrap();
    assert!(
        detail.contains(&format!("mkfs.ext4 -L mvirt-data {}", blank.dev)),
        "{detail}"
    );
    assert!(host
        .ok(&["status"])
        .contains("state: in RAM, lost at shutdown"));
    host.create("x");
    host.kill_daemon();
    let bytes = std::fs::read(&blank.image).unwrap();
    assert!(bytes.iter().all(|&b| b == 0), "the blank disk was written");
}

#[test]
fn a_read_only_disk_is_mounted_read_only_and_every_change_is_refused() {
    let mut host = Host::new();
    let Some(disk) = Loop::new(host.dir.path(), Some(&["-L", "mvirt-data"]), false) else {
        return;
    };
    start(&mut host, &disk.dev);
    host.create("kept");
    host.kill_daemon();
    let image = disk.image.clone();
    drop(disk);
    let disk = Loop::attach(image, true).unwrap();
    start(&mut host, &disk.dev);
    let st = host.json(&["status"]);
    assert_eq!(st["storage"]["read_only"], true, "{st}");
    assert!(host.ok(&["status"]).contains("READ-ONLY"));
    assert_eq!(host.json(&["vm", "get", "kept"])["state"], "created");
    let kernel = s(&host.path("vmlinuz"));
    let e = host.err(&["vm", "create", "new", "--kernel", &kernel]);
    assert!(e.contains("(507)") && e.contains("Read-only"), "{e}");
    let listed = host.json(&["vm", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    let e = host.err(&["vm", "delete", "kept"]);
    assert!(e.contains("Read-only"), "{e}");
    assert_eq!(host.json(&["vm", "get", "kept"])["state"], "created");
}
