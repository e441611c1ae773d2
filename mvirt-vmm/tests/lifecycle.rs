//! The real mvirt-vmm daemon and the real `mvirt` CLI code (in-process,
//! `mvirt_cli::run`) against the cloud-hypervisor TEST DOUBLE
//! (`src/bin/cloud-hypervisor-double.rs`): cloud-hypervisor itself cannot
//! run VMs on these machines.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const DAEMON: &str = env!("CARGO_BIN_EXE_mvirt-vmm");
const DOUBLE: &str = env!("CARGO_BIN_EXE_cloud-hypervisor-double");

struct Host {
    dir: tempfile::TempDir,
    daemon: Option<Child>,
}

impl Host {
    fn new() -> Host {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("vmlinuz"), b"kernel").unwrap();
        std::fs::write(dir.path().join("disk.img"), b"disk").unwrap();
        Host { dir, daemon: None }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn socket(&self) -> PathBuf {
        self.path("vmm.sock")
    }

    fn start_daemon(&mut self, ch: &Path, env: &[(&str, &str)]) {
        let _ = std::fs::remove_file(self.socket());
        let child = Command::new(DAEMON)
            .arg("--socket")
            .arg(self.socket())
            .arg("--state-dir")
            .arg(self.path("state"))
            .arg("--run-dir")
            .arg(self.path("run"))
            .arg("--cloud-hypervisor")
            .arg(ch)
            .envs(env.iter().copied())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        self.daemon = Some(child);
        // Ready when it accepts a connection: the socket file appears at
        // bind(2), a moment before listen(2), and a loaded machine can
        // preempt the daemon in between (seen as "connection refused").
        let end = Instant::now() + Duration::from_secs(60);
        while std::os::unix::net::UnixStream::connect(self.socket()).is_err() {
            assert!(Instant::now() < end, "daemon did not accept connections");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn kill_daemon(&mut self) {
        if let Some(mut d) = self.daemon.take() {
            let _ = d.kill();
            let _ = d.wait();
        }
    }

    /// Runs `mvirt ARGS...`; returns (exit code or error text, stdout).
    fn mvirt(&self, args: &[&str]) -> (Result<u8, String>, String) {
        let mut argv = vec![
            "mvirt".to_string(),
            "--socket".into(),
            self.socket().display().to_string(),
        ];
        argv.extend(args.iter().map(|s| s.to_string()));
        let mut out = Vec::new();
        let result = mvirt_cli::run(&argv, &mut out).map_err(|e| format!("{e:#}"));
        (result, String::from_utf8(out).unwrap())
    }

    fn ok(&self, args: &[&str]) -> String {
        let (r, out) = self.mvirt(args);
        assert_eq!(r, Ok(0), "mvirt {args:?}: {out}");
        out
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut a = vec!["--json"];
        a.extend_from_slice(args);
        serde_json::from_str(&self.ok(&a)).unwrap()
    }

    fn err(&self, args: &[&str]) -> String {
        let (r, out) = self.mvirt(args);
        r.expect_err(&format!("mvirt {args:?} succeeded: {out}"))
    }

    fn create(&self, name: &str) {
        let kernel = self.path("vmlinuz").display().to_string();
        let disk = self.path("disk.img").display().to_string();
        self.ok(&[
            "vm", "create", name, "--vcpus", "2", "--memory", "256", "--kernel", &kernel, "--disk",
            &disk,
        ]);
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        // Stop any double still running from this test.
        if let Ok(entries) = std::fs::read_dir(self.path("state")) {
            for e in entries.flatten() {
                if let Ok(v) = serde_json::from_slice::<serde_json::Value>(
                    &std::fs::read(e.path()).unwrap_or_default(),
                ) {
                    if let Some(pid) = v["pid"].as_i64() {
                        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
                    }
                }
            }
        }
        self.kill_daemon();
    }
}

#[test]
fn status_reports_kvm_and_cloud_hypervisor() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    let s = host.json(&["status"]);
    assert_eq!(s["cloud_hypervisor"]["present"], true);
    assert!(s["kvm"]["usable"].is_boolean());
    assert!(s["kvm"]["detail"].as_str().unwrap().contains("/dev/kvm"));
    assert!(s["cpus"].as_u64().unwrap() >= 1);
    let text = host.ok(&["status"]);
    assert!(
        text.contains("cloud-hypervisor: ") && text.contains("(present)"),
        "{text}"
    );
}

#[test]
fn status_wait_waits_for_a_daemon_still_starting() {
    let mut host = Host::new();
    // Nothing listens: without --wait it fails at once, with a short one
    // it fails after waiting, naming the wait.
    let err = host.err(&["status"]);
    assert!(err.contains("cannot connect"), "{err}");
    let t = Instant::now();
    let err = host.err(&["status", "--wait", "0.3"]);
    assert!(t.elapsed() >= Duration::from_millis(300), "{err}");
    assert!(err.contains("did not answer within 0.3s"), "{err}");
    // Started while `mvirt status --wait` is already waiting: it answers.
    let socket = host.socket().display().to_string();
    let waiting = std::thread::spawn(move || {
        let argv: Vec<String> = ["mvirt", "--socket", &socket, "status", "--wait", "60"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut out = Vec::new();
        let r = mvirt_cli::run(&argv, &mut out).map_err(|e| format!("{e:#}"));
        (r, String::from_utf8(out).unwrap())
    });
    std::thread::sleep(Duration::from_millis(200));
    host.start_daemon(Path::new(DOUBLE), &[]);
    let (r, out) = waiting.join().unwrap();
    assert_eq!(r, Ok(0), "{out}");
    assert!(out.contains("serving on"), "{out}");
    // Not a number: a usage error (exit 2); a negative wait is refused.
    assert_eq!(host.mvirt(&["status", "--wait", "soon"]).0, Ok(2));
    let err = host.err(&["status", "--wait=-1"]);
    assert!(err.contains("--wait -1: not a number of seconds"), "{err}");
}

#[test]
fn an_image_without_cloud_hypervisor_says_so() {
    let mut host = Host::new();
    host.start_daemon(Path::new("/nonexistent/cloud-hypervisor"), &[]);
    let text = host.ok(&["status"]);
    assert!(text.contains("absent: image built without it"), "{text}");
    host.create("vm1");
    let err = host.err(&["vm", "start", "vm1"]);
    assert!(
        err.contains("not in this image") && err.contains("(503)"),
        "{err}"
    );
}

#[test]
fn create_start_stop_delete() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create("web");
    assert_eq!(host.json(&["vm", "get", "web"])["state"], "created");
    let vm = host.json(&["vm", "start", "web"]);
    assert_eq!(vm["state"], "running");
    let pid = vm["pid"].as_u64().unwrap();
    // The double got the command line we promise: api socket, serial file, console off.
    let end = Instant::now() + Duration::from_secs(60);
    let console = loop {
        let c = host.ok(&["console", "web"]);
        if !c.is_empty() || Instant::now() > end {
            break c;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    for want in [
        "--api-socket path=",
        "--cpus boot=2",
        "--memory size=256M",
        "--console off",
        "--disk path=",
    ] {
        assert!(console.contains(want), "{want} missing: {console}");
    }
    let table = host.ok(&["vm", "list"]);
    assert!(
        table.contains("web") && table.contains("running") && table.contains(&pid.to_string()),
        "{table}"
    );
    let vm = host.json(&["vm", "stop", "web", "--timeout", "5"]);
    assert_eq!(vm["state"], "stopped");
    assert_eq!(vm["last_exit"], "exited with status 0");
    assert!(
        !Path::new(&format!("/proc/{pid}/cmdline")).exists() || {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            stat.contains(") Z")
        }
    );
    host.ok(&["vm", "delete", "web"]);
    assert!(host.err(&["vm", "get", "web"]).contains("(404)"));
    assert!(!host.path("state/web.json").exists());
}

#[test]
fn stop_times_out_into_sigkill() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[("CH_DOUBLE_IGNORE_SHUTDOWN", "1")]);
    host.create("stuck");
    host.json(&["vm", "start", "stuck"]);
    let started = Instant::now();
    let vm = host.json(&["vm", "stop", "stuck", "--timeout", "1"]);
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(vm["state"], "stopped");
    assert_eq!(vm["last_exit"], "killed after not stopping within 1s");
}

#[test]
fn a_restarted_daemon_re_adopts_running_vms() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create("keep");
    host.create("idle");
    let pid = host.json(&["vm", "start", "keep"])["pid"].as_u64().unwrap();
    host.kill_daemon();
    host.start_daemon(Path::new(DOUBLE), &[]);
    let vm = host.json(&["vm", "get", "keep"]);
    assert_eq!(vm["state"], "running", "{vm}");
    assert_eq!(vm["pid"].as_u64(), Some(pid));
    assert_eq!(host.json(&["vm", "get", "idle"])["state"], "created");
    // The adopted VM still answers on its API socket and stops.
    let vm = host.json(&["vm", "stop", "keep", "--timeout", "5"]);
    assert_eq!(vm["state"], "stopped", "{vm}");
}

