//! `mvirt-vm-test`: the inside half of the real-VM boot test
//! (tests/boot/tests/real_vm.rs). A static binary, because the image has no
//! shell; it reaches the booted host in a second cpio archive appended to the
//! initrd, never in the product image.
//!
//! - `host`: runs in the booted host as pideins' self-check and drives the
//!   product's own `mvirt` CLI through a VM's life: create (kernel,
//!   initramfs, cmdline, a disk, a NIC), start, console until the guest is
//!   up, stop by the power button, list, delete. Prints each step's time.
//! - `guest`: runs in the guest as its one pideins service: waits for the
//!   disk and the NIC, brings the NIC up, prints what it sees, then waits
//!   (pideins stops it when the power button powers the guest off).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use clap::{Parser, Subcommand};
use serde_json::Value;

/// The line the guest prints once it is up; the host waits for it.
const GUEST_UP: &str = "mvirt-vm-test guest: up:";
const VM: &str = "guest";

#[derive(Parser)]
#[command(name = "mvirt-vm-test", about = "The inside of the real-VM boot test")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Drive `mvirt` through a VM's life (in the host).
    Host {
        /// Where the guest's kernel, initramfs and disk are.
        #[arg(long, default_value = "/test")]
        dir: PathBuf,
        /// The mvirt CLI.
        #[arg(long, default_value = "/usr/sbin/mvirt")]
        mvirt: PathBuf,
        /// Seconds to wait for the guest to come up.
        #[arg(long, default_value_t = 300)]
        boot_timeout: u64,
    },
    /// The persistence test's two boots on one data disk (in the host):
    /// 1 pushes the guest's kernel and initramfs and creates an autostart
    /// VM; 2 finds them, and the VM started by itself.
    Persist {
        #[arg(value_parser = clap::value_parser!(u8).range(1..=2))]
        boot: u8,
        #[arg(long, default_value = "/test")]
        dir: PathBuf,
        #[arg(long, default_value = "/usr/sbin/mvirt")]
        mvirt: PathBuf,
        #[arg(long, default_value_t = 300)]
        boot_timeout: u64,
    },
    /// Report the disk and NIC, then wait (in the guest).
    Guest {
        #[arg(long, default_value = "vda")]
        disk: String,
        #[arg(long, default_value = "eth0")]
        nic: String,
    },
}

fn main() {
    let result = match Cli::parse().command {
        Cmd::Host {
            dir,
            mvirt,
            boot_timeout,
        } => Host {
            mvirt,
            started: Instant::now(),
        }
        .run(&dir, Duration::from_secs(boot_timeout)),
        Cmd::Persist {
            boot,
            dir,
            mvirt,
            boot_timeout,
        } => {
            let host = Host {
                mvirt,
                started: Instant::now(),
            };
            match boot {
                1 => host.persist_first(&dir),
                _ => host.persist_second(Duration::from_secs(boot_timeout)),
            }
        }
        Cmd::Guest { disk, nic } => guest(&disk, &nic),
    };
    if let Err(e) = result {
        // The boot test stops QEMU on this line instead of waiting for
        // pideins to retry the self-check until its deadline.
        println!("mvirt-vm-test: FAILED: {e:#}");
        std::process::exit(1);
    }
}

struct Host {
    mvirt: PathBuf,
    started: Instant,
}

