//! VMs: definitions kept on disk, cloud-hypervisor processes launched,
//! watched, stopped and re-adopted after a daemon restart.
//!
//! State lives in `<state_dir>/<name>.json`, written atomically (temporary
//! file + rename), so a crash never leaves a half-written definition.
//!
//! Requests run concurrently. The table's mutex is only held to read or
//! change records, never across a slow call (cloud-hypervisor's API, a
//! wait for a process, a tap or bridge ioctl): an operation that needs one
//! first marks the VM busy ([`Op`]) under the lock, works without it, and
//! records its result under it again. Conflicting requests meanwhile get
//! a 409 that names the operation in progress.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use mvirt_api::{NetInfo, Network, VmInfo, VmSpec, VmState};
use serde::{Deserialize, Serialize};

use crate::host;
use crate::net;
use crate::process::Proc;

/// A request error: HTTP status and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub message: String,
}

pub fn refuse(status: u16, message: impl Into<String>) -> Refusal {
    Refusal {
        status,
        message: message.into(),
    }
}

/// Where things are.
#[derive(Clone, Debug)]
pub struct Paths {
    pub state_dir: PathBuf,
    pub run_dir: PathBuf,
    pub cloud_hypervisor: PathBuf,
}

/// How long cloud-hypervisor gets to end after `vm.shutdown` and
/// `vmm.shutdown` (it tears the VM down at once) before SIGKILL.
pub const API_SHUTDOWN_GRACE: Duration = Duration::from_secs(2);
/// How long one call to cloud-hypervisor's API may take.
const CH_API_TIMEOUT: Duration = Duration::from_secs(2);
/// How long a SIGKILLed process gets to be reaped.
const KILL_WAIT: Duration = Duration::from_secs(5);

/// What a request is doing to a VM, which other requests must not disturb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Starting,
    Stopping,
    Deleting,
}

/// What the daemon keeps of a VM, in memory and in `<name>.json`: what the
/// API reports, and the identity of its process.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Record {
    #[serde(flatten)]
    info: VmInfo,
    /// `info.pid`'s start time (see [`crate::process::ProcStat`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pid_start_ticks: Option<u64>,
    /// The running process (with `info.state` Running).
    #[serde(skip)]
    proc: Option<Arc<Proc>>,
    #[serde(skip)]
    busy: Option<Op>,
}

impl Record {
    /// What the API shows: Running shows as Stopping while a stop runs.
    fn view(&self) -> VmInfo {
        let mut info = self.info.clone();
        if self.busy == Some(Op::Stopping) && info.state == VmState::Running {
            info.state = VmState::Stopping;
        }
        info
    }

    fn managed_tap(&self) -> Option<String> {
        self.info
            .net
            .as_ref()
            .filter(|n| n.managed)
            .map(|n| n.tap.clone())
    }

    /// The 409 for a request `wanted` ("start it", ...) while another runs.
    fn check_idle(&self, wanted: &str) -> Result<(), Refusal> {
        let name = &self.info.spec.name;
        match self.busy {
            None => Ok(()),
            Some(Op::Starting) => Err(refuse(
                409,
                format!("{name} is being started by another request; try again in a moment"),
            )),
            Some(Op::Stopping) => Err(refuse(
                409,
                format!(
                    "{name} is being stopped by another request; {wanted} when that stop has ended"
                ),
            )),
            Some(Op::Deleting) => Err(refuse(409, format!("{name} is being deleted"))),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking request thread must not take the daemon down with it.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The daemon: all VMs, and what it knows of the host.
pub struct Vmm {
    paths: Paths,
    /// None: networking off (`--no-bridge`).
    net: Option<net::Config>,
    network: Mutex<Network>,
    ch_version: OnceLock<Option<String>>,
    table: Mutex<BTreeMap<String, Record>>,
}

pub type Shared = Arc<Vmm>;

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 32
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
}

/// The network interface a spec asks for.
fn net_info(spec: &VmSpec, bridge: Option<&str>) -> Option<NetInfo> {
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

/// Writes a VM's state atomically.
fn save(paths: &Paths, rec: &Record) -> std::io::Result<()> {
    let name = &rec.info.spec.name;
    let path = paths.state_dir.join(format!("{name}.json"));
    let tmp = paths.state_dir.join(format!(".{name}.json.tmp"));
    std::fs::write(&tmp, serde_json::to_vec_pretty(rec).expect("serializable"))?;
    std::fs::rename(&tmp, &path)
}

/// An error and its causes, for messages (`{:#}` of anyhow, without it).
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        s += &format!(": {c}");
        cause = c.source();
    }
    s
}

/// The busy mark of one operation; cleared when dropped.
struct Claim {
    vmm: Shared,
    name: String,
    op: Op,
}

impl Drop for Claim {
    fn drop(&mut self) {
        if let Some(rec) = lock(&self.vmm.table).get_mut(&self.name) {
            if rec.busy == Some(self.op) {
                rec.busy = None;
            }
        }
    }
}

/// How a process ended, as its watcher saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Exit {
    Code(i32),
    Signal(i32),
    /// Not our child (re-adopted), or wait failed: why it is unknown.
    Unknown(String),
}

