//! The `mvirt` command line: talks to mvirt-vmm over its socket, signals
//! PID 1 for host shutdown and reboot. Tables for people, `--json` for
//! scripts. [`run`] is the whole CLI, callable in-process by tests.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use mvirt_api::{client, Status, StopRequest, VmInfo, VmSpec};

#[derive(Parser)]
#[command(name = "mvirt", version, about = "Manage an mvirt-os host and its VMs")]
struct Cli {
    /// The mvirt-vmm socket.
    #[arg(long, global = true, default_value = mvirt_api::DEFAULT_SOCKET)]
    socket: PathBuf,
    /// Print JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
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
    /// Print a VM's serial console log (--follow to keep reading).
    Console {
        name: String,
        #[arg(long, short)]
        follow: bool,
    },
    /// Power the host off (asks PID 1: SIGUSR2).
    Shutdown,
    /// Reboot the host (asks PID 1: SIGTERM).
    Reboot,
}

#[derive(Subcommand)]
enum VmCmd {
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
        #[arg(long)]
        tap: Option<String>,
    },
    List,
    Get {
        name: String,
    },
    Start {
        name: String,
    },
    Stop {
        name: String,
        /// Seconds before a graceful stop turns into SIGKILL.
        #[arg(long, default_value_t = 10)]
        timeout: u64,
    },
    Kill {
        name: String,
    },
    Delete {
        name: String,
    },
}

struct Api {
    socket: PathBuf,
}

impl Api {
    fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<Vec<u8>>,
        timeout: Duration,
    ) -> Result<Vec<u8>> {
        let r = client::request(&self.socket, method, path, body.as_deref(), timeout)?;
        if !r.ok() {
            bail!("{} ({})", r.error_message(), r.status);
        }
        Ok(r.body)
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

fn vm_table(out: &mut dyn Write, vms: &[VmInfo]) -> Result<()> {
    writeln!(
        out,
        "{:<20} {:<8} {:>5} {:>9} {:>8}  LAST EXIT",
        "NAME", "STATE", "VCPUS", "MEMORY", "PID"
    )?;
    for v in vms {
        writeln!(
            out,
            "{:<20} {:<8} {:>5} {:>6}MiB {:>8}  {}",
            v.spec.name,
            format!("{:?}", v.state).to_lowercase(),
            v.spec.vcpus,
            v.spec.memory_mib,
            v.pid.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
            v.last_exit.as_deref().unwrap_or("-")
        )?;
    }
    Ok(())
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
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return Ok(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let api = Api {
        socket: cli.socket.clone(),
    };
    let quick = Duration::from_secs(10);
    match cli.command {
        Cmd::Status { wait } => {
            let body = match wait {
                Some(secs) => api.call_when_up("GET", "/v1/status", quick, secs)?,
                None => api.call("GET", "/v1/status", None, quick)?,
            };
            let s: Status = serde_json::from_slice(&body).context("decoding status")?;
            if cli.json {
                writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?;
            } else {
                writeln!(
                    out,
                    "mvirt-vmm {}: serving on {}",
                    s.version,
                    cli.socket.display()
                )?;
                writeln!(
                    out,
                    "kvm: {} ({})",
                    if s.kvm.usable { "usable" } else { "NOT usable" },
                    s.kvm.detail
                )?;
                writeln!(out, "cpus: {}, memory: {} MiB", s.cpus, s.memory_kib / 1024)?;
                writeln!(
                    out,
                    "cloud-hypervisor: {} ({})",
                    s.cloud_hypervisor.path,
                    if s.cloud_hypervisor.present {
                        "present"
                    } else {
                        "absent: image built without it"
                    }
                )?;
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
                    tap,
                } => {
                    let spec = VmSpec {
                        name: name.clone(),
                        vcpus: *vcpus,
                        memory_mib: *memory,
                        kernel: kernel.clone(),
                        initramfs: initramfs.clone(),
                        cmdline: cmdline.clone(),
                        firmware: firmware.clone(),
                        disks: disks.clone(),
                        tap: tap.clone(),
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
                    Duration::from_secs(timeout + 15),
                ),
                VmCmd::Kill { name } => ("POST", format!("/v1/vms/{name}/kill"), None, quick),
                VmCmd::Delete { name } => ("DELETE", format!("/v1/vms/{name}"), None, quick),
            };
            let body = api.call(method, &path, body, timeout)?;
            if let VmCmd::Delete { name } = &cmd {
                if cli.json {
                    writeln!(out, "{{\"deleted\": {}}}", serde_json::to_string(name)?)?;
                } else {
                    writeln!(out, "deleted {name}")?;
                }
            } else if let VmCmd::List = cmd {
                let vms: Vec<VmInfo> = serde_json::from_slice(&body)?;
                if cli.json {
                    writeln!(out, "{}", serde_json::to_string_pretty(&vms)?)?;
                } else {
                    vm_table(out, &vms)?;
                }
            } else {
                let vm: VmInfo = serde_json::from_slice(&body)?;
                if cli.json {
                    writeln!(out, "{}", serde_json::to_string_pretty(&vm)?)?;
                } else {
                    vm_table(out, std::slice::from_ref(&vm))?;
                }
            }
        }
        Cmd::Console { name, follow } => {
            let body = api.call("GET", &format!("/v1/vms/{name}"), None, quick)?;
            let vm: VmInfo = serde_json::from_slice(&body)?;
            let mut offset = 0usize;
            loop {
                let data = std::fs::read(&vm.serial_log).unwrap_or_default();
                if data.len() > offset {
                    out.write_all(&data[offset..])?;
                    out.flush()?;
                    offset = data.len();
                }
                if !follow {
                    break;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        }
        Cmd::Shutdown => signal_init(libc::SIGUSR2)?,
        Cmd::Reboot => signal_init(libc::SIGTERM)?,
    }
    Ok(0)
}