#[test]
fn bad_requests_are_refused_and_leave_nothing_behind() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    let kernel = host.path("vmlinuz").display().to_string();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["vm", "get", "ghost"], "no VM named \"ghost\" (404)"),
        (vec!["vm", "start", "ghost"], "(404)"),
        (
            vec!["vm", "create", "Bad_Name", "--kernel", &kernel],
            "bad name",
        ),
        (
            vec!["vm", "create", "a", "--vcpus", "0", "--kernel", &kernel],
            "vcpus 0 is out of range",
        ),
        (
            vec!["vm", "create", "a", "--memory", "1", "--kernel", &kernel],
            "memory_mib 1 is out of range",
        ),
        (
            vec!["vm", "create", "a", "--kernel", "/no/such/kernel"],
            "kernel /no/such/kernel: no such file (400)",
        ),
        (vec!["vm", "create", "a"], "give a kernel"),
    ];
    for (args, want) in cases {
        let err = host.err(&args);
        assert!(err.contains(want), "{args:?}: {err:?} lacks {want:?}");
    }
    let files: Vec<_> = std::fs::read_dir(host.path("state")).unwrap().collect();
    assert!(files.is_empty(), "refused creates left state behind");
    host.create("dup");
    assert!(host
        .err(&["vm", "create", "dup", "--kernel", &kernel])
        .contains("exists already (409)"));
    assert!(host
        .err(&["vm", "stop", "dup"])
        .contains("is not running (409)"));
}