impl Exit {
    fn of(status: std::process::ExitStatus) -> Exit {
        use std::os::unix::process::ExitStatusExt;
        match (status.code(), status.signal()) {
            (Some(c), _) => Exit::Code(c),
            (_, Some(s)) => Exit::Signal(s),
            _ => Exit::Unknown(status.to_string()),
        }
    }

    /// For "<what the daemon did> (<this>)".
    fn short(&self) -> String {
        match self {
            Exit::Code(c) => format!("exit status {c}"),
            Exit::Signal(s) => format!("signal {s}"),
            Exit::Unknown(why) => format!("exit status unknown: {why}"),
        }
    }

    /// When the process ended by itself.
    fn long(&self) -> String {
        match self {
            Exit::Code(c) => format!("exited with status {c}"),
            Exit::Signal(s) => format!("was killed by signal {s}"),
            Exit::Unknown(why) => format!("ended (exit status unknown: {why})"),
        }
    }
}

/// The last few non-empty lines of a log, joined, for last_exit.
fn log_tail(path: &str) -> Option<String> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = std::fs::File::open(path).ok()?;
    let len = f.metadata().ok()?.len();
    f.seek(SeekFrom::Start(len.saturating_sub(4096))).ok()?;
    let mut buf = Vec::new();
    f.read_to_end(&mut buf).ok()?;
    let text = String::from_utf8_lossy(&buf);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let tail = lines[lines.len().saturating_sub(3)..].join(" | ");
    if tail.is_empty() {
        return None;
    }
    let mut tail: String = tail.chars().take(600).collect();
    if tail.len() < text.len() && lines.len() > 3 {
        tail.insert_str(0, "... ");
    }
    Some(tail)
}

/// What last_exit says: what the daemon did (if anything) and how the
/// process ended, with the end of cloud-hypervisor's log when it failed.
fn last_exit(ending: Option<String>, exit: &Exit, log: &str) -> String {
    let mut why = match ending {
        Some(e) => format!("{e} ({})", exit.short()),
        None => exit.long(),
    };
    let failed = matches!(exit, Exit::Code(c) if *c != 0)
        || matches!(exit, Exit::Signal(s) if *s != libc::SIGKILL);
    if failed {
        if let Some(tail) = log_tail(log) {
            why += &format!("; {log} ends: {tail}");
        }
    }
    why
}

/// The "what the daemon did" halves of last_exit (see [`last_exit`]).
pub mod ending {
    pub const POWER_BUTTON: &str = "powered off by the guest after the power button";
    pub const KILL: &str = "killed by mvirt vm kill";

    pub fn api_shutdown(after: &str) -> String {
        format!("shut down by cloud-hypervisor (vm.shutdown, vmm.shutdown) after {after}")
    }

    pub fn killed(after: &str) -> String {
        format!(
            "killed (SIGKILL) after {after}, and cloud-hypervisor did not end within {}s of vm.shutdown and vmm.shutdown",
            super::API_SHUTDOWN_GRACE.as_secs()
        )
    }
}