impl Host {
    /// Runs `mvirt ARGS`; its stdout, or an error with its stderr.
    fn mvirt(&self, args: &[&str]) -> Result<String> {
        let out = Command::new(&self.mvirt)
            .args(args)
            .output()
            .with_context(|| format!("running {}", self.mvirt.display()))?;
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        if !out.status.success() {
            bail!(
                "mvirt {} failed ({}): {}{}",
                args.join(" "),
                out.status,
                stdout,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(stdout)
    }

    fn json(&self, args: &[&str]) -> Result<Value> {
        let text = self.mvirt(args)?;
        serde_json::from_str(&text).with_context(|| format!("mvirt {args:?} printed {text:?}"))
    }

    /// Runs one step and prints its time, which the boot test collects.
    fn step<T>(&self, name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let t = Instant::now();
        let result = f().with_context(|| format!("step {name}"));
        println!(
            "mvirt-vm-test: step {name}: {:.2}s",
            t.elapsed().as_secs_f64()
        );
        result
    }

    fn run(&self, dir: &Path, boot_timeout: Duration) -> Result<()> {
        let status = self.step("status", || {
            self.json(&["status", "--wait", "60", "--json"])
        })?;
        let ch = &status["cloud_hypervisor"];
        ensure!(ch["present"] == true, "no cloud-hypervisor: {ch}");
        ensure!(status["kvm"]["usable"] == true, "KVM: {}", status["kvm"]);
        println!(
            "mvirt-vm-test: host runs {} ({}), {}",
            ch["version"].as_str().unwrap_or("?"),
            ch["path"].as_str().unwrap_or("?"),
            status["kvm"]["detail"].as_str().unwrap_or("?")
        );
        let file = |name: &str| dir.join(name).display().to_string();
        let (kernel, initramfs, disk) = (file("bzImage"), file("guest.cpio.gz"), file("disk.img"));
        self.step("create", || {
            self.mvirt(&[
                "vm",
                "create",
                VM,
                "--vcpus",
                "1",
                "--memory",
                "256",
                "--kernel",
                &kernel,
                "--initramfs",
                &initramfs,
                "--cmdline",
                "console=ttyS0 quiet",
                "--disk",
                &disk,
                "--net",
                "--seed",
            ])
        })?;
        self.step("start", || self.mvirt(&["vm", "start", VM]))?;
        let vm = self.json(&["vm", "get", VM, "--json"])?;
        let (tap, mac) = net_of(&vm)?;
        let up = self.step("guest up", || self.wait_for_guest(boot_timeout))?;
        println!("mvirt-vm-test: {}", up.trim());
        ensure!(
            up.contains(" disk vda ") && up.contains(&format!(" mac {mac} carrier 1")),
            "the guest does not see its disk and NIC (mac {mac}): {up}"
        );
        ensure!(
            up.contains("seed meta-data: instance-id: mvirt-guest; local-hostname: guest"),
            "the guest does not see its NoCloud seed: {up}"
        );
        let port = Path::new("/sys/class/net/mvirt0/brif").join(&tap);
        ensure!(
            port.exists(),
            "{tap} is not a port of mvirt0 while the VM runs"
        );
        self.stop_while_listing()?;
        let log = self.mvirt(&["console", VM])?;
        for line in [
            "pideins: power button pressed: powering off",
            "pideins: power off",
            "reboot: Power down",
        ] {
            if !log.contains(line) {
                let vm = self.mvirt(&["vm", "get", VM, "--json"]).unwrap_or_default();
                let end = &log[log.len().saturating_sub(3000)..];
                bail!("the guest's log lacks {line:?}; the VM: {vm}\nthe log's end: {end:?}");
            }
        }
        let listed = self.step("list", || self.json(&["vm", "list", "--json"]))?;
        let vm = listed
            .as_array()
            .and_then(|vms| vms.iter().find(|v| v["spec"]["name"] == VM))
            .with_context(|| format!("{VM} missing from {listed}"))?;
        let exit = vm["last_exit"].as_str().unwrap_or_default();
        // The guest ended itself on the button: no vm.shutdown, no SIGKILL.
        ensure!(
            vm["state"] == "stopped"
                && exit.starts_with("powered off by the guest after the power button"),
            "after the stop: {vm}"
        );
        println!("mvirt-vm-test: stopped, last exit: {exit}");
        ensure!(
            !Path::new("/sys/class/net").join(&tap).exists(),
            "{tap} is still there after the stop"
        );
        self.step("delete", || self.mvirt(&["vm", "delete", VM]))?;
        let left = self.json(&["vm", "list", "--json"])?;
        ensure!(left.as_array().is_some_and(|a| a.is_empty()), "{left}");
        println!(
            "mvirt-vm-test: passed in {:.2}s",
            self.started.elapsed().as_secs_f64()
        );
        Ok(())
    }

    /// The status, checked to keep the state on a writable data disk.
    fn persistent_status(&self) -> Result<()> {
        let status = self.step("status", || {
            self.json(&["status", "--wait", "60", "--json"])
        })?;
        let st = &status["storage"];
        ensure!(
            st["persistent"] == true && st["read_only"] == false,
            "the state is not on a writable data disk: {st}"
        );
        println!(
            "mvirt-vm-test: state on {}",
            st["detail"].as_str().unwrap_or("?")
        );
        Ok(())
    }

    /// Boot 1: the guest's files pushed as images, an autostart VM that
    /// uses them (and a disk from the test archive, there at each boot).
    fn persist_first(&self, dir: &Path) -> Result<()> {
        self.persistent_status()?;
        let file = |name: &str| dir.join(name).display().to_string();
        for (name, image) in [("bzImage", "kernel"), ("guest.cpio.gz", "guest")] {
            self.step(&format!("image push {image}"), || {
                self.mvirt(&["image", "push", &file(name), image])
            })?;
        }
        self.step("create", || {
            self.mvirt(&[
                "vm",
                "create",
                VM,
                "--memory",
                "256",
                "--kernel",
                "image:kernel",
                "--initramfs",
                "image:guest",
                "--cmdline",
                "console=ttyS0 quiet",
                "--disk",
                &file("disk.img"),
                "--net",
                "--autostart",
            ])
        })?;
        println!(
            "mvirt-vm-test: passed in {:.2}s (boot 1)",
            self.started.elapsed().as_secs_f64()
        );
        Ok(())
    }

    /// Boot 2: the data disk was unmounted cleanly, the images and the VM
    /// are there, and the VM started by itself.
    fn persist_second(&self, boot_timeout: Duration) -> Result<()> {
        self.persistent_status()?;
        let ext4 = kernel_lines("EXT4-fs")?;
        for line in &ext4 {
            println!("mvirt-vm-test: kernel: {line}");
        }
        ensure!(
            !ext4.iter().any(|l| l.contains("recovery")),
            "the data disk was not unmounted cleanly: {ext4:?}"
        );
        let images = self.json(&["image", "list", "--json"])?;
        for name in ["kernel", "guest"] {
            ensure!(
                images
                    .as_array()
                    .is_some_and(|a| a.iter().any(|i| i["name"] == name)),
                "image {name} is gone: {images}"
            );
        }
        let up = self.step("autostarted guest up", || self.wait_for_guest(boot_timeout))?;
        println!("mvirt-vm-test: {}", up.trim());
        self.stop_while_listing()?;
        let vm = self.json(&["vm", "get", VM, "--json"])?;
        ensure!(vm["state"] == "stopped", "after the stop: {vm}");
        println!(
            "mvirt-vm-test: passed in {:.2}s (boot 2)",
            self.started.elapsed().as_secs_f64()
        );
        Ok(())
    }

    /// Reads the guest's console until it says it is up.
    fn wait_for_guest(&self, timeout: Duration) -> Result<String> {
        let end = Instant::now() + timeout;
        loop {
            let log = self.mvirt(&["console", VM])?;
            // Whole lines only: the guest may be writing the last one.
            let whole = &log[..log.rfind('\n').map_or(0, |i| i + 1)];
            if let Some(line) = whole.lines().find(|l| l.contains(GUEST_UP)) {
                return Ok(line.to_string());
            }
            let vm = self.json(&["vm", "get", VM, "--json"])?;
            ensure!(
                vm["state"] == "running",
                "the VM stopped before its guest came up: {vm}\nconsole:\n{}",
                tail(&log, 20)
            );
            if Instant::now() >= end {
                bail!(
                    "the guest did not come up within {timeout:?}; console:\n{}",
                    tail(&log, 20)
                );
            }
            std::thread::sleep(Duration::from_millis(500));
        }
    }

    /// `vm stop` (the power button), with a `vm list` asked while it waits:
    /// the daemon must not hold every other request behind a stop.
    fn stop_while_listing(&self) -> Result<()> {
        let stop = std::thread::scope(|s| {
            let stop = s.spawn(|| {
                self.step("stop (power button)", || {
                    self.mvirt(&["vm", "stop", VM, "--timeout", "120"])
                })
            });
            std::thread::sleep(Duration::from_millis(300));
            let t = Instant::now();
            let listed = self.mvirt(&["vm", "list"]);
            println!(
                "mvirt-vm-test: vm list during the stop answered in {:.3}s (including starting mvirt under emulation)",
                t.elapsed().as_secs_f64()
            );
            let stop = stop.join().expect("the stop thread");
            listed.map(|_| stop)
        })?;
        stop.map(|_| ())
    }
}

/// The VM's TAP device and MAC, wherever the daemon's JSON keeps them.
fn net_of(vm: &Value) -> Result<(String, String)> {
    fn find<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
        match v {
            Value::Object(map) => map
                .get(key)
                .and_then(Value::as_str)
                .or_else(|| map.values().find_map(|v| find(v, key))),
            Value::Array(items) => items.iter().find_map(|v| find(v, key)),
            _ => None,
        }
    }
    let tap = find(vm, "tap").context("no tap device in the VM's record")?;
    let mac = find(vm, "mac").context("no MAC in the VM's record")?;
    Ok((tap.to_string(), mac.to_lowercase()))
}

/// The kernel's log lines (from /dev/kmsg, which needs no dmesg binary)
/// that contain `needle`.
fn kernel_lines(needle: &str) -> Result<Vec<String>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let mut kmsg = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open("/dev/kmsg")
        .context("opening /dev/kmsg")?;
    let mut lines = Vec::new();
    let mut record = vec![0u8; 8192];
    loop {
        // One record per read; EAGAIN at the end, EPIPE for one overwritten.
        match kmsg.read(&mut record) {
            Ok(0) => break,
            Ok(n) => {
                let text = String::from_utf8_lossy(&record[..n]);
                let message = text.split_once(';').map_or(&*text, |(_, m)| m);
                if message.contains(needle) {
                    lines.push(message.trim_end().to_string());
                }
            }
            Err(e) if e.raw_os_error() == Some(libc::EPIPE) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
            Err(e) => return Err(e).context("reading /dev/kmsg"),
        }
    }
    Ok(lines)
}

fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Waits until `path` exists.
fn wait_for(path: &Path, timeout: Duration) -> Result<()> {
    let end = Instant::now() + timeout;
    while !path.exists() {
        ensure!(
            Instant::now() < end,
            "{} did not appear within {timeout:?}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

fn read_trimmed(path: &Path) -> Result<String> {
    Ok(std::fs::read_to_string(path)
        .with_context(|| format!("reading {}", path.display()))?
        .trim()
        .to_string())
}

fn guest(disk: &str, nic: &str) -> Result<()> {
    let disk_dir = Path::new("/sys/block").join(disk);
    let nic_dir = Path::new("/sys/class/net").join(nic);
    // Generous: a nested guest under software emulation is slow.
    let patience = Duration::from_secs(180);
    wait_for(&disk_dir, patience).with_context(seen)?;
    wait_for(&nic_dir, patience).with_context(seen)?;
    link_up(nic)?;
    // The carrier reads only once the link is up; virtio-net reports it
    // from the device's status.
    let end = Instant::now() + patience;
    while read_trimmed(&nic_dir.join("carrier")).ok().as_deref() != Some("1") {
        ensure!(
            Instant::now() < end,
            "{nic}: no carrier within {patience:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    println!(
        "{GUEST_UP} disk {disk} {} sectors, nic {nic} mac {} carrier 1, {}",
        read_trimmed(&disk_dir.join("size"))?,
        read_trimmed(&nic_dir.join("address"))?,
        seed_seen()?
    );
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

/// The NoCloud seed on the second disk, if the VM has one, read as
/// cloud-init would find it (a FAT volume labelled CIDATA): "seed none",
/// or "seed meta-data: LINE; LINE".
fn seed_seen() -> Result<String> {
    if !Path::new("/sys/block/vdb").exists() {
        return Ok("seed none".into());
    }
    let dev = std::fs::File::open("/dev/vdb").context("opening /dev/vdb")?;
    let seed = mvirt_cidata::read(dev).context("reading the seed on /dev/vdb")?;
    let meta = seed
        .files
        .get("meta-data")
        .context("the seed has no meta-data")?;
    let lines: Vec<&str> = std::str::from_utf8(meta)?.lines().collect();
    Ok(format!("seed meta-data: {}", lines.join("; ")))
}

/// What the guest does see: block devices, NICs and PCI devices.
fn seen() -> String {
    let names = |dir: &str| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names.join(" ")
    };
    let pci: Vec<String> = names("/sys/bus/pci/devices")
        .split(' ')
        .filter(|d| !d.is_empty())
        .map(|d| {
            let id = |f: &str| read_trimmed(&Path::new("/sys/bus/pci/devices").join(d).join(f));
            format!(
                "{d}={}:{}",
                id("vendor").unwrap_or_default(),
                id("device").unwrap_or_default()
            )
        })
        .collect();
    format!(
        "the guest sees block [{}], net [{}], pci [{}]",
        names("/sys/block"),
        names("/sys/class/net"),
        pci.join(" ")
    )
}

/// `ip link set NIC up`, by ioctl: the guest has no `ip`.
fn link_up(nic: &str) -> Result<()> {
    ensure!(
        nic.len() < libc::IFNAMSIZ,
        "interface name {nic:?} too long"
    );
    // SAFETY: plain socket(2); the descriptor is closed below.
    let sock = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    ensure!(sock >= 0, "socket: {}", std::io::Error::last_os_error());
    // SAFETY: ifreq is plain old data; zeroed is a valid value.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (dst, src) in req.ifr_name.iter_mut().zip(nic.bytes()) {
        *dst = src as libc::c_char;
    }
    // SAFETY: SIOCGIFFLAGS/SIOCSIFFLAGS read and write `req`, which lives
    // for both calls; the flags member is the one these ioctls use.
    let result = unsafe {
        if libc::ioctl(sock, libc::SIOCGIFFLAGS as _, &mut req) < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            req.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
            if libc::ioctl(sock, libc::SIOCSIFFLAGS as _, &req) < 0 {
                Err(std::io::Error::last_os_error())
            } else {
                Ok(())
            }
        }
    };
    // SAFETY: closing the socket opened above.
    unsafe { libc::close(sock) };
    result.with_context(|| format!("bringing {nic} up"))
}
