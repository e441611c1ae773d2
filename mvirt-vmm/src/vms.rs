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
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard, OnceLock, PoisonError};
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
/// How long a stop may run past its timeout, at most: the power button
/// call begun just before the deadline, `vm.shutdown` and `vmm.shutdown`
/// (one [`CH_API_TIMEOUT`] each, [`API_SHUTDOWN_GRACE`] running alongside),
/// the reaping after SIGKILL, and a second to spare. A supervisor that
/// stops mvirt-vmm must allow it the shutdown timeout plus this (see
/// /etc/pideins/services.toml).
pub const ESCALATION_MAX: Duration =
    Duration::from_secs(3 * CH_API_TIMEOUT.as_secs() + KILL_WAIT.as_secs() + 1);
/// How often a host shutdown looks again at a VM another request is
/// starting (a start takes no long waits).
const BUSY_POLL: Duration = Duration::from_millis(10);

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
    /// Set (under the table's lock) when a host shutdown begins: no VM
    /// starts after that.
    shutting_down: AtomicBool,
}

/// What a host shutdown did (see [`Vmm::shutdown`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShutdownReport {
    /// VMs that were running (or starting) when it began.
    pub vms: usize,
    /// Those still running at its end, with their pids: their processes
    /// did not end even after SIGKILL.
    pub still_running: Vec<(String, u32)>,
    pub took: Duration,
}