impl Vmm {
    /// Loads the definitions; VMs recorded as running are re-adopted when
    /// their process still runs, else marked stopped with the reason.
    /// Taps of VMs that are not running are removed (a daemon that died
    /// between a VM's end and its cleanup leaves one behind).
    pub fn load(paths: Paths, net: Option<net::Config>) -> std::io::Result<Shared> {
        std::fs::create_dir_all(&paths.state_dir)?;
        std::fs::create_dir_all(&paths.run_dir)?;
        let mut entries: Vec<_> = std::fs::read_dir(&paths.state_dir)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        entries.sort();
        let bridge = net.as_ref().map(|n| n.bridge.as_str());
        let mut vms = BTreeMap::new();
        for path in entries {
            let Ok(text) = std::fs::read(&path) else {
                continue;
            };
            let mut rec: Record = match serde_json::from_slice(&text) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("mvirt-vmm: ignoring {}: {e}", path.display());
                    continue;
                }
            };
            let name = rec.info.spec.name.clone();
            // Fields state files written by older daemons lack.
            rec.info.log = paths
                .run_dir
                .join(format!("{name}.log"))
                .display()
                .to_string();
            rec.info.net = net_info(&rec.info.spec, bridge);
            if rec.info.state == VmState::Running {
                let adopted = rec
                    .info
                    .pid
                    .and_then(|pid| Proc::adopt(pid, rec.pid_start_ticks, &rec.info.api_socket));
                match adopted {
                    Some(p) => {
                        eprintln!("mvirt-vmm: re-adopted {name} (pid {})", p.pid);
                        rec.pid_start_ticks = p.start_ticks;
                        rec.proc = Some(Arc::new(p));
                    }
                    None => {
                        rec.info.state = VmState::Stopped;
                        rec.info.pid = None;
                        rec.info.last_exit = Some("not running after a daemon restart".into());
                        rec.pid_start_ticks = None;
                    }
                }
            }
            if rec.proc.is_none() {
                if let Some(tap) = rec.managed_tap() {
                    match net::remove_tap(&tap) {
                        Ok(true) => eprintln!("mvirt-vmm: removed {name}'s leftover tap {tap}"),
                        Ok(false) => {}
                        Err(e) => eprintln!("mvirt-vmm: {name}: {e}"),
                    }
                }
            }
            if let Err(e) = save(&paths, &rec) {
                eprintln!("mvirt-vmm: saving {name}: {e}");
            }
            vms.insert(name, rec);
        }
        let network = Network {
            bridge: net.as_ref().map(|n| n.bridge.clone()),
            uplink: net.as_ref().and_then(|n| n.uplink.clone()),
            ready: false,
            detail: match &net {
                Some(_) => "not set up yet".into(),
                None => "off (mvirt-vmm --no-bridge)".into(),
            },
        };
        let vmm = Arc::new(Vmm {
            paths,
            net,
            network: Mutex::new(network),
            ch_version: OnceLock::new(),
            table: Mutex::new(vms),
        });
        // Re-adopted processes are not our children: their watchers poll
        // their pidfds.
        let adopted: Vec<(String, Arc<Proc>)> = lock(&vmm.table)
            .values()
            .filter_map(|r| Some((r.info.spec.name.clone(), Arc::clone(r.proc.as_ref()?))))
            .collect();
        for (name, proc) in adopted {
            vmm.watch_adopted(name, proc);
        }
        Ok(vmm)
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// Sets up the bridge (and uplink): at startup, and again before each
    /// start of a VM with a managed tap (setup is idempotent, and a retry
    /// catches an uplink that appeared late). The outcome shows in status.
    pub fn setup_network(&self) -> Result<(), String> {
        let Some(cfg) = &self.net else {
            return Err("networking is off (mvirt-vmm --no-bridge)".into());
        };
        let result = net::ensure_bridge(cfg);
        let (Ok(detail) | Err(detail)) = &result;
        let mut network = lock(&self.network);
        // Logged when it changes, not at every start of a VM.
        if network.detail != *detail {
            eprintln!("mvirt-vmm: network: {detail}");
        }
        network.ready = result.is_ok();
        network.detail = detail.clone();
        result.map(|_| ())
    }

    pub fn network(&self) -> Network {
        lock(&self.network).clone()
    }

    /// `cloud-hypervisor --version`, run once (the first caller waits for
    /// it, up to [`host::VERSION_TIMEOUT`]).
    pub fn ch_version(&self) -> Option<String> {
        self.ch_version
            .get_or_init(|| {
                match host::cloud_hypervisor_version(
                    &self.paths.cloud_hypervisor,
                    host::VERSION_TIMEOUT,
                ) {
                    Ok(v) => {
                        eprintln!("mvirt-vmm: {v}");
                        Some(v)
                    }
                    Err(e) => {
                        eprintln!("mvirt-vmm: {e}");
                        None
                    }
                }
            })
            .clone()
    }

    pub fn list(&self) -> Vec<VmInfo> {
        lock(&self.table).values().map(Record::view).collect()
    }

    pub fn get(&self, name: &str) -> Result<VmInfo, Refusal> {
        lock(&self.table)
            .get(name)
            .map(Record::view)
            .ok_or_else(|| no_such(name))
    }

    /// (VMs, running VMs).
    pub fn counts(&self) -> (usize, usize) {
        let table = lock(&self.table);
        let running = table
            .values()
            .filter(|r| r.info.state == VmState::Running)
            .count();
        (table.len(), running)
    }

    /// Validates and records a new VM. Nothing is written on refusal.
    pub fn create(&self, spec: VmSpec) -> Result<VmInfo, Refusal> {
        validate(&spec)?;
        if spec.net && self.net.is_none() {
            return Err(refuse(
                503,
                "networking is off in this daemon (mvirt-vmm --no-bridge); create the VM without --net",
            ));
        }
        let run = &self.paths.run_dir;
        let file = |ext: &str| {
            run.join(format!("{}.{ext}", spec.name))
                .display()
                .to_string()
        };
        let info = VmInfo {
            api_socket: file("sock"),
            serial_log: file("serial"),
            log: file("log"),
            net: net_info(&spec, self.net.as_ref().map(|n| n.bridge.as_str())),
            spec,
            state: VmState::Created,
            pid: None,
            last_exit: None,
        };
        let mut table = lock(&self.table);
        let name = &info.spec.name;
        if table.contains_key(name) {
            return Err(refuse(409, format!("a VM named {name:?} exists already")));
        }
        if let Some(new) = &info.net {
            for other in table.values() {
                let Some(theirs) = &other.info.net else {
                    continue;
                };
                let other = &other.info.spec.name;
                if theirs.tap == new.tap {
                    return Err(refuse(
                        409,
                        format!("{other} uses tap {} already; choose another name", new.tap),
                    ));
                }
                if theirs.mac == new.mac {
                    return Err(refuse(
                        409,
                        format!(
                            "{other} has the MAC {} {name} would get; choose another name",
                            new.mac
                        ),
                    ));
                }
            }
        }
        let rec = Record {
            info,
            pid_start_ticks: None,
            proc: None,
            busy: None,
        };
        save(&self.paths, &rec).map_err(|e| refuse(500, format!("saving state: {e}")))?;
        let view = rec.view();
        table.insert(rec.info.spec.name.clone(), rec);
        Ok(view)
    }

    /// Marks `name` busy with `op` after `check` accepts its record (which
    /// sees it idle); returns the mark and a copy of the record.
    fn claim(
        self: &Arc<Self>,
        name: &str,
        op: Op,
        check: impl FnOnce(&Record) -> Result<(), Refusal>,
    ) -> Result<(Claim, Record), Refusal> {
        let mut table = lock(&self.table);
        let rec = table.get_mut(name).ok_or_else(|| no_such(name))?;
        check(rec)?;
        rec.busy = Some(op);
        let copy = rec.clone();
        Ok((
            Claim {
                vmm: Arc::clone(self),
                name: name.to_string(),
                op,
            },
            copy,
        ))
    }

    /// Removes a VM that is not running, and its files in the run dir.
    pub fn delete(self: &Arc<Self>, name: &str) -> Result<(), Refusal> {
        let (claim, rec) = self.claim(name, Op::Deleting, |r| {
            r.check_idle("delete it")?;
            if r.info.state == VmState::Running {
                return Err(refuse(
                    409,
                    format!("{name} is running; stop or kill it first"),
                ));
            }
            Ok(())
        })?;
        if let Some(tap) = rec.managed_tap() {
            net::remove_tap(&tap).map_err(|e| refuse(500, e))?;
        }
        let path = self.paths.state_dir.join(format!("{name}.json"));
        {
            let mut table = lock(&self.table);
            std::fs::remove_file(&path)
                .map_err(|e| refuse(500, format!("removing {}: {e}", path.display())))?;
            table.remove(name);
        }
        drop(claim);
        for file in [&rec.info.api_socket, &rec.info.serial_log, &rec.info.log] {
            let _ = std::fs::remove_file(file);
        }
        Ok(())
    }

    /// Launches cloud-hypervisor for a created or stopped VM.
    pub fn start(self: &Arc<Self>, name: &str) -> Result<VmInfo, Refusal> {
        let (claim, rec) = self.claim(name, Op::Starting, |r| {
            r.check_idle("start it")?;
            if r.info.state == VmState::Running {
                return Err(refuse(409, format!("{name} is running already")));
            }
            Ok(())
        })?;
        let ch = &self.paths.cloud_hypervisor;
        if !ch.is_file() {
            return Err(refuse(
                503,
                format!(
                    "{} is not in this image (built with CLOUD_HYPERVISOR=none?)",
                    ch.display()
                ),
            ));
        }
        let tap = rec.managed_tap();
        if let Some(tap) = &tap {
            self.make_tap(tap)?;
        }
        let launched = self.launch(&rec.info);
        let (child, proc) = match launched {
            Ok(l) => l,
            Err(e) => {
                if let Some(tap) = &tap {
                    let _ = net::remove_tap(tap);
                }
                return Err(e);
            }
        };
        eprintln!("mvirt-vmm: started {name} (pid {})", proc.pid);
        {
            let mut table = lock(&self.table);
            if let Some(r) = table.get_mut(name) {
                r.info.state = VmState::Running;
                r.info.pid = Some(proc.pid);
                r.info.last_exit = None;
                r.pid_start_ticks = proc.start_ticks;
                r.proc = Some(Arc::clone(&proc));
                if let Err(e) = save(&self.paths, r) {
                    eprintln!("mvirt-vmm: saving {name}: {e}");
                }
            }
        }
        drop(claim);
        self.watch_child(name.to_string(), child, proc, tap);
        self.get(name)
    }

    fn make_tap(&self, tap: &str) -> Result<(), Refusal> {
        let Some(cfg) = &self.net else {
            return Err(refuse(
                503,
                "networking is off in this daemon (mvirt-vmm --no-bridge)",
            ));
        };
        let bridge_error = self.setup_network().err();
        net::create_tap(tap, &cfg.bridge).map_err(|e| match bridge_error {
            Some(b) => refuse(503, format!("{e} (bridge setup: {b})")),
            None => refuse(500, e),
        })
    }

    /// Spawns cloud-hypervisor, its output going to the VM's log.
    fn launch(&self, vm: &VmInfo) -> Result<(Child, Arc<Proc>), Refusal> {
        let ch = &self.paths.cloud_hypervisor;
        let _ = std::fs::remove_file(&vm.api_socket);
        let log = std::fs::File::create(&vm.log)
            .map_err(|e| refuse(500, format!("creating {}: {e}", vm.log)))?;
        let log2 = log
            .try_clone()
            .map_err(|e| refuse(500, format!("{}: {e}", vm.log)))?;
        let argv = command_line(ch, vm);
        let mut child = Command::new(&argv[0])
            .args(&argv[1..])
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log2)
            .spawn()
            .map_err(|e| refuse(500, format!("launching {}: {e}", ch.display())))?;
        match Proc::child(&child) {
            Ok(p) => Ok((child, Arc::new(p))),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(refuse(
                    500,
                    format!("pidfd_open of cloud-hypervisor: {e} (kernel older than 5.3?)"),
                ))
            }
        }
    }

    /// Records the end of `proc`: its tap goes first (so a start that sees
    /// the VM stopped can make it anew), then the table, then waiters wake.
    fn ended(&self, name: &str, proc: &Proc, exit: Exit, tap: Option<String>) {
        if let Some(tap) = tap {
            if let Err(e) = net::remove_tap(&tap) {
                eprintln!("mvirt-vmm: {name}: {e}");
            }
        }
        let mut table = lock(&self.table);
        if let Some(r) = table.get_mut(name) {
            if r.proc
                .as_ref()
                .is_some_and(|p| std::ptr::eq(p.as_ref(), proc))
            {
                let why = last_exit(proc.ending(), &exit, &r.info.log);
                eprintln!("mvirt-vmm: {name} (pid {}) {why}", proc.pid);
                r.info.state = VmState::Stopped;
                r.info.pid = None;
                r.info.last_exit = Some(why);
                r.pid_start_ticks = None;
                r.proc = None;
                if let Err(e) = save(&self.paths, r) {
                    eprintln!("mvirt-vmm: saving {name}: {e}");
                }
            }
        }
        drop(table);
        proc.mark_ended();
    }

    fn watch_child(
        self: &Arc<Self>,
        name: String,
        mut child: Child,
        proc: Arc<Proc>,
        tap: Option<String>,
    ) {
        let vmm = Arc::clone(self);
        spawn_watcher(&name.clone(), move || {
            let exit = match child.wait() {
                Ok(status) => Exit::of(status),
                Err(e) => Exit::Unknown(format!("waiting for it: {e}")),
            };
            vmm.ended(&name, &proc, exit, tap);
        });
    }

    /// Watches a re-adopted VM's process until it ends: its pidfd turns
    /// readable (it is not our child: no exit status).
    fn watch_adopted(self: &Arc<Self>, name: String, proc: Arc<Proc>) {
        let vmm = Arc::clone(self);
        let tap = lock(&self.table).get(&name).and_then(Record::managed_tap);
        spawn_watcher(&name.clone(), move || {
            proc.wait_exit(None);
            let exit = Exit::Unknown("re-adopted after a daemon restart".into());
            vmm.ended(&name, &proc, exit, tap);
        });
    }

    /// Graceful stop: the ACPI power button (`vm.power-button`), then up to
    /// `timeout` for the guest to power off (cloud-hypervisor exits when it
    /// does); then `vm.shutdown` and `vmm.shutdown`, which end the VM at
    /// once, and [`API_SHUTDOWN_GRACE`] for them; then SIGKILL.
    pub fn stop(self: &Arc<Self>, name: &str, timeout: Duration) -> Result<VmInfo, Refusal> {
        let (claim, rec) = self.claim(name, Op::Stopping, |r| {
            if r.busy == Some(Op::Stopping) {
                return Err(refuse(
                    409,
                    format!("{name} is being stopped already by another request"),
                ));
            }
            r.check_idle("stop it")?;
            if r.info.state != VmState::Running || r.proc.is_none() {
                return Err(refuse(409, format!("{name} is not running")));
            }
            Ok(())
        })?;
        let Some(proc) = rec.proc else {
            return Err(refuse(409, format!("{name} is not running")));
        };
        let socket = Path::new(&rec.info.api_socket);
        let secs = timeout.as_secs_f64();
        let deadline = Instant::now()
            .checked_add(timeout)
            .ok_or_else(|| refuse(400, format!("timeout {secs}s is too long")))?;
        // Noted before the button is pressed: a quick guest may power off
        // before the call returns.
        proc.set_ending(ending::POWER_BUTTON);
        let after = match ch_put(socket, "vm.power-button", deadline, &proc) {
            Ok(()) if proc.wait_ended(deadline) => return self.stopped(claim, name),
            Ok(()) => format!("the guest did not power off within {secs}s of the power button"),
            Err(e) => {
                proc.clear_ending();
                eprintln!("mvirt-vmm: {name}: {e}");
                format!("the power button failed ({e})")
            }
        };
        if proc.wait_exit(Some(Duration::ZERO)) {
            // It ended by itself meanwhile (the button failed for that).
            proc.wait_ended(Instant::now() + KILL_WAIT);
            return self.stopped(claim, name);
        }
        eprintln!("mvirt-vmm: {name}: {after}; vm.shutdown and vmm.shutdown");
        proc.set_ending(ending::api_shutdown(&after));
        let grace = Instant::now() + API_SHUTDOWN_GRACE;
        for call in ["vm.shutdown", "vmm.shutdown"] {
            if let Err(e) = ch_put(socket, call, Instant::now(), &proc) {
                eprintln!("mvirt-vmm: {name}: {e}");
            }
        }
        if proc.wait_ended(grace) {
            return self.stopped(claim, name);
        }
        eprintln!("mvirt-vmm: {name}: still running; SIGKILL");
        proc.set_ending(ending::killed(&after));
        if let Err(e) = proc.kill() {
            return Err(refuse(500, format!("SIGKILL to {name}: {e}")));
        }
        proc.wait_ended(Instant::now() + KILL_WAIT);
        self.stopped(claim, name)
    }

    fn stopped(&self, claim: Claim, name: &str) -> Result<VmInfo, Refusal> {
        drop(claim);
        self.get(name)
    }

    /// SIGKILL, no questions asked; also ends a stop in progress at once.
    pub fn kill(&self, name: &str) -> Result<VmInfo, Refusal> {
        let proc = {
            let table = lock(&self.table);
            let rec = table.get(name).ok_or_else(|| no_such(name))?;
            if rec.busy == Some(Op::Starting) {
                rec.check_idle("kill it")?;
            }
            match (&rec.proc, rec.info.state) {
                (Some(p), VmState::Running) => Arc::clone(p),
                _ => return Err(refuse(409, format!("{name} is not running"))),
            }
        };
        proc.set_ending(ending::KILL);
        proc.kill()
            .map_err(|e| refuse(500, format!("SIGKILL to {name}: {e}")))?;
        proc.wait_ended(Instant::now() + KILL_WAIT);
        self.get(name)
    }
}

