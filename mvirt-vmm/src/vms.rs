//! VMs: definitions kept on disk, cloud-hypervisor processes launched,
//! watched, stopped and re-adopted after a daemon restart.
//!
//! State lives in `<state_dir>/<name>.json`, written atomically (temporary
//! file + rename), so a crash never leaves a half-written definition.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mvirt_api::{VmInfo, VmSpec, VmState};
use serde::{Deserialize, Serialize};

/// A request error: HTTP status and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub message: String,
}

fn refuse(status: u16, message: impl Into<String>) -> Refusal {
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

/// All VMs, shared between the API thread and the process watchers.
pub struct Vms {
    paths: Paths,
    vms: BTreeMap<String, Record>,
}

pub type Shared = Arc<Mutex<Vms>>;

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 32
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
}

/// One process, as /proc/PID/stat shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ProcStat {
    /// The state letter: R, S, D, Z, ...
    state: char,
    /// Start time in clock ticks after boot (field 22). Set at fork and
    /// kept across exec, so (pid, start time) names one process for the
    /// machine's uptime: a reused pid has another start time.
    start_ticks: u64,
}

impl ProcStat {
    /// Parses the text of /proc/PID/stat.
    fn parse(text: &str) -> Option<ProcStat> {
        // "PID (COMM) STATE PPID ...": COMM may hold spaces and ')', so the
        // fields start after the last ')'. STATE is field 3, starttime 22.
        let mut fields = text.rsplit_once(')')?.1.split_whitespace();
        let state = fields.next()?.chars().next()?;
        let start_ticks = fields.nth(18)?.parse().ok()?;
        Some(ProcStat { state, start_ticks })
    }
}

fn proc_stat(pid: u32) -> Option<ProcStat> {
    ProcStat::parse(&std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)
}

/// Whether the VM's process still runs: `pid` is alive (not a zombie) and
/// is the process we launched, which its recorded start time tells.
///
/// Only state written before start times were recorded falls back to the
/// command line naming the VM's API socket. That check misjudged fresh VMs:
/// /proc/PID/cmdline reads empty until the kernel has finished the exec, and
/// `Command::spawn` returns before that (most reads right after spawn came
/// back empty here), so a daemon restarted in that window, or while a loaded
/// machine had not yet run the child, took a running VM for a dead one.
fn process_alive(pid: u32, started: Option<u64>, api_socket: &str) -> bool {
    let Some(stat) = proc_stat(pid).filter(|s| s.state != 'Z' && s.state != 'X') else {
        return false;
    };
    match started {
        Some(ticks) => stat.start_ticks == ticks,
        None => std::fs::read(format!("/proc/{pid}/cmdline"))
            .map(|c| String::from_utf8_lossy(&c).contains(api_socket))
            .unwrap_or(false),
    }
}

/// What the daemon keeps of a VM, in memory and in `<name>.json`: what the
/// API reports, and the identity of its process.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Record {
    #[serde(flatten)]
    info: VmInfo,
    /// `info.pid`'s start time ([`ProcStat::start_ticks`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pid_start_ticks: Option<u64>,
}

