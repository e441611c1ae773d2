//! The `mvirt` command line: talks to mvirt-vmm over its socket or, from
//! another machine, over mutual TLS ([`remote`]); makes the certificates
//! for that ([`pki`]); signals PID 1 for host shutdown and reboot. Tables for people, `--json` for
//! scripts (the API's JSON). [`run`] is the whole CLI, callable in-process
//! by tests.
//!
//! Output goes to the writer `run` is given; a write error ends the command
//! with that error. The binary exits 0 without a message when its stdout
//! is a closed pipe (`mvirt vm list | head -1`), 1 on other errors.

pub mod image;
pub mod pki;
pub mod remote;
pub mod seed;

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use mvirt_api::client::Endpoint;
use mvirt_api::{client, Status, StopRequest, VmInfo, VmSpec};

/// A write to the output failed (its cause is the `source`).
#[derive(Debug)]
struct WriteError(std::io::Error);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("writing the output")
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// The output, whose errors say they are about it (of the same kind, so a
/// closed pipe is still told apart).
struct Output<'a>(&'a mut dyn Write);

impl Output<'_> {
    fn tag(e: std::io::Error) -> std::io::Error {
        std::io::Error::new(e.kind(), WriteError(e))
    }
}

impl Write for Output<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf).map_err(Self::tag)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush().map_err(Self::tag)
    }
}

/// Whether `e` is a write to a closed pipe (which the binary exits quietly on).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[derive(Parser)]
#[command(name = "mvirt", version, about = "Manage an mvirt-os host and its VMs")]
struct Cli {
    /// The mvirt-vmm socket.
    #[arg(long, global = true, default_value = mvirt_api::DEFAULT_SOCKET)]
    socket: PathBuf,
    /// Print JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
    #[command(flatten)]
    remote: remote::RemoteArgs,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Daemon health, KVM, CPUs, memory, cloud-hypervisor, VMs.
    Status {
        /// Wait up to this many seconds for mvirt-vmm to accept connections
        /// (while it is starting) instead of failing at once. Made for boot
        /// checks: one process polls the socket instead of a retry loop
        /// starting a process per try.
        #[arg(long, value_name = "SECS")]
        wait: Option<f64>,
    },
    /// Manage VMs.
    #[command(subcommand)]
    Vm(VmCmd),
    /// Kernels, initramfs and firmware pushed to the host (image:NAME).
    #[command(subcommand)]
    Image(image::ImageCmd),
    /// Print a VM's serial console log (--follow to keep reading).
    Console {
        name: String,
        #[arg(long, short)]
        follow: bool,
    },
    /// Make an operators' CA and client certificates (for --endpoint).
    #[command(subcommand)]
    Pki(pki::PkiCmd),
    /// Contexts: hosts and the credentials for them.
    #[command(subcommand)]
    Config(pki::ConfigCmd),
    /// Power the host off (asks PID 1: SIGUSR2).
    Shutdown,
    /// Reboot the host (asks PID 1: SIGTERM).
    Reboot,
}

// Parsed once per run: the size of the create variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum VmCmd {
    /// Define a VM (it does not start).
    Create {
        name: String,
        #[arg(long, default_value_t = 1)]
        vcpus: u32,
        /// Memory in MiB.
        #[arg(long, default_value_t = 512)]
        memory: u64,
        #[arg(long)]
        kernel: Option<String>,
        #[arg(long)]
        initramfs: Option<String>,
        #[arg(long)]
        cmdline: Option<String>,
        #[arg(long)]
        firmware: Option<String>,
        #[arg(long = "disk")]
        disks: Vec<String>,
        /// A network interface on the bridge mvirt0: a tap mvirt-vmm makes
        /// at start and removes at stop, with a MAC derived from the name.
        #[arg(long, conflicts_with = "tap")]
        net: bool,
        /// An existing tap device instead (not managed by mvirt-vmm).
        #[arg(long, value_name = "EXISTING")]
        tap: Option<String>,
        /// Start the VM whenever the host boots (its definition is kept on
        /// the data disk; see `mvirt status`).
        #[arg(long)]
        autostart: bool,
        /// Grow the first disk made from a pushed image (--disk image:NAME,
        /// which the VM gets its own copy of) to SIZE (bytes, or with K, M,
        /// G or T: powers of 1024).
        #[arg(long, value_name = "SIZE", value_parser = image::parse_size)]
        disk_size: Option<u64>,
        #[command(flatten)]
        seed: seed::SeedArgs,
    },
    /// All VMs: state, net, last exit.
    List,
    /// One VM in detail.
    Get { name: String },
    /// Launch cloud-hypervisor for the VM.
    Start { name: String },
    /// Press the ACPI power button and wait for the guest to power off;
    /// after the timeout, cloud-hypervisor shuts the VM down, then SIGKILL.
    Stop {
        name: String,
        /// Seconds the guest gets to power off after the power button.
        #[arg(long, default_value_t = 10, value_name = "SECS")]
        timeout: u64,
    },
    /// SIGKILL cloud-hypervisor (also ends a stop in progress).
    Kill { name: String },
    /// Remove a VM that is not running.
    Delete { name: String },
    /// Print cloud-hypervisor's own log for the VM (its errors).
    Log {
        name: String,
        #[arg(long, short)]
        follow: bool,
    },
}

