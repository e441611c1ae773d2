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
    vms: BTreeMap<String, VmInfo>,
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

fn process_alive(pid: u32, api_socket: &str) -> bool {
    // The pid must still be *that* cloud-hypervisor: its command line
    // names the VM's API socket (guards against pid reuse).
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|c| String::from_utf8_lossy(&c).contains(api_socket))
        .unwrap_or(false)
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| {
                s.rsplit(')')
                    .next()
                    .unwrap_or("")
                    .trim_start()
                    .starts_with('Z')
            })
            .unwrap_or(true)
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
            let mut info: VmInfo = match serde_json::from_slice(&text) {
                Ok(i) => i,
                Err(e) => {
                    eprintln!("mvirt-vmm: ignoring {}: {e}", path.display());
                    continue;
                }
            };
            if info.state == VmState::Running {
                match info.pid {
                    Some(pid) if process_alive(pid, &info.api_socket) => {
                        eprintln!("mvirt-vmm: re-adopted {} (pid {pid})", info.spec.name);
                    }
                    _ => {
                        info.state = VmState::Stopped;
                        info.pid = None;
                        info.last_exit = Some("not running after a daemon restart".into());
                    }
                }
            }
            let _ = shared_save(&paths, &info);
            vms.insert(info.spec.name.clone(), info);
        }
        let shared = Arc::new(Mutex::new(Vms { paths, vms }));
        // Re-adopted processes are not our children: watch them by polling.
        let adopted: Vec<(String, u32)> = shared
            .lock()
            .unwrap()
            .vms
            .values()
            .filter_map(|v| Some((v.spec.name.clone(), v.pid?)))
            .collect();
        for (name, pid) in adopted {
            watch_adopted(Arc::clone(&shared), name, pid);
        }
        Ok(shared)
    }

    pub fn list(&self) -> Vec<VmInfo> {
        self.vms.values().cloned().collect()
    }

    pub fn get(&self, name: &str) -> Result<VmInfo, Refusal> {
        self.vms
            .get(name)
            .cloned()
            .ok_or_else(|| refuse(404, format!("no VM named {name:?}")))
    }

    pub fn running(&self) -> usize {
        self.vms
            .values()
            .filter(|v| v.state == VmState::Running)
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
        let info = VmInfo {
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
        };
        shared_save(&self.paths, &info).map_err(|e| refuse(500, format!("saving state: {e}")))?;
        self.vms.insert(info.spec.name.clone(), info.clone());
        Ok(info)
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

    fn update(&mut self, name: &str, f: impl FnOnce(&mut VmInfo)) {
        if let Some(vm) = self.vms.get_mut(name) {
            f(vm);
            let _ = shared_save(&self.paths, vm);
        }
    }
}

/// Writes a VM's state atomically.
fn shared_save(paths: &Paths, vm: &VmInfo) -> std::io::Result<()> {
    let path = paths.state_dir.join(format!("{}.json", vm.spec.name));
    let tmp = paths.state_dir.join(format!(".{}.json.tmp", vm.spec.name));
    std::fs::write(&tmp, serde_json::to_vec_pretty(vm).expect("serializable"))?;
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
    eprintln!("mvirt-vmm: started {name} (pid {pid})");
    shared.lock().unwrap().update(name, |v| {
        v.state = VmState::Running;
        v.pid = Some(pid);
        v.last_exit = None;
    });
    watch_child(Arc::clone(shared), name.to_string(), child);
    shared.lock().unwrap().get(name)
}

fn record_exit(shared: &Shared, name: &str, pid: u32, why: String) {
    eprintln!("mvirt-vmm: {name} (pid {pid}) {why}");
    shared.lock().unwrap().update(name, |v| {
        if v.pid == Some(pid) {
            v.state = VmState::Stopped;
            v.pid = None;
            if v.last_exit.is_none() {
                v.last_exit = Some(why);
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

fn watch_adopted(shared: Shared, name: String, pid: u32) {
    std::thread::spawn(move || {
        let socket = shared
            .lock()
            .unwrap()
            .get(&name)
            .map(|v| v.api_socket)
            .unwrap_or_default();
        while process_alive(pid, &socket) {
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
        shared.lock().unwrap().update(name, |v| {
            v.last_exit = Some(format!(
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
        .update(name, |v| v.last_exit = Some("killed".into()));
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

    #[test]
    fn names() {
        assert!(valid_name("vm-1"));
        for bad in ["", "-x", "UPPER", "a/b", &"x".repeat(33)] {
            assert!(!valid_name(bad), "{bad}");
        }
    }
}