impl Vms {
    /// Loads the definitions; VMs recorded as running are re-adopted when
    /// their process still runs, else marked stopped with the reason.
    pub fn load(paths: Paths) -> std::io::Result<Shared> {
        std::fs::create_dir_all(&paths.state_dir)?;
        std::fs::create_dir_all(&paths.run_dir)?;
        let mut vms = BTreeMap::new();
        let mut entries: Vec<_> = std::fs::read_dir(&paths.state_dir)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        entries.sort();
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
            let info = &mut rec.info;
            if info.state == VmState::Running {
                match info.pid {
                    Some(pid) if process_alive(pid, rec.pid_start_ticks, &info.api_socket) => {
                        eprintln!("mvirt-vmm: re-adopted {} (pid {pid})", info.spec.name);
                    }
                    _ => {
                        info.state = VmState::Stopped;
                        info.pid = None;
                        info.last_exit = Some("not running after a daemon restart".into());
                        rec.pid_start_ticks = None;
                    }
                }
            }
            let _ = shared_save(&paths, &rec);
            vms.insert(rec.info.spec.name.clone(), rec);
        }
        let shared = Arc::new(Mutex::new(Vms { paths, vms }));
        // Re-adopted processes are not our children: watch them by polling.
        let adopted: Vec<Record> = shared.lock().unwrap().vms.values().cloned().collect();
        for rec in adopted {
            watch_adopted(Arc::clone(&shared), rec);
        }
        Ok(shared)
    }

    pub fn list(&self) -> Vec<VmInfo> {
        self.vms.values().map(|r| r.info.clone()).collect()
    }

    pub fn get(&self, name: &str) -> Result<VmInfo, Refusal> {
        self.vms
            .get(name)
            .map(|r| r.info.clone())
            .ok_or_else(|| refuse(404, format!("no VM named {name:?}")))
    }

    pub fn running(&self) -> usize {
        self.vms
            .values()
            .filter(|r| r.info.state == VmState::Running)
            .count()
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// Validates and records a new VM. Nothing is written on refusal.
    pub fn create(&mut self, spec: VmSpec) -> Result<VmInfo, Refusal> {
        if !valid_name(&spec.name) {
            return Err(refuse(
                400,
                format!(
                    "bad name {:?}: 1-32 characters of a-z, 0-9 and '-', not starting with '-'",
                    spec.name
                ),
            ));
        }
        if self.vms.contains_key(&spec.name) {
            return Err(refuse(
                409,
                format!("a VM named {:?} exists already", spec.name),
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
            (None, None) => {
                return Err(refuse(400, "give a kernel (direct boot) or a firmware"));
            }
            (Some(_), Some(_)) => {
                return Err(refuse(400, "give either a kernel or a firmware, not both"));
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
        }
        if let Some(tap) = &spec.tap {
            if tap.is_empty() || tap.len() > 15 || tap.contains('/') {
                return Err(refuse(400, format!("bad tap device name {tap:?}")));
            }
        }
        let run = &self.paths.run_dir;
        let rec = Record {
            info: VmInfo {
                api_socket: run
                    .join(format!("{}.sock", spec.name))
                    .display()
                    .to_string(),
                serial_log: run
                    .join(format!("{}.serial", spec.name))
                    .display()
                    .to_string(),
                spec,
                state: VmState::Created,
                pid: None,
                last_exit: None,
            },
            pid_start_ticks: None,
        };
        shared_save(&self.paths, &rec).map_err(|e| refuse(500, format!("saving state: {e}")))?;
        self.vms.insert(rec.info.spec.name.clone(), rec.clone());
        Ok(rec.info)
    }

    /// Removes a VM that is not running.
    pub fn delete(&mut self, name: &str) -> Result<(), Refusal> {
        let vm = self.get(name)?;
        if vm.state == VmState::Running {
            return Err(refuse(
                409,
                format!("{name} is running; stop or kill it first"),
            ));
        }
        let path = self.paths.state_dir.join(format!("{name}.json"));
        std::fs::remove_file(&path)
            .map_err(|e| refuse(500, format!("removing {}: {e}", path.display())))?;
        let _ = std::fs::remove_file(&vm.api_socket);
        self.vms.remove(name);
        Ok(())
    }

    fn update(&mut self, name: &str, f: impl FnOnce(&mut Record)) {
        if let Some(rec) = self.vms.get_mut(name) {
            f(rec);
            let _ = shared_save(&self.paths, rec);
        }
    }
}

/// Writes a VM's state atomically.
fn shared_save(paths: &Paths, rec: &Record) -> std::io::Result<()> {
    let name = &rec.info.spec.name;
    let path = paths.state_dir.join(format!("{name}.json"));
    let tmp = paths.state_dir.join(format!(".{name}.json.tmp"));
    std::fs::write(&tmp, serde_json::to_vec_pretty(rec).expect("serializable"))?;
    std::fs::rename(&tmp, &path)
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
    if let Some(t) = &s.tap {
        args.extend(["--net".into(), format!("tap={t}")]);
    }
    args
}

/// Launches cloud-hypervisor for a created or stopped VM.
pub fn start(shared: &Shared, name: &str) -> Result<VmInfo, Refusal> {
    let (vm, ch) = {
        let vms = shared.lock().unwrap();
        (vms.get(name)?, vms.paths.cloud_hypervisor.clone())
    };
    if vm.state == VmState::Running {
        return Err(refuse(409, format!("{name} is running already")));
    }
    if !ch.is_file() {
        return Err(refuse(
            503,
            format!(
                "{} is not in this image (built with CLOUD_HYPERVISOR=none?)",
                ch.display()
            ),
        ));
    }
    let _ = std::fs::remove_file(&vm.api_socket);
    let argv = command_line(&ch, &vm);
    let child = Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| refuse(500, format!("launching {}: {e}", ch.display())))?;
    let pid = child.id();
    // Our child, not yet waited for: its stat is there even if it has
    // already exited (a zombie).
    let start_ticks = proc_stat(pid).map(|s| s.start_ticks);
    eprintln!("mvirt-vmm: started {name} (pid {pid})");
    shared.lock().unwrap().update(name, |r| {
        r.info.state = VmState::Running;
        r.info.pid = Some(pid);
        r.info.last_exit = None;
        r.pid_start_ticks = start_ticks;
    });
    watch_child(Arc::clone(shared), name.to_string(), child);
    shared.lock().unwrap().get(name)
}

fn record_exit(shared: &Shared, name: &str, pid: u32, why: String) {
    eprintln!("mvirt-vmm: {name} (pid {pid}) {why}");
    shared.lock().unwrap().update(name, |r| {
        if r.info.pid == Some(pid) {
            r.info.state = VmState::Stopped;
            r.info.pid = None;
            r.pid_start_ticks = None;
            if r.info.last_exit.is_none() {
                r.info.last_exit = Some(why);
            }
        }
    });
}

fn watch_child(shared: Shared, name: String, mut child: Child) {
    std::thread::spawn(move || {
        let pid = child.id();
        let why = match child.wait() {
            Ok(status) => {
                use std::os::unix::process::ExitStatusExt;
                match (status.code(), status.signal()) {
                    (Some(c), _) => format!("exited with status {c}"),
                    (_, Some(s)) => format!("was killed by signal {s}"),
                    _ => format!("ended ({status})"),
                }
            }
            Err(e) => format!("could not be waited for: {e}"),
        };
        record_exit(&shared, &name, pid, why);
    });
}

/// Watches a re-adopted VM (`rec.info.pid`, if any) until its process ends.
fn watch_adopted(shared: Shared, rec: Record) {
    let Some(pid) = rec.info.pid else { return };
    let name = rec.info.spec.name.clone();
    std::thread::spawn(move || {
        while process_alive(pid, rec.pid_start_ticks, &rec.info.api_socket) {
            std::thread::sleep(Duration::from_millis(100));
        }
        record_exit(&shared, &name, pid, "ended (re-adopted process)".into());
    });
}

fn wait_stopped(shared: &Shared, name: &str, deadline: Instant) -> bool {
    loop {
        let state = shared.lock().unwrap().get(name).map(|v| v.state);
        if state != Ok(VmState::Running) {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Graceful stop: cloud-hypervisor's `vm.shutdown` then `vmm.shutdown` over
/// its API socket; SIGKILL when it has not ended within the timeout.
pub fn stop(shared: &Shared, name: &str, timeout: Duration) -> Result<VmInfo, Refusal> {
    let vm = shared.lock().unwrap().get(name)?;
    let Some(pid) = vm.pid.filter(|_| vm.state == VmState::Running) else {
        return Err(refuse(409, format!("{name} is not running")));
    };
    let socket = Path::new(&vm.api_socket);
    let deadline = Instant::now() + timeout;
    for call in ["/api/v1/vm.shutdown", "/api/v1/vmm.shutdown"] {
        // A VM started a moment ago may not have its API socket up yet:
        // retry a failed connection until the deadline.
        loop {
            match mvirt_api::client::request(socket, "PUT", call, None, Duration::from_secs(2)) {
                Ok(r) if r.ok() => break,
                Ok(r) => {
                    eprintln!("mvirt-vmm: {name}: {call} answered {}", r.status);
                    break;
                }
                Err(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => {
                    eprintln!("mvirt-vmm: {name}: {call}: {e}");
                    break;
                }
            }
        }
    }
    if !wait_stopped(shared, name, deadline) {
        eprintln!(
            "mvirt-vmm: {name} did not stop within {}s; killing it",
            timeout.as_secs_f64()
        );
        shared.lock().unwrap().update(name, |r| {
            r.info.last_exit = Some(format!(
                "killed after not stopping within {}s",
                timeout.as_secs_f64()
            ))
        });
        // SAFETY: kill(2) on the pid we launched or re-adopted.
        unsafe {
            libc::kill(pid as i32, libc::SIGKILL);
        }
        wait_stopped(shared, name, Instant::now() + Duration::from_secs(5));
    }
    shared.lock().unwrap().get(name)
}

/// SIGKILL, no questions asked.
pub fn kill(shared: &Shared, name: &str) -> Result<VmInfo, Refusal> {
    let vm = shared.lock().unwrap().get(name)?;
    let Some(pid) = vm.pid.filter(|_| vm.state == VmState::Running) else {
        return Err(refuse(409, format!("{name} is not running")));
    };
    shared
        .lock()
        .unwrap()
        .update(name, |r| r.info.last_exit = Some("killed".into()));
    // SAFETY: kill(2) on the pid we launched or re-adopted.
    unsafe {
        libc::kill(pid as i32, libc::SIGKILL);
    }
    wait_stopped(shared, name, Instant::now() + Duration::from_secs(5));
    shared.lock().unwrap().get(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sleeper() -> Child {
        Command::new("sleep").arg("30").spawn().expect("run sleep")
    }

    #[test]
    fn stat_fields_are_read_after_the_last_parenthesis() {
        // A COMM with spaces and ')' in it, then the kernel's 50 fields.
        let mut fields = vec!["0"; 50];
        fields[0] = "S";
        fields[19] = "424242";
        let text = format!("77 (a) b (c)) {}\n", fields.join(" "));
        assert_eq!(
            ProcStat::parse(&text),
            Some(ProcStat {
                state: 'S',
                start_ticks: 424242
            })
        );
        assert_eq!(ProcStat::parse("77 (trunc) S 1 2"), None);
        assert_eq!(ProcStat::parse(""), None);
    }

    #[test]
    fn a_process_is_alive_from_the_moment_spawn_returns() {
        // The regression behind a flaky re-adoption: /proc/PID/cmdline is
        // empty until the kernel has finished the exec, and spawn returns
        // before that. The start time is there from the fork on.
        for _ in 0..50 {
            let mut child = sleeper();
            let pid = child.id();
            let ticks = proc_stat(pid).expect("our child's stat").start_ticks;
            // "30" is in its command line: the old check, which read the
            // command line instead of the start time, failed here on most tries.
            let alive = process_alive(pid, Some(ticks), "30");
            child.kill().unwrap();
            child.wait().unwrap();
            assert!(
                alive,
                "pid {pid} with its start time {ticks} taken for dead"
            );
        }
    }

    #[test]
    fn a_reused_pid_a_zombie_and_a_reaped_process_are_not_alive() {
        let mut child = sleeper();
        let pid = child.id();
        let ticks = proc_stat(pid).unwrap().start_ticks;
        assert!(process_alive(pid, Some(ticks), ""));
        // The same pid with another start time is another process.
        assert!(!process_alive(pid, Some(ticks + 1), ""));
        child.kill().unwrap();
        // Killed, not yet waited for: a zombie, dead to us.
        let end = Instant::now() + Duration::from_secs(10);
        while proc_stat(pid).unwrap().state != 'Z' {
            assert!(Instant::now() < end, "sleep did not become a zombie");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(!process_alive(pid, Some(ticks), ""));
        child.wait().unwrap();
        assert!(!process_alive(pid, Some(ticks), ""));
    }

    #[test]
    fn state_without_start_times_falls_back_to_the_command_line() {
        let mut child = Command::new("sleep").arg("31").spawn().unwrap();
        let pid = child.id();
        // Wait for the exec to finish; then the command line tells.
        let end = Instant::now() + Duration::from_secs(10);
        while !std::fs::read(format!("/proc/{pid}/cmdline"))
            .unwrap()
            .ends_with(b"31\0")
        {
            assert!(Instant::now() < end, "exec of sleep did not finish");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(process_alive(pid, None, "31"));
        assert!(!process_alive(pid, None, "/run/mvirt/vms/other.sock"));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(!process_alive(pid, None, "31"));
    }

    #[test]
    fn state_files_keep_the_api_fields_at_the_top_and_read_old_ones() {
        let rec = Record {
            info: VmInfo {
                spec: serde_json::from_str(
                    r#"{"name":"web","vcpus":1,"memory_mib":64,"kernel":"/k"}"#,
                )
                .unwrap(),
                state: VmState::Running,
                pid: Some(42),
                last_exit: None,
                serial_log: "/run/web.serial".into(),
                api_socket: "/run/web.sock".into(),
            },
            pid_start_ticks: Some(9000),
        };
        let json: serde_json::Value = serde_json::to_value(&rec).unwrap();
        assert_eq!(json["pid"], 42);
        assert_eq!(json["state"], "running");
        assert_eq!(json["pid_start_ticks"], 9000);
        // Written before start times were kept: reads, with none.
        let mut old = json.clone();
        old.as_object_mut().unwrap().remove("pid_start_ticks");
        let back: Record = serde_json::from_value(old).unwrap();
        assert_eq!(back.info, rec.info);
        assert_eq!(back.pid_start_ticks, None);
    }

    #[test]
    fn names() {
        assert!(valid_name("vm-1"));
        for bad in ["", "-x", "UPPER", "a/b", &"x".repeat(33)] {
            assert!(!valid_name(bad), "{bad}");
        }
    }
}
