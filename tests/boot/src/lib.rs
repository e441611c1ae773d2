//! Booting mvirt-os images in QEMU and reading what the guest says on its
//! serial console.
//!
//! KVM is used when it works; otherwise TCG (software emulation) with
//! longer timeouts. Which one ran is always reported: [`Accel`]. A boot
//! that does not finish in time fails with the last lines of the serial
//! log, not just "timeout".

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

pub mod arm64;
mod build;
pub mod vmtest;

pub use build::{copy_with_mtime, make_esp, real_cloud_hypervisor, static_binary, Build, UkiParts};

/// OVMF images from Debian's `ovmf` package.
pub const OVMF_CODE: &str = "/usr/share/OVMF/OVMF_CODE_4M.fd";
pub const OVMF_CODE_SECBOOT: &str = "/usr/share/OVMF/OVMF_CODE_4M.secboot.fd";
pub const OVMF_VARS: &str = "/usr/share/OVMF/OVMF_VARS_4M.fd";

/// The accelerator a boot ran with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accel {
    Kvm,
    Tcg,
}

impl Accel {
    pub fn args(self) -> Vec<String> {
        match self {
            Accel::Kvm => vec!["-accel".into(), "kvm".into(), "-cpu".into(), "host".into()],
            Accel::Tcg => vec!["-accel".into(), "tcg".into(), "-cpu".into(), "max".into()],
        }
    }
    /// Scales a timeout: software emulation is far slower.
    pub fn timeout(self, kvm: Duration) -> Duration {
        match self {
            Accel::Kvm => kvm,
            Accel::Tcg => kvm * 6,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Accel::Kvm => "kvm",
            Accel::Tcg => "tcg",
        }
    }
}

/// A running QEMU whose serial console is read line by line.
pub struct Qemu {
    child: Child,
    started: Instant,
    lines: Arc<Mutex<Vec<(Duration, String)>>>,
}

/// The end of a boot.
#[derive(Debug)]
pub struct Outcome {
    pub exit_code: Option<i32>,
    pub lines: Vec<(Duration, String)>,
}

