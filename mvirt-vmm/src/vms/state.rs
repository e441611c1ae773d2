//! VM definitions on disk: `<state_dir>/<name>.json`.
//!
//! A state file is input like an API request: it may have been left by an
//! older daemon, damaged, or put there by someone else. Each is opened
//! without following a link and without blocking (a FIFO named `x.json`
//! must not hang the startup), must be a regular file of bounded size named
//! after a valid VM name, and its spec must pass the same checks as a
//! create. The paths the daemon derives (sockets, logs) are derived again,
//! never read from the file. Anything else is logged and left alone.

use std::collections::BTreeMap;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex, OnceLock};

use mvirt_api::{Network, VmState};

use super::record::Record;
use super::spec::{net_info, valid_name, validate_shape};
use super::{lock, Paths, Shared, Vmm};
use crate::net;
use crate::process::Proc;

/// The largest state file read (a spec is a few hundred bytes).
const MAX_STATE_FILE: u64 = 1 << 20;

/// `<state_dir>/<name>.json`, for a name [`valid_name`] accepts.
fn state_path(paths: &Paths, name: &str) -> std::io::Result<PathBuf> {
    if !valid_name(name) {
        return Err(std::io::Error::other(format!("bad VM name {name:?}")));
    }
    Ok(paths.state_dir.join(format!("{name}.json")))
}

/// Writes a VM's state atomically and durably: a temporary file, flushed
/// to disk, renamed over the old one (see [`mvirt_atomic`]). A full or
/// read-only disk leaves the old definition, or none.
pub(super) fn save(paths: &Paths, rec: &Record) -> std::io::Result<()> {
    let path = state_path(paths, &rec.info.spec.name)?;
    let json = serde_json::to_vec_pretty(rec).map_err(std::io::Error::other)?;
    mvirt_atomic::write(&path, &json, 0o600)
}

/// The refusal for a definition that could not be saved or removed: 507
/// when the disk is full or read-only (the operator's to fix), else 500.
pub(super) fn disk_refusal(paths: &Paths, what: &str, e: &std::io::Error) -> super::Refusal {
    use std::io::ErrorKind::{QuotaExceeded, ReadOnlyFilesystem, StorageFull};
    let status = match e.kind() {
        StorageFull | QuotaExceeded | ReadOnlyFilesystem => 507,
        _ => 500,
    };
    super::refuse(
        status,
        format!(
            "{what} the VM's definition in {}: {e}; nothing was changed",
            paths.state_dir.display()
        ),
    )
}

/// Removes a VM's state file; one already gone is no error.
pub(super) fn remove(paths: &Paths, name: &str) -> std::io::Result<()> {
    match std::fs::remove_file(state_path(paths, name)?) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Reads a regular file of at most [`MAX_STATE_FILE`] bytes, without
/// following a symlink or blocking on a FIFO.
fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| format!("opening it: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("stat: {e}"))?;
    if !meta.file_type().is_file() {
        return Err(format!(
            "not a regular file: {}",
            mvirt_atomic::type_name(meta.file_type())
        ));
    }
    if meta.len() > MAX_STATE_FILE {
        return Err(format!("{} bytes, more than {MAX_STATE_FILE}", meta.len()));
    }
    let mut buf = Vec::new();
    file.take(MAX_STATE_FILE + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("reading it: {e}"))?;
    if buf.len() as u64 > MAX_STATE_FILE {
        return Err(format!("more than {MAX_STATE_FILE} bytes"));
    }
    Ok(buf)
}

/// The record in `path`, checked (see the module's doc); `name` is the
/// file's name without `.json`.
fn read_record(paths: &Paths, path: &Path, name: &str) -> Result<Record, String> {
    if !valid_name(name) {
        return Err("not named after a valid VM name".into());
    }
    let text = read_bounded(path)?;
    let mut rec: Record = serde_json::from_slice(&text).map_err(|e| e.to_string())?;
    if rec.info.spec.name != name {
        return Err(format!("it defines {:?}, not {name:?}", rec.info.spec.name));
    }
    validate_shape(&rec.info.spec).map_err(|r| r.message)?;
    let file = |ext: &str| {
        paths
            .run_dir
            .join(format!("{name}.{ext}"))
            .display()
            .to_string()
    };
    rec.info.api_socket = file("sock");
    rec.info.serial_log = file("serial");
    rec.info.log = file("log");
    if rec.info.state != VmState::Running {
        rec.info.pid = None;
    }
    Ok(rec)
}

/// Every acceptable state file's record, by name; the others logged.
fn read_all(paths: &Paths) -> std::io::Result<Vec<Record>> {
    let mut entries: Vec<_> = std::fs::read_dir(&paths.state_dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    let mut records = Vec::new();
    for path in entries {
        let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
            eprintln!("mvirt-vmm: ignoring {}: not a UTF-8 name", path.display());
            continue;
        };
        if file.starts_with('.') || file == LOCK_FILE || file == super::disks::DISKS_DIR {
            continue; // the lock, a temporary file of an interrupted save, disk copies
        }
        let Some(name) = file.strip_suffix(".json") else {
            eprintln!(
                "mvirt-vmm: ignoring {}: not a VM's state file",
                path.display()
            );
            continue;
        };
        match read_record(paths, &path, name) {
            Ok(rec) => records.push(rec),
            Err(e) => eprintln!("mvirt-vmm: ignoring {}: {e}", path.display()),
        }
    }
    Ok(records)
}

/// The lock file in the state directory (see [`crate::lock`]).
pub const LOCK_FILE: &str = ".lock";

/// Re-adopts `rec`'s process if it still runs; else records it stopped.
fn adopt(rec: &mut Record) {
    let name = &rec.info.spec.name;
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

fn network(net: &Option<net::Config>) -> Network {
    Network {
        bridge: net.as_ref().map(|n| n.bridge.clone()),
        uplink: net.as_ref().and_then(|n| n.uplink.clone()),
        ready: false,
        detail: match net {
            Some(_) => "not set up yet".into(),
            None => "off (mvirt-vmm --no-bridge)".into(),
        },
        host: "none (mvirt-vmm without --host-network)".into(),
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
        let bridge = net.as_ref().map(|n| n.bridge.as_str());
        let mut vms = BTreeMap::new();
        for (id, mut rec) in (0..).zip(read_all(&paths)?) {
            let name = rec.info.spec.name.clone();
            rec.id = id;
            rec.info.net = net_info(&rec.info.spec, bridge);
            if rec.info.state == VmState::Running {
                adopt(&mut rec);
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
        let vmm = Arc::new(Vmm {
            network: Mutex::new(network(&net)),
            next_id: AtomicU64::new(vms.len() as u64),
            paths,
            net,
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vms::record::Op;

    use crate::vms::test_info as info;

    #[test]
    fn state_files_keep_the_api_fields_at_the_top_and_read_old_ones() {
        let rec = Record {
            info: info(r#"{"name":"web","vcpus":1,"memory_mib":64,"kernel":"/k"}"#),
            pid_start_ticks: Some(9000),
            proc: None,
            busy: Some(Op::Stopping),
            id: 0,
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
}
