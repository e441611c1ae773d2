//! VMs: definitions kept on disk, cloud-hypervisor processes launched,
//! watched, stopped and re-adopted after a daemon restart.
//!
//! State lives in `<state_dir>/<name>.json`, written atomically (temporary
//! file, fsync, rename, fsync of the directory), so a crash or a power cut
//! never leaves a half-written definition.
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
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use mvirt_api::{Network, VmInfo, VmSpec, VmState};

use crate::host;
use crate::net;
use crate::process::Proc;
use exit::{last_exit, Exit};
use record::{Claim, Op, Record};
use spec::{net_info, validate};
use state::save;

mod autostart;
pub mod disks;
mod exit;
mod record;
mod seed;
mod spec;
mod state;
mod stop;

pub use exit::ending;
pub use seed::{disk_of as seed_disk_of, MAX_SEED_BYTES};
pub use spec::command_line;
pub use state::LOCK_FILE;
pub use stop::{ShutdownReport, API_SHUTDOWN_GRACE, ESCALATION_MAX};

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
    /// The next [`Record::id`].
    next_id: AtomicU64,
    /// Set (under the table's lock) when a host shutdown begins: no VM
    /// starts after that.
    shutting_down: AtomicBool,
}

pub type Shared = Arc<Vmm>;

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

impl Vmm {
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

    /// Records the host's own address (see [`crate::hostnet`]).
    pub fn set_host_address(&self, detail: String) {
        lock(&self.network).host = detail;
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

    /// Whether a VM's spec names `path` (its kernel, initramfs, firmware
    /// or a disk): a pushed image it boots from is kept.
    pub fn uses_file(&self, path: &Path) -> bool {
        lock(&self.table).values().any(|r| {
            let s = &r.info.spec;
            [&s.kernel, &s.initramfs, &s.firmware]
                .into_iter()
                .flatten()
                .chain(s.disks.iter())
                .any(|f| Path::new(f) == path)
        })
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
        self.create_from(spec, &[])
    }

    /// [`Vmm::create`], with the disks `bases` names (index, image blob)
    /// made from pushed images: each copied into the VM's own file
    /// ([`disks`]), kept only if the VM is recorded.
    pub fn create_from(
        &self,
        mut spec: VmSpec,
        bases: &[(usize, PathBuf)],
    ) -> Result<VmInfo, Refusal> {
        let mac = (spec.net || spec.tap.is_some()).then(|| net::mac_for(&spec.name));
        seed::complete(&mut spec, mac.as_deref())?;
        validate(&spec)?;
        if lock(&self.table).contains_key(&spec.name) {
            // Early, before a copy is made for nothing (checked again below).
            return Err(refuse(
                409,
                format!("a VM named {:?} exists already", spec.name),
            ));
        }
        let copies = disks::prepare(&mut spec, bases, &self.paths.state_dir)?;
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
            id: self.next_id.fetch_add(1, Ordering::Relaxed),
        };
        copies.commit()?;
        if let Err(e) = save(&self.paths, &rec) {
            disks::remove(&self.paths.state_dir, &rec.info.spec);
            return Err(state::disk_refusal(&self.paths, "saving", &e));
        }
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
        let claim = Claim::mark(self, rec, op);
        Ok((claim, rec.clone()))
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
        {
            let mut table = lock(&self.table);
            if !table.get(name).is_some_and(|r| claim.owns(r)) {
                // Cannot happen while the claim holds the record busy.
                return Err(refuse(409, format!("{name} changed during the delete")));
            }
            state::remove(&self.paths, name)
                .map_err(|e| state::disk_refusal(&self.paths, "removing", &e))?;
            // The record goes, and its busy mark with it: the claim's drop
            // finds nothing of its own to clear.
            table.remove(name);
        }
        drop(claim);
        for file in [&rec.info.api_socket, &rec.info.serial_log, &rec.info.log] {
            let _ = std::fs::remove_file(file);
        }
        let _ = std::fs::remove_file(seed::disk_of(&rec.info));
        disks::remove(&self.paths.state_dir, &rec.info.spec);
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
        // Its files were checked at create; they may have changed since.
        spec::check_files(&rec.info.spec)?;
        seed::write(&rec.info)?;
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
        let recorded = {
            let mut table = lock(&self.table);
            match table.get_mut(name).filter(|r| claim.owns(r)) {
                Some(r) => {
                    r.info.state = VmState::Running;
                    r.info.pid = Some(proc.pid);
                    r.info.last_exit = None;
                    r.pid_start_ticks = proc.start_ticks;
                    r.proc = Some(Arc::clone(&proc));
                    if let Err(e) = save(&self.paths, r) {
                        eprintln!("mvirt-vmm: saving {name}: {e}");
                    }
                    true
                }
                None => false,
            }
        };
        if !recorded {
            // Cannot happen while the claim holds the record busy; if it
            // did, a process no record owns must not run on.
            return Err(self.unowned(name, child, &proc, tap));
        }
        drop(claim);
        self.watch_child(name.to_string(), child, proc, tap);
        self.get(name)
    }