impl Outcome {
    pub fn log(&self) -> String {
        self.lines
            .iter()
            .map(|(_, l)| l.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
    /// When (since QEMU started) a line containing `needle` appeared.
    pub fn when(&self, needle: &str) -> Option<Duration> {
        self.lines
            .iter()
            .find(|(_, l)| l.contains(needle))
            .map(|(t, _)| *t)
    }
    pub fn tail(&self, n: usize) -> String {
        let start = self.lines.len().saturating_sub(n);
        self.lines[start..]
            .iter()
            .map(|(_, l)| l.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The common QEMU arguments: no display, serial on stdout, no network
/// (skips iPXE), power-off ends QEMU.
pub fn base_args(accel: Accel, memory_mib: u32) -> Vec<String> {
    let mut args = accel.args();
    args.extend(common_args(memory_mib));
    args
}

/// What every board gets: memory, two CPUs, no display, serial on stdout, no
/// network (skips iPXE), power-off ends QEMU.
pub(crate) fn common_args(memory_mib: u32) -> Vec<String> {
    let mut args = Vec::new();
    args.extend(
        [
            "-m",
            &memory_mib.to_string(),
            "-smp",
            "2",
            "-display",
            "none",
            "-serial",
            "stdio",
            "-monitor",
            "none",
            "-no-reboot",
            "-net",
            "none",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    args
}

/// Args for a direct kernel boot.
pub fn direct_args(kernel: &Path, initrd: &Path, cmdline: &str) -> Vec<String> {
    vec![
        "-kernel".into(),
        kernel.display().to_string(),
        "-initrd".into(),
        initrd.display().to_string(),
        "-append".into(),
        cmdline.into(),
    ]
}

/// Args for booting a UKI under OVMF: q35, firmware + a private copy of the
/// variables, and an ESP (a directory QEMU presents as FAT) holding the UKI
/// as \EFI\BOOT\BOOTX64.EFI.
pub fn ovmf_args(code: &Path, vars: &Path, esp: &Path, secure_boot: bool) -> Vec<String> {
    let mut args: Vec<String> = Vec::new();
    if secure_boot {
        args.extend(
            [
                "-machine",
                "q35,smm=on",
                "-global",
                "driver=cfi.pflash01,property=secure,value=on",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
    } else {
        args.extend(["-machine".into(), "q35".into()]);
    }
    args.extend([
        "-drive".into(),
        format!(
            "if=pflash,format=raw,unit=0,readonly=on,file={}",
            code.display()
        ),
        "-drive".into(),
        format!("if=pflash,format=raw,unit=1,file={}", vars.display()),
        "-drive".into(),
        format!("format=raw,file=fat:rw:{}", esp.display()),
    ]);
    args
}

/// A test that panics while QEMU runs must not leave it running.
impl Drop for Qemu {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Qemu {
    /// Starts qemu-system-x86_64.
    pub fn start(args: &[String]) -> Result<Qemu> {
        Qemu::start_binary("qemu-system-x86_64", "qemu-system-x86", args)
    }

    /// Starts `qemu` (from Debian's `package`) with `args`.
    pub fn start_binary(qemu: &str, package: &str, args: &[String]) -> Result<Qemu> {
        let mut child = Command::new(qemu)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| {
                format!("starting {qemu} (apt-get install {package}, or ./bootstrap)")
            })?;
        let started = Instant::now();
        let lines = Arc::new(Mutex::new(Vec::new()));
        for stream in [
            Box::new(child.stdout.take().expect("piped")) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().expect("piped")),
        ] {
            let lines = Arc::clone(&lines);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream);
                let mut buf = Vec::new();
                while reader.read_until(b'\n', &mut buf).unwrap_or(0) > 0 {
                    // Strip escape sequences the firmware sends, keep text.
                    let text = String::from_utf8_lossy(&buf)
                        .replace(|c: char| c == '\r' || (c.is_control() && c != '\t'), "")
                        .trim_end()
                        .to_string();
                    lines.lock().expect("lock").push((started.elapsed(), text));
                    buf.clear();
                }
            });
        }
        Ok(Qemu {
            child,
            started,
            lines,
        })
    }

    /// Waits for QEMU to exit by itself; kills it after `timeout`.
    pub fn wait(mut self, timeout: Duration) -> Result<Outcome> {
        let end = self.started + timeout;
        let status = loop {
            if let Some(status) = self.child.try_wait()? {
                break Some(status);
            }
            if Instant::now() >= end {
                let _ = self.child.kill();
                let _ = self.child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        std::thread::sleep(Duration::from_millis(100));
        let outcome = Outcome {
            exit_code: status.and_then(|s| s.code()),
            lines: self.lines.lock().expect("lock").clone(),
        };
        if status.is_none() {
            bail!(
                "QEMU did not finish within {timeout:?}; last serial lines:\n{}",
                outcome.tail(30)
            );
        }
        Ok(outcome)
    }

    /// Waits until a line contains `needle`, then kills QEMU.
    pub fn wait_for_line(mut self, needle: &str, timeout: Duration) -> Result<Outcome> {
        let found = self.await_line(needle, timeout);
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::thread::sleep(Duration::from_millis(100));
        let outcome = self.outcome(None);
        if !found? {
            bail!(
                "no serial line with {needle:?} within {timeout:?}; last lines:\n{}",
                outcome.tail(30)
            );
        }
        Ok(outcome)
    }

    /// Waits (QEMU keeps running) until a line contains `needle`; false if
    /// QEMU exited or `timeout` (since QEMU started) passed first.
    pub fn await_line(&mut self, needle: &str, timeout: Duration) -> Result<bool> {
        let end = self.started + timeout;
        loop {
            if self.has_line(needle) {
                return Ok(true);
            }
            if self.child.try_wait()?.is_some() || Instant::now() >= end {
                // The reader threads may still hold the last lines.
                std::thread::sleep(Duration::from_millis(100));
                return Ok(self.has_line(needle));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for QEMU to exit by itself, but stops it at once when a line
    /// contains one of `failures` (a test inside the guest said it failed).
    pub fn wait_unless(mut self, failures: &[&str], timeout: Duration) -> Result<Outcome> {
        let end = self.started + timeout;
        loop {
            if let Some(status) = self.child.try_wait()? {
                std::thread::sleep(Duration::from_millis(100));
                return Ok(self.outcome(status.code()));
            }
            let failed = failures.iter().find(|f| self.has_line(f));
            if failed.is_some() || Instant::now() >= end {
                let _ = self.child.kill();
                let _ = self.child.wait();
                std::thread::sleep(Duration::from_millis(100));
                let why = match failed {
                    Some(f) => format!("the guest reported {f:?}"),
                    None => format!("QEMU did not finish within {timeout:?}"),
                };
                bail!("{why}; last serial lines:\n{}", self.outcome(None).tail(60));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The first line so far that contains `needle`.
    pub fn line_with(&self, needle: &str) -> Option<String> {
        self.lines
            .lock()
            .expect("lock")
            .iter()
            .find(|(_, l)| l.contains(needle))
            .map(|(_, l)| l.clone())
    }

    /// The serial log so far (QEMU keeps running).
    pub fn snapshot(&self) -> Outcome {
        self.outcome(None)
    }

    fn has_line(&self, needle: &str) -> bool {
        self.lines
            .lock()
            .expect("lock")
            .iter()
            .any(|(_, l)| l.contains(needle))
    }

    fn outcome(&self, exit_code: Option<i32>) -> Outcome {
        Outcome {
            exit_code,
            lines: self.lines.lock().expect("lock").clone(),
        }
    }
}

/// QEMU arguments for a QMP control socket at `socket`.
pub fn qmp_args(socket: &Path) -> Vec<String> {
    vec![
        "-qmp".into(),
        format!("unix:{},server=on,wait=off", socket.display()),
    ]
}

/// Runs one QMP command (e.g. `system_powerdown`, what a cloud's "stop
/// instance" does: the ACPI power button) on a QEMU started with
/// [`qmp_args`].
pub fn qmp(socket: &Path, command: &str) -> Result<()> {
    let stream = UnixStream::connect(socket)
        .with_context(|| format!("connecting to QMP at {}", socket.display()))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader
        .read_line(&mut line)
        .context("reading QMP's greeting")?;
    for execute in ["qmp_capabilities", command] {
        writeln!(writer, r#"{{"execute":"{execute}"}}"#)?;
        // Skip asynchronous events until the command's own answer.
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 {
                bail!("QMP closed the connection after {execute}");
            }
            if line.contains(r#""return""#) {
                break;
            }
            if line.contains(r#""error""#) {
                bail!("QMP {execute}: {}", line.trim());
            }
        }
    }
    Ok(())
}

/// KVM if a kernel boots with it, else TCG. /dev/kvm may exist and still not
/// run guests (a PVM device, nested virtualization off): the probe boots
/// `kernel` and waits a few seconds for its first console line. The answer
/// is cached in `cache` for the rest of the test run.
pub fn probe_accel(kernel: &Path, initrd: &Path, cache: &Path) -> Accel {
    if let Ok(text) = std::fs::read_to_string(cache) {
        match text.trim() {
            "kvm" => return Accel::Kvm,
            "tcg" => return Accel::Tcg,
            _ => {}
        }
    }
    let accel = if !Path::new("/dev/kvm").exists() {
        Accel::Tcg
    } else {
        let mut args = base_args(Accel::Kvm, 256);
        args.extend(direct_args(kernel, initrd, "console=ttyS0"));
        match Qemu::start(&args)
            .and_then(|q| q.wait_for_line("Linux version", Duration::from_secs(8)))
        {
            Ok(_) => Accel::Kvm,
            Err(_) => Accel::Tcg,
        }
    };
    if let Some(dir) = cache.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(cache, accel.name());
    accel
}

/// What every successful boot must show, in order (on every architecture):
/// pideins up, mvirt-vmm serving, KVM reported, the self-check passed, a
/// clean power-off. Panics with the serial log's tail otherwise.
pub fn assert_healthy(outcome: &Outcome, name: &str, accel: &str) {
    let log = outcome.log();
    let expect = &[
        "pideins: starting (pid 1",
        "pideins: mounted proc on /proc",
        "pideins: mounted sysfs on /sys",
        "pideins: mounted devtmpfs on /dev",
        "pideins: mounted tmpfs on /run",
        "pideins: hostname mvirt",
        "pideins: lo up",
        "pideins: started mvirt-vmm",
        "mvirt-vmm 0.1.0: serving on /run/mvirt/vmm.sock",
        "kvm: ",
        "pideins: selfcheck passed",
        "pideins: stopping mvirt-vmm",
        "pideins: power off",
        "reboot: Power down",
    ];
    assert_in_order(outcome, name, expect);
    assert_eq!(
        outcome.exit_code,
        Some(0),
        "{name}: QEMU did not exit cleanly"
    );
    let serving = outcome.when("selfcheck passed").unwrap();
    let guest = log
        .lines()
        .find_map(|l| l.split("succeeded at ").nth(1))
        .and_then(|r| r.split('s').next())
        .unwrap_or("?");
    println!(
        "boot {name}: accel={}, QEMU start → mvirt-vmm serving: {:.2}s (guest uptime {guest}s), power-off after {:.2}s",
        accel,
        serving.as_secs_f64(),
        outcome.lines.last().map(|(t, _)| t.as_secs_f64()).unwrap_or(0.0)
    );
}

/// `lines` appear in `outcome`'s log in this order.
pub fn assert_in_order(outcome: &Outcome, name: &str, lines: &[&str]) {
    let log = outcome.log();
    let mut at = 0;
    for needle in lines {
        match log[at..].find(needle) {
            Some(i) => at += i + needle.len(),
            None => panic!(
                "{name}: {needle:?} missing or out of order; last serial lines:\n{}",
                outcome.tail(40)
            ),
        }
    }
}