/// Starts the thread that waits for a VM's process to end.
fn spawn_watcher(name: &str, watch: impl FnOnce() + Send + 'static) {
    let spawned = std::thread::Builder::new()
        .name(format!("watch-{name}"))
        .spawn(watch);
    if let Err(e) = spawned {
        // Only when the host is out of threads; its end goes unnoticed
        // until the daemon restarts and re-adopts (or not) the VM.
        eprintln!("mvirt-vmm: no thread to watch {name}: {e}");
    }
}

fn no_such(name: &str) -> Refusal {
    refuse(404, format!("no VM named {name:?}"))
}

/// `PUT /api/v1/<call>` on cloud-hypervisor's API socket. A refused
/// connection is retried until `deadline` (a VM started a moment ago may
/// not have its socket up yet), unless the process has ended.
fn ch_put(socket: &Path, call: &str, deadline: Instant, proc: &Proc) -> Result<(), String> {
    let path = format!("/api/v1/{call}");
    loop {
        match mvirt_api::client::request(socket, "PUT", &path, None, CH_API_TIMEOUT) {
            Ok(r) if r.ok() => return Ok(()),
            Ok(r) => {
                return Err(format!(
                    "{call} answered {}: {}",
                    r.status,
                    r.error_message()
                ))
            }
            Err(mvirt_api::client::ClientError::Connect { .. })
                if Instant::now() < deadline
                    && !proc.wait_exit(Some(Duration::from_millis(50))) => {}
            Err(e) => return Err(format!("{call}: {}", chain(&e))),
        }
    }
}