    /// Ends a process whose record went away while it was started.
    fn unowned(&self, name: &str, mut child: Child, proc: &Proc, tap: Option<String>) -> Refusal {
        eprintln!(
            "mvirt-vmm: {name} went away while it was started; killing pid {}",
            proc.pid
        );
        let _ = child.kill();
        let _ = child.wait();
        if let Some(tap) = tap {
            let _ = net::remove_tap(&tap);
        }
        refuse(409, format!("{name} was deleted while it was started"))
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

/// A VM as the API shows it, for the tests of the submodules.
#[cfg(test)]
fn test_info(spec: &str) -> VmInfo {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn vmm(dir: &std::path::Path) -> Shared {
        let paths = Paths {
            state_dir: dir.join("state"),
            run_dir: dir.join("run"),
            cloud_hypervisor: dir.join("no-cloud-hypervisor"),
        };
        Vmm::load(paths, None).unwrap()
    }

    fn spec(dir: &std::path::Path) -> VmSpec {
        let kernel = dir.join("kernel");
        std::fs::write(&kernel, b"k").unwrap();
        serde_json::from_value(serde_json::json!({
            "name": "a", "vcpus": 1, "memory_mib": 64, "kernel": kernel,
        }))
        .unwrap()
    }

    fn claim_delete(vmm: &Shared) -> Result<Claim, Refusal> {
        vmm.claim("a", Op::Deleting, |r| r.check_idle("delete it"))
            .map(|(c, _)| c)
    }

    /// The race behind two DELETEs passing the busy check and orphaned
    /// cloud-hypervisors: a delete's claim dropped after its VM was
    /// re-created under the same name and claimed by another request.
    #[test]
    fn a_stale_claim_leaves_a_re_created_vm_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (vmm, spec) = (vmm(dir.path()), spec(dir.path()));
        vmm.create(spec.clone()).unwrap();
        let first = claim_delete(&vmm).unwrap();
        lock(&vmm.table).remove("a"); // as the first delete does
        vmm.create(spec).unwrap();
        let second = claim_delete(&vmm).unwrap();
        drop(first);
        assert_eq!(claim_delete(&vmm).err().map(|r| r.status), Some(409));
        drop(second);
        claim_delete(&vmm).unwrap();
    }

    #[test]
    fn every_record_gets_a_new_id() {
        let dir = tempfile::tempdir().unwrap();
        let (vmm, spec) = (vmm(dir.path()), spec(dir.path()));
        let mut ids = Vec::new();
        for _ in 0..3 {
            vmm.create(spec.clone()).unwrap();
            ids.push(lock(&vmm.table)["a"].id);
            vmm.delete("a").unwrap();
        }
        assert!(ids[0] < ids[1] && ids[1] < ids[2], "{ids:?}");
    }
}