/// What a host shutdown finds a VM doing.
enum Found {
    /// Not running (any more): nothing to do.
    Idle,
    /// Being started (or deleted) by a request: look again in a moment.
    Busy,
    /// Running, and now claimed for the shutdown's stop.
    Claimed(Claim, Arc<Proc>, String),
    /// Being stopped by a request (with its own, maybe longer, timeout).
    StoppedByRequest(Arc<Proc>, String),
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
    /// Starts each ending of a stop at host shutdown.
    pub const HOST_SHUTDOWN: &str = "host shutdown: ";
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
            shutting_down: AtomicBool::new(false),
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
            // Read under the table's lock, which a shutdown sets it under:
            // a start either sees it or is seen by the shutdown.
            if self.shutting_down.load(Ordering::SeqCst) {
                return Err(refuse(
                    503,
                    format!("mvirt-vmm is shutting down; {name} was not started"),
                ));
            }
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
        let mut cmd = Command::new(&argv[0]);
        let mut child = crate::signals::unblocked_in_child(&mut cmd)
            .args(&argv[1..])
            // Its own process group: pideins stops mvirt-vmm with SIGTERM
            // to mvirt-vmm's group, and cloud-hypervisor ends at once on
            // SIGTERM, killing its guest. Out of that group, only
            // mvirt-vmm decides how it ends: the power button first.
            .process_group(0)
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
        let deadline = Instant::now().checked_add(timeout).ok_or_else(|| {
            refuse(
                400,
                format!("timeout {}s is too long", timeout.as_secs_f64()),
            )
        })?;
        let socket = Path::new(&rec.info.api_socket);
        self.power_off(name, &proc, socket, timeout, deadline, "")?;
        self.stopped(claim, name)
    }

    /// The steps of a stop (see [`Vmm::stop`]) once the VM is claimed: the
    /// button, the wait until `deadline` (`timeout` after the stop began),
    /// the escalation. `context` starts each ending ("" or
    /// [`ending::HOST_SHUTDOWN`]).
    fn power_off(
        &self,
        name: &str,
        proc: &Proc,
        socket: &Path,
        timeout: Duration,
        deadline: Instant,
        context: &str,
    ) -> Result<(), Refusal> {
        let secs = timeout.as_secs_f64();
        // Noted before the button is pressed: a quick guest may power off
        // before the call returns.
        proc.set_ending(format!("{context}{}", ending::POWER_BUTTON));
        // The call may take its time on a loaded host; it is bounded by
        // the stop's own deadline, not by a short per-call timeout.
        let call_timeout = deadline
            .saturating_duration_since(Instant::now())
            .max(CH_API_TIMEOUT);
        let after = match ch_put(socket, "vm.power-button", deadline, call_timeout, proc) {
            Ok(()) if proc.wait_ended(deadline) => return Ok(()),
            Ok(()) => format!("the guest did not power off within {secs}s of the power button"),
            // No answer in time (not a refusal): the button may well have
            // been pressed and the guest be shutting down. Killing it now
            // would cut its shutdown short, so it gets the whole timeout.
            Err(CallError::NoAnswer(e)) => {
                eprintln!("mvirt-vmm: {context}{name}: {e}; waiting for the guest anyway");
                if proc.wait_ended(deadline) {
                    return Ok(());
                }
                format!("the guest did not power off within {secs}s of the power button ({e})")
            }
            Err(CallError::Refused(e)) => {
                proc.clear_ending();
                eprintln!("mvirt-vmm: {context}{name}: {e}");
                format!("the power button failed ({e})")
            }
        };
        self.escalate(name, proc, socket, &after, context)
    }

    /// The end of a stop whose guest did not power off (`after` says
    /// what happened): `vm.shutdown` and `vmm.shutdown`, then SIGKILL.
    /// Returns once the end is recorded (or [`KILL_WAIT`] after SIGKILL).
    fn escalate(
        &self,
        name: &str,
        proc: &Proc,
        socket: &Path,
        after: &str,
        context: &str,
    ) -> Result<(), Refusal> {
        if proc.wait_exit(Some(Duration::ZERO)) {
            // It ended by itself meanwhile (the button failed for that).
            proc.wait_ended(Instant::now() + KILL_WAIT);
            return Ok(());
        }
        eprintln!("mvirt-vmm: {context}{name}: {after}; vm.shutdown and vmm.shutdown");
        proc.set_ending(format!("{context}{}", ending::api_shutdown(after)));
        let grace = Instant::now() + API_SHUTDOWN_GRACE;
        for call in ["vm.shutdown", "vmm.shutdown"] {
            if let Err(e) = ch_put(socket, call, Instant::now(), CH_API_TIMEOUT, proc) {
                eprintln!("mvirt-vmm: {context}{name}: {e}");
            }
        }
        if proc.wait_ended(grace) {
            return Ok(());
        }
        eprintln!("mvirt-vmm: {context}{name}: still running; SIGKILL");
        proc.set_ending(format!("{context}{}", ending::killed(after)));
        if let Err(e) = proc.kill() {
            return Err(refuse(500, format!("SIGKILL to {name}: {e}")));
        }
        proc.wait_ended(Instant::now() + KILL_WAIT);
        Ok(())
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

    /// Host shutdown: refuses further starts, then stops every running VM
    /// at once, each as [`Vmm::stop`] does with `timeout` (shared: all
    /// buttons are pressed together, and every guest has until the same
    /// deadline). Returns when every VM has ended, or at the latest
    /// [`ESCALATION_MAX`] after the deadline; then saves every VM's state
    /// and removes the managed taps of those that ended.
    pub fn shutdown(self: &Arc<Self>, timeout: Duration) -> ShutdownReport {
        let began = Instant::now();
        let names: Vec<String> = {
            let table = lock(&self.table);
            self.shutting_down.store(true, Ordering::SeqCst);
            // A start already past its check finishes; the VM is stopped then.
            table
                .values()
                .filter(|r| r.info.state == VmState::Running || r.busy == Some(Op::Starting))
                .map(|r| r.info.spec.name.clone())
                .collect()
        };
        let n = names.len();
        let log = |what: String| eprintln!("mvirt-vmm: host shutdown: {what}");
        if n == 0 {
            log("no VMs running".into());
        } else {
            log(format!(
                "stopping {n} VM{} (power button, up to {}s)",
                if n == 1 { "" } else { "s" },
                timeout.as_secs_f64()
            ));
        }
        // Both within reach of an Instant: the timeout is at most an hour.
        let deadline = began.checked_add(timeout).unwrap_or(began);
        let hard = deadline.checked_add(ESCALATION_MAX).unwrap_or(deadline);
        let (done_tx, done) = mpsc::channel();
        for name in names {
            let vmm = Arc::clone(self);
            let tx = done_tx.clone();
            let label = format!("shutdown-{name}");
            let spawned = std::thread::Builder::new()
                .name(label.clone())
                .spawn(move || {
                    vmm.shutdown_vm(&name, timeout, deadline, hard);
                    let _ = tx.send(());
                });
            if let Err(e) = spawned {
                // Out of threads: that VM is left to pideins' SIGKILL.
                log(format!("no thread for {label}: {e}"));
                let _ = done_tx.send(());
            }
        }
        drop(done_tx);
        for _ in 0..n {
            let left = hard.saturating_duration_since(Instant::now());
            if done.recv_timeout(left).is_err() {
                break;
            }
        }
        self.after_shutdown(n, began)
    }

    /// Stops one VM for [`Vmm::shutdown`].
    fn shutdown_vm(
        self: &Arc<Self>,
        name: &str,
        timeout: Duration,
        deadline: Instant,
        hard: Instant,
    ) {
        let context = ending::HOST_SHUTDOWN;
        loop {
            match self.find_for_shutdown(name) {
                Found::Idle => return,
                Found::Busy if Instant::now() < hard => std::thread::sleep(BUSY_POLL),
                Found::Busy => {
                    eprintln!(
                        "mvirt-vmm: {context}{name}: still busy with another request; left running"
                    );
                    return;
                }
                Found::Claimed(claim, proc, socket) => {
                    let r =
                        self.power_off(name, &proc, Path::new(&socket), timeout, deadline, context);
                    if let Err(e) = r {
                        eprintln!("mvirt-vmm: {context}{}", e.message);
                    }
                    drop(claim);
                    return;
                }
                Found::StoppedByRequest(proc, socket) => {
                    // Its request pressed the button (or is about to) and
                    // may wait longer than the host can: it gets the same
                    // deadline as the others, then the same escalation.
                    if proc.wait_ended(deadline) {
                        return;
                    }
                    let after = format!(
                        "the guest did not power off within {}s of the host shutdown \
                         (a stop request had pressed its power button)",
                        timeout.as_secs_f64()
                    );
                    if let Err(e) = self.escalate(name, &proc, Path::new(&socket), &after, context)
                    {
                        eprintln!("mvirt-vmm: {context}{}", e.message);
                    }
                    return;
                }
            }
        }
    }

    /// What a VM is doing, for [`Vmm::shutdown_vm`]; a running idle VM is
    /// claimed for the stop under the same lock.
    fn find_for_shutdown(self: &Arc<Self>, name: &str) -> Found {
        let mut table = lock(&self.table);
        let Some(r) = table.get_mut(name) else {
            return Found::Idle;
        };
        let socket = r.info.api_socket.clone();
        match (r.busy, r.proc.as_ref()) {
            (Some(Op::Stopping), Some(p)) => Found::StoppedByRequest(Arc::clone(p), socket),
            (Some(_), _) => Found::Busy,
            (None, Some(p)) if r.info.state == VmState::Running => {
                let proc = Arc::clone(p);
                r.busy = Some(Op::Stopping);
                let claim = Claim {
                    vmm: Arc::clone(self),
                    name: name.to_string(),
                    op: Op::Stopping,
                };
                Found::Claimed(claim, proc, socket)
            }
            (None, _) => Found::Idle,
        }
    }

    /// The end of a host shutdown: every VM's state saved, leftover taps
    /// removed, the outcome logged.
    fn after_shutdown(&self, vms: usize, began: Instant) -> ShutdownReport {
        let mut still_running = Vec::new();
        let mut idle_taps = Vec::new();
        {
            let table = lock(&self.table);
            for (name, r) in table.iter() {
                match &r.proc {
                    Some(p) => still_running.push((name.clone(), p.pid)),
                    None => idle_taps.extend(r.managed_tap()),
                }
                if let Err(e) = save(&self.paths, r) {
                    eprintln!("mvirt-vmm: saving {name}: {e}");
                }
            }
        }
        // Each VM's end removed its tap already; this catches a removal
        // that failed then.
        for tap in idle_taps {
            if let Err(e) = net::remove_tap(&tap) {
                eprintln!("mvirt-vmm: host shutdown: {e}");
            }
        }
        let took = began.elapsed();
        if still_running.is_empty() {
            if vms > 0 {
                eprintln!(
                    "mvirt-vmm: host shutdown: all VMs stopped in {:.1}s",
                    took.as_secs_f64()
                );
            }
        } else {
            let list: Vec<String> = still_running
                .iter()
                .map(|(name, pid)| format!("{name} (pid {pid})"))
                .collect();
            eprintln!(
                "mvirt-vmm: host shutdown: still running after {:.1}s: {}",
                took.as_secs_f64(),
                list.join(", ")
            );
        }
        ShutdownReport {
            vms,
            still_running,
            took,
        }
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
/// Why a call to cloud-hypervisor's API did not succeed.
#[derive(Debug)]
enum CallError {
    /// It answered with an error, or nobody listens: the call had no effect.
    Refused(String),
    /// The request went out but no answer came in time: it may have acted.
    NoAnswer(String),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Refused(e) | CallError::NoAnswer(e) => f.write_str(e),
        }
    }
}