fn validate(spec: &VmSpec) -> Result<(), Refusal> {
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
    let files = spec
        .kernel
        .iter()
        .map(|k| ("kernel", k))
        .chain(spec.initramfs.iter().map(|i| ("initramfs", i)))
        .chain(spec.firmware.iter().map(|f| ("firmware", f)))
        .chain(spec.disks.iter().map(|d| ("disk", d)));
    for (what, path) in files {
        if !Path::new(path).is_file() {
            return Err(refuse(400, format!("{what} {path}: no such file")));
        }
        // cloud-hypervisor splits its option values at ','.
        if what == "disk" && path.contains(',') {
            return Err(refuse(
                400,
                format!("disk {path}: a path with ',' cannot be passed to cloud-hypervisor"),
            ));
        }
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
    if let Some(n) = &vm.net {
        args.extend(["--net".into(), format!("tap={},mac={}", n.tap, n.mac)]);
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(spec: &str) -> VmInfo {
        let spec: VmSpec = serde_json::from_str(spec).unwrap();
        VmInfo {
            net: net_info(&spec, Some("mvirt0")),
            spec,
            state: VmState::Running,
            pid: Some(42),
            last_exit: None,
            serial_log: "/run/web.serial".into(),
            log: "/run/web.log".into(),
            api_socket: "/run/web.sock".into(),
        }
    }

    #[test]
    fn state_files_keep_the_api_fields_at_the_top_and_read_old_ones() {
        let rec = Record {
            info: info(r#"{"name":"web","vcpus":1,"memory_mib":64,"kernel":"/k"}"#),
            pid_start_ticks: Some(9000),
            proc: None,
            busy: Some(Op::Stopping),
        };
        let json: serde_json::Value = serde_json::to_value(&rec).unwrap();
        assert_eq!(json["pid"], 42);
        // Never "stopping" on disk: a daemon that dies mid-stop reads a running VM.
        assert_eq!(json["state"], "running");
        assert_eq!(rec.view().state, VmState::Stopping);
        assert_eq!(json["pid_start_ticks"], 9000);
        // Written before start times, logs and net were kept: reads.
        let mut old = json.clone();
        for field in ["pid_start_ticks", "log", "net"] {
            old.as_object_mut().unwrap().remove(field);
        }
        let back: Record = serde_json::from_value(old).unwrap();
        assert_eq!(back.info.spec, rec.info.spec);
        assert_eq!(back.pid_start_ticks, None);
        assert_eq!(back.info.log, "");
    }

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
    fn last_exit_says_what_was_done_and_how_it_ended() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("vm.log");
        let log = log.to_str().unwrap();
        std::fs::write(log, "starting\n\nError: boom\nFatal error: no kernel\n").unwrap();
        assert_eq!(
            last_exit(Some(ending::POWER_BUTTON.into()), &Exit::Code(0), log),
            "powered off by the guest after the power button (exit status 0)"
        );
        assert_eq!(last_exit(None, &Exit::Code(0), log), "exited with status 0");
        assert_eq!(
            last_exit(None, &Exit::Code(1), log),
            format!(
                "exited with status 1; {log} ends: starting | Error: boom | Fatal error: no kernel"
            )
        );
        assert_eq!(
            last_exit(Some(ending::KILL.into()), &Exit::Signal(9), log),
            "killed by mvirt vm kill (signal 9)"
        );
        assert!(last_exit(None, &Exit::Signal(11), log).starts_with("was killed by signal 11; "));
        assert_eq!(
            last_exit(None, &Exit::Code(2), "/nonexistent/log"),
            "exited with status 2"
        );
    }

    #[test]
    fn a_long_log_gives_its_last_lines_only() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("vm.log");
        let text: String = (0..2000).map(|i| format!("line {i}\n")).collect();
        std::fs::write(&log, text).unwrap();
        let tail = log_tail(log.to_str().unwrap()).unwrap();
        assert_eq!(tail, "... line 1997 | line 1998 | line 1999");
    }

    #[test]
    fn names() {
        assert!(valid_name("vm-1"));
        for bad in ["", "-x", "UPPER", "a/b", &"x".repeat(33)] {
            assert!(!valid_name(bad), "{bad}");
        }
    }
}
