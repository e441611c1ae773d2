//! Many clients, few names, every operation at once, against the real
//! daemon and the cloud-hypervisor TEST DOUBLE.
//!
//! The invariant: every cloud-hypervisor the daemon started is in its table
//! (listed as running, with its pid) until it is reaped, and no request is
//! ever answered 500. At the end every VM is killed through the API and
//! every process must be gone (reaped, not a zombie).
//!
//! Bounded for `make test` (MVIRT_RACE_SECS, default 15; MVIRT_RACE_CLIENTS,
//! default 24; MVIRT_RACE_NAMES, default 2; MVIRT_RACE_IN_FLIGHT, the daemon's
//! --max-in-flight, default 256: few 503s, so more requests race); run it for minutes by hand:
//! `MVIRT_RACE_SECS=600 cargo nextest run -p mvirt-vmm --test races`.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{wait_for, Host, DOUBLE};
use mvirt_api::client::request;

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A small xorshift: each client's own sequence, reproducible by seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The double processes of this host that are alive (not zombies): pid →
/// the VM name in their --api-socket.
fn live_doubles(run_dir: &Path) -> BTreeMap<u32, String> {
    let marker = format!("path={}/", run_dir.display());
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<String> = cmdline
            .split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        if args.first().map(String::as_str) != Some(DOUBLE) {
            continue;
        }
        let Some(sock) = args.iter().find_map(|a| a.strip_prefix(&marker)) else {
            continue;
        };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let state = stat.rsplit(')').next().unwrap_or("").trim_start();
        if state.starts_with('Z') || state.is_empty() {
            continue;
        }
        found.insert(pid, sock.trim_end_matches(".sock").to_string());
    }
    found
}

/// Any process of this host at all, zombies included.
fn any_doubles(run_dir: &Path) -> usize {
    let marker = format!("path={}/", run_dir.display());
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter(|e| {
            std::fs::read(e.path().join("cmdline")).is_ok_and(|c| {
                c.starts_with(DOUBLE.as_bytes()) && String::from_utf8_lossy(&c).contains(&marker)
            })
        })
        .count()
}

struct Client {
    socket: PathBuf,
    spec: String,
    names: Vec<String>,
}

impl Client {
    /// One random request; its status (0: no answer).
    fn one(&self, rng: &mut Rng) -> (String, u16) {
        let name = &self.names[rng.below(self.names.len() as u64) as usize];
        let (method, path, body) = match rng.below(8) {
            0 | 1 => (
                "POST",
                "/v1/vms".to_string(),
                Some(self.spec.replace("NAME", name)),
            ),
            2 => ("DELETE", format!("/v1/vms/{name}"), None),
            3 | 4 => ("POST", format!("/v1/vms/{name}/start"), None),
            5 => (
                "POST",
                format!("/v1/vms/{name}/stop"),
                Some(format!(r#"{{"timeout_s":{}}}"#, rng.below(2))),
            ),
            6 => ("POST", format!("/v1/vms/{name}/kill"), None),
            _ => ("GET", "/v1/vms".to_string(), None),
        };
        let what = format!("{method} {path}");
        let r = request(
            &self.socket,
            method,
            &path,
            body.as_deref().map(str::as_bytes),
            Duration::from_secs(60),
        );
        match r {
            Ok(r) if r.status >= 500 && r.status != 503 => (
                format!("{what}: {} {}", r.status, r.error_message()),
                r.status,
            ),
            Ok(r) => (what, r.status),
            Err(e) => (format!("{what}: {e}"), 0),
        }
    }
}

/// Every live double is a running VM of the table with that pid.
fn check_invariant(host: &Host) {
    let vms = host.json(&["vm", "list"]);
    let table: BTreeMap<String, (String, Option<u64>)> = vms
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let name = v["spec"]["name"].as_str().unwrap().to_string();
            (
                name,
                (v["state"].as_str().unwrap().to_string(), v["pid"].as_u64()),
            )
        })
        .collect();
    for (pid, name) in live_doubles(&host.path("run")) {
        let entry = table.get(&name);
        assert!(
            matches!(entry, Some((state, Some(p))) if *p == u64::from(pid) && state == "running"),
            "an orphan: cloud-hypervisor pid {pid} for {name} runs, and the table says {entry:?}\n\
             daemon log:\n{}",
            host.daemon_log()
        );
    }
}

#[test]
fn many_clients_lose_no_vm_and_get_no_500() {
    let secs = env_or("MVIRT_RACE_SECS", 15);
    let clients = env_or("MVIRT_RACE_CLIENTS", 24);
    let mut host = Host::new();
    let in_flight = env_or("MVIRT_RACE_IN_FLIGHT", 256).to_string();
    host.start_daemon_with(
        Path::new(DOUBLE),
        &[],
        &["--no-bridge", "--max-in-flight", &in_flight],
    );
    let spec = format!(
        r#"{{"name":"NAME","vcpus":1,"memory_mib":64,"kernel":"{}","disks":["{}"],"cmdline":"double.poweroff_ms=20"}}"#,
        host.path("vmlinuz").display(),
        host.path("disk.img").display()
    );
    let client = Arc::new(Client {
        socket: host.socket(),
        spec,
        names: (0..env_or("MVIRT_RACE_NAMES", 2))
            .map(|i| format!("race-{i}"))
            .collect(),
    });
    let stop = Arc::new(AtomicBool::new(false));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let counts = Arc::new(Mutex::new(BTreeMap::<u16, u64>::new()));
    let threads: Vec<_> = (0..clients)
        .map(|i| {
            let (client, stop) = (Arc::clone(&client), Arc::clone(&stop));
            let (failures, counts) = (Arc::clone(&failures), Arc::clone(&counts));
            std::thread::spawn(move || {
                let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (i + 1));
                while !stop.load(Ordering::Relaxed) {
                    let (what, status) = client.one(&mut rng);
                    *counts.lock().unwrap().entry(status).or_default() += 1;
                    if status == 0 || (status >= 500 && status != 503) {
                        failures.lock().unwrap().push(what);
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(secs));
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().unwrap();
    }
    eprintln!("answers by status: {:?}", counts.lock().unwrap());
    let failures = failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "{} failed requests, e.g. {:?}\ndaemon log:\n{}",
        failures.len(),
        &failures[..failures.len().min(10)],
        host.daemon_log()
    );
    // Quiet now: every answered request is done; only watchers may still
    // be recording ends.
    check_invariant(&host);
    for name in &client.names {
        let _ = host.mvirt(&["vm", "kill", name]);
    }
    wait_for("every cloud-hypervisor reaped", || {
        any_doubles(&host.path("run")) == 0
    });
    let vms = host.json(&["vm", "list"]);
    for vm in vms.as_array().unwrap() {
        assert_ne!(vm["state"], "running", "{vm}");
    }
    host.kill_daemon();
}