fn ch_put(
    socket: &Path,
    call: &str,
    deadline: Instant,
    timeout: Duration,
    proc: &Proc,
) -> Result<(), CallError> {
    use mvirt_api::client::ClientError;
    let path = format!("/api/v1/{call}");
    loop {
        match mvirt_api::client::request(socket, "PUT", &path, None, timeout) {
            Ok(r) if r.ok() => return Ok(()),
            Ok(r) => {
                return Err(CallError::Refused(format!(
                    "{call} answered {}: {}",
                    r.status,
                    r.error_message()
                )))
            }
            Err(ClientError::Connect { .. })
                if Instant::now() < deadline
                    && !proc.wait_exit(Some(Duration::from_millis(50))) => {}
            Err(e @ ClientError::Connect { .. }) => {
                return Err(CallError::Refused(format!("{call}: {}", chain(&e))))
            }
            Err(e) => return Err(CallError::NoAnswer(format!("{call}: {}", chain(&e)))),
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
    fn the_escalation_takes_what_the_docs_say() {
        // mvirt-vmm --help (--shutdown-timeout) and pideins' services.toml
        // say 12 s; tests/shutdown.rs checks services.toml against this.
        assert_eq!(ESCALATION_MAX, Duration::from_secs(12));
    }

    #[test]
    fn names() {
        assert!(valid_name("vm-1"));
        for bad in ["", "-x", "UPPER", "a/b", &"x".repeat(33)] {
            assert!(!valid_name(bad), "{bad}");
        }
    }
}