struct Api {
    endpoint: Endpoint,
}

impl Api {
    fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<Vec<u8>>,
        timeout: Duration,
    ) -> Result<Vec<u8>> {
        let r = client::request(&self.endpoint, method, path, body.as_deref(), timeout)?;
        if !r.ok() {
            bail!("{} ({})", r.error_message(), r.status);
        }
        Ok(r.body)
    }

    /// Prints a VM's log (`console` or `log`) through the API, chunk by
    /// chunk; with `follow`, what is added until interrupted.
    fn follow_log(&self, name: &str, which: &str, follow: bool, out: &mut dyn Write) -> Result<()> {
        let mut offset = 0u64;
        loop {
            let path = format!("/v1/vms/{name}/{which}?offset={offset}");
            let r = client::request(&self.endpoint, "GET", &path, None, Duration::from_secs(10))?;
            if !r.ok() {
                bail!("{} ({})", r.error_message(), r.status);
            }
            out.write_all(&r.body)?;
            out.flush()?;
            let next = r
                .header("x-mvirt-next-offset")
                .and_then(|v| v.parse().ok())
                .context("the daemon's answer has no x-mvirt-next-offset")?;
            let more = next > offset && r.body.len() >= mvirt_api::MAX_LOG_CHUNK;
            offset = next;
            if more {
                continue;
            }
            if !follow {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Like [`Api::call`] without a body, but while the daemon does not
    /// accept connections yet (no socket, or nobody listening), tries again
    /// every 5 ms for up to `wait_s` seconds.
    fn call_when_up(
        &self,
        method: &str,
        path: &str,
        timeout: Duration,
        wait_s: f64,
    ) -> Result<Vec<u8>> {
        let wait = Duration::try_from_secs_f64(wait_s)
            .with_context(|| format!("--wait {wait_s}: not a number of seconds"))?;
        let deadline = std::time::Instant::now() + wait;
        loop {
            let result = self.call(method, path, None, timeout);
            let refused = matches!(
                result
                    .as_ref()
                    .map_err(|e| e.downcast_ref::<client::ClientError>()),
                Err(Some(client::ClientError::Connect { .. }))
            );
            if !refused {
                return result;
            }
            if std::time::Instant::now() >= deadline {
                return result
                    .with_context(|| format!("mvirt-vmm did not answer within {wait_s}s"));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn state(v: &VmInfo) -> String {
    format!("{:?}", v.state).to_lowercase()
}

/// The NET column: the MAC of a managed tap, or the existing tap's name.
fn net_column(v: &VmInfo) -> String {
    match &v.net {
        Some(n) if n.managed => n.mac.clone(),
        Some(n) => format!("tap:{}", n.tap),
        None => "-".into(),
    }
}

fn vm_table(out: &mut dyn Write, vms: &[VmInfo]) -> Result<()> {
    writeln!(
        out,
        "{:<20} {:<8} {:>5} {:>9} {:>8}  {:<17}  LAST EXIT",
        "NAME", "STATE", "VCPUS", "MEMORY", "PID", "NET"
    )?;
    for v in vms {
        writeln!(
            out,
            "{:<20} {:<8} {:>5} {:>6}MiB {:>8}  {:<17}  {}",
            v.spec.name,
            state(v),
            v.spec.vcpus,
            v.spec.memory_mib,
            v.pid.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
            net_column(v),
            v.last_exit.as_deref().unwrap_or("-")
        )?;
    }
    Ok(())
}

/// `mvirt vm get NAME`: one field a line.
fn vm_details(out: &mut dyn Write, v: &VmInfo) -> Result<()> {
    let s = &v.spec;
    let mut rows: Vec<(&str, String)> = vec![
        ("name", s.name.clone()),
        ("state", state(v)),
        (
            "pid",
            v.pid.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
        ),
        ("vcpus", s.vcpus.to_string()),
        ("memory", format!("{} MiB", s.memory_mib)),
    ];
    let optional = [
        ("kernel", &s.kernel),
        ("initramfs", &s.initramfs),
        ("cmdline", &s.cmdline),
        ("firmware", &s.firmware),
    ];
    rows.extend(
        optional
            .into_iter()
            .filter_map(|(k, val)| Some((k, val.clone()?))),
    );
    rows.extend(s.disks.iter().map(|d| ("disk", d.clone())));
    if let Some(n) = &v.net {
        let how = match (&n.bridge, n.managed) {
            (Some(b), true) => format!("managed, on bridge {b}"),
            (None, true) => "managed".into(),
            (_, false) => "existing, not managed".into(),
        };
        rows.push(("net", format!("tap {} ({how}), mac {}", n.tap, n.mac)));
    }
    rows.extend([
        ("api socket", v.api_socket.clone()),
        ("serial log", v.serial_log.clone()),
        ("log", v.log.clone()),
        (
            "last exit",
            v.last_exit.clone().unwrap_or_else(|| "-".into()),
        ),
    ]);
    for (k, val) in rows {
        writeln!(out, "{:<11} {val}", format!("{k}:"))?;
    }
    Ok(())
}

/// Prints a file (a log) and, with `follow`, what is added to it until
/// interrupted; starts over when it is rewritten (a VM's new start).
fn show_file(path: &str, follow: bool, out: &mut dyn Write) -> Result<()> {
    let mut offset = 0u64;
    loop {
        match std::fs::File::open(path) {
            Ok(mut f) => {
                let len = f.metadata().with_context(|| path.to_string())?.len();
                if len < offset {
                    offset = 0;
                }
                f.seek(SeekFrom::Start(offset))
                    .with_context(|| path.to_string())?;
                offset += std::io::copy(&mut f.take(len - offset), out)?;
                out.flush()?;
            }
            // Not there yet: the VM has not started since it was created.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| path.to_string()),
        }
        if !follow {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn signal_init(sig: libc::c_int) -> Result<()> {
    // SAFETY: kill(2) with a constant pid and signal.
    if unsafe { libc::kill(1, sig) } != 0 {
        bail!("signalling PID 1: {}", std::io::Error::last_os_error());
    }
    Ok(())
}

/// Runs the CLI with `args` (args[0] is the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8> {
    let out = &mut Output(out);
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        // --help and --version: output like any other, errors and all.
        Err(e) if !e.use_stderr() => {
            write!(out, "{}", e.render())?;
            out.flush()?;
            return Ok(0);
        }
        Err(e) => {
            let _ = e.print();
            return Ok(2);
        }
    };
    let cmd = match cli.command {
        Cmd::Pki(cmd) => return pki::pki(cmd, out).map(|()| 0),
        Cmd::Config(cmd) => return pki::config(cmd, &cli.remote, out).map(|()| 0),
        cmd => cmd,
    };
    let api = Api {
        endpoint: remote::endpoint(&cli.remote, &cli.socket)?,
    };
    let local = matches!(api.endpoint, Endpoint::Unix(_));
    let quick = Duration::from_secs(10);
    match cmd {
        Cmd::Status { wait } => {
            let body = match wait {
                Some(secs) => api.call_when_up("GET", "/v1/status", quick, secs)?,
                None => api.call("GET", "/v1/status", None, quick)?,
            };
            let s: Status = serde_json::from_slice(&body).context("decoding status")?;
            if cli.json {
                writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?;
            } else {
                writeln!(out, "mvirt-vmm {}: serving on {}", s.version, api.endpoint)?;
                writeln!(
                    out,
                    "kvm: {} ({})",
                    if s.kvm.usable { "usable" } else { "NOT usable" },
                    s.kvm.detail
                )?;
                writeln!(out, "cpus: {}, memory: {} MiB", s.cpus, s.memory_kib / 1024)?;
                let ch = &s.cloud_hypervisor;
                writeln!(
                    out,
                    "cloud-hypervisor: {} ({})",
                    ch.path,
                    match (&ch.version, ch.present) {
                        (Some(v), _) => format!("present, {v}"),
                        (None, true) => "present, version unknown".into(),
                        (None, false) => "absent: image built without it".into(),
                    }
                )?;
                let n = &s.network;
                match &n.bridge {
                    None => writeln!(out, "network: {}", n.detail)?,
                    Some(b) => writeln!(
                        out,
                        "network: bridge {b} {}: {}",
                        if n.ready { "ready" } else { "NOT ready" },
                        n.detail
                    )?,
                }
                writeln!(out, "host address: {}", n.host)?;
                let st = &s.storage;
                writeln!(
                    out,
                    "state: {}: {}",
                    match (st.persistent, st.read_only) {
                        (true, false) => "on the data disk",
                        (true, true) => "on the data disk, READ-ONLY",
                        (false, _) => "in RAM, lost at shutdown",
                    },
                    st.detail
                )?;
                if !s.config.is_empty() {
                    writeln!(out, "config volume: {}", s.config)?;
                }
                writeln!(out, "vms: {} ({} running)", s.vms, s.vms_running)?;
            }
        }
        Cmd::Vm(cmd) => {
            let (method, path, body, timeout) = match &cmd {
                VmCmd::Create {
                    name,
                    vcpus,
                    memory,
                    kernel,
                    initramfs,
                    cmdline,
                    firmware,
                    disks,
                    net,
                    tap,
                    autostart,
                    disk_size,
                    seed,
                } => {
                    let seed = seed.spec()?;
                    let spec = VmSpec {
                        name: name.clone(),
                        vcpus: *vcpus,
                        memory_mib: *memory,
                        kernel: kernel.clone(),
                        initramfs: initramfs.clone(),
                        cmdline: cmdline.clone(),
                        firmware: firmware.clone(),
                        disks: disks.clone(),
                        net: *net,
                        tap: tap.clone(),
                        autostart: *autostart,
                        seed,
                        disk_size: *disk_size,
                    };
                    (
                        "POST",
                        "/v1/vms".to_string(),
                        Some(serde_json::to_vec(&spec)?),
                        quick,
                    )
                }
                VmCmd::List => ("GET", "/v1/vms".into(), None, quick),
                VmCmd::Get { name } => ("GET", format!("/v1/vms/{name}"), None, quick),
                VmCmd::Start { name } => ("POST", format!("/v1/vms/{name}/start"), None, quick),
                VmCmd::Stop { name, timeout } => (
                    "POST",
                    format!("/v1/vms/{name}/stop"),
                    Some(serde_json::to_vec(&StopRequest {
                        timeout_s: Some(*timeout),
                    })?),
                    // The daemon's own limits after the timeout: 2 s for
                    // cloud-hypervisor's shutdown, 5 s for SIGKILL; and slack.
                    Duration::from_secs(timeout.saturating_add(20)),
                ),
                VmCmd::Kill { name } => ("POST", format!("/v1/vms/{name}/kill"), None, quick),
                VmCmd::Delete { name } => ("DELETE", format!("/v1/vms/{name}"), None, quick),
                VmCmd::Log { name, .. } => ("GET", format!("/v1/vms/{name}"), None, quick),
            };
            let body = api.call(method, &path, body, timeout)?;
            if let VmCmd::Delete { name } = &cmd {
                if cli.json {
                    writeln!(out, "{{\"deleted\": {}}}", serde_json::to_string(name)?)?;
                } else {
                    writeln!(out, "deleted {name}")?;
                }
            } else if let VmCmd::List = cmd {
                let vms: Vec<VmInfo> = serde_json::from_slice(&body).context("decoding VMs")?;
                if cli.json {
                    writeln!(out, "{}", serde_json::to_string_pretty(&vms)?)?;
                } else {
                    vm_table(out, &vms)?;
                }
            } else {
                let vm: VmInfo = serde_json::from_slice(&body).context("decoding the VM")?;
                match &cmd {
                    VmCmd::Log { name, follow } if !local => {
                        api.follow_log(name, "log", *follow, out)?
                    }
                    VmCmd::Log { follow, .. } => show_file(&vm.log, *follow, out)?,
                    _ if cli.json => writeln!(out, "{}", serde_json::to_string_pretty(&vm)?)?,
                    VmCmd::Get { .. } => vm_details(out, &vm)?,
                    _ => vm_table(out, std::slice::from_ref(&vm))?,
                }
            }
        }
        Cmd::Image(cmd) => image::image(cmd, &api.endpoint, cli.json, out)?,
        Cmd::Console { name, follow } if !local => api.follow_log(&name, "console", follow, out)?,
        Cmd::Console { name, follow } => {
            let body = api.call("GET", &format!("/v1/vms/{name}"), None, quick)?;
            let vm: VmInfo = serde_json::from_slice(&body).context("decoding the VM")?;
            show_file(&vm.serial_log, follow, out)?;
        }
        // On the host, PID 1 is asked directly (the daemon may be down);
        // from elsewhere the daemon asks it (never this machine's PID 1).
        Cmd::Shutdown if local => signal_init(libc::SIGUSR2)?,
        Cmd::Reboot if local => signal_init(libc::SIGTERM)?,
        Cmd::Shutdown | Cmd::Reboot => {
            let what = if matches!(cmd, Cmd::Reboot) {
                "reboot"
            } else {
                "shutdown"
            };
            api.call("POST", &format!("/v1/host/{what}"), None, quick)?;
            writeln!(out, "{}: {what} requested", api.endpoint)?;
        }
        // Answered above, without a host.
        Cmd::Pki(_) | Cmd::Config(_) => {}
    }
    // What is still buffered must reach its destination, or fail here.
    out.flush()?;
    Ok(0)
}
