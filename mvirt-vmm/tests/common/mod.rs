//! The harness of the host tests: the real mvirt-vmm daemon (a process)
//! and the real `mvirt` CLI code (in-process, `mvirt_cli::run`) against
//! the cloud-hypervisor TEST DOUBLE (`src/bin/cloud-hypervisor-double.rs`):
//! cloud-hypervisor itself cannot run VMs on these machines.

#![allow(dead_code)] // each test crate uses a part

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

pub const DAEMON: &str = env!("CARGO_BIN_EXE_mvirt-vmm");
pub const DOUBLE: &str = env!("CARGO_BIN_EXE_cloud-hypervisor-double");

pub struct Host {
    pub dir: tempfile::TempDir,
    daemon: Option<Child>,
    /// A command the daemon runs under (e.g. nsenter into a namespace).
    pub prefix: Vec<String>,
}

/// Polls `cond` every 10 ms for up to 20 s.
pub fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let end = Instant::now() + Duration::from_secs(20);
    while !cond() {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Runs the CLI in-process: (exit code or error text, stdout).
pub fn mvirt_at(socket: &Path, args: &[&str]) -> (Result<u8, String>, String) {
    let mut argv = vec![
        "mvirt".to_string(),
        "--socket".into(),
        socket.display().to_string(),
    ];
    argv.extend(args.iter().map(|s| s.to_string()));
    let mut out = Vec::new();
    let result = mvirt_cli::run(&argv, &mut out).map_err(|e| format!("{e:#}"));
    (result, String::from_utf8(out).unwrap())
}

impl Host {
    pub fn new() -> Host {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("vmlinuz"), b"kernel").unwrap();
        std::fs::write(dir.path().join("disk.img"), b"disk").unwrap();
        Host {
            dir,
            daemon: None,
            prefix: Vec::new(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn socket(&self) -> PathBuf {
        self.path("vmm.sock")
    }

    /// Starts the daemon without networking (these tests must not make a
    /// bridge on the machine that runs them).
    pub fn start_daemon(&mut self, ch: &Path, env: &[(&str, &str)]) {
        self.start_daemon_with(ch, env, &["--no-bridge"]);
    }

    pub fn start_daemon_with(&mut self, ch: &Path, env: &[(&str, &str)], extra: &[&str]) {
        let _ = std::fs::remove_file(self.socket());
        let mut argv: Vec<String> = self.prefix.clone();
        argv.push(DAEMON.into());
        for (flag, value) in [
            ("--socket", self.socket()),
            ("--state-dir", self.path("state")),
            ("--run-dir", self.path("run")),
            ("--image-dir", self.path("images")),
            ("--cloud-hypervisor", ch.into()),
        ] {
            argv.push(flag.into());
            argv.push(value.display().to_string());
        }
        argv.extend(extra.iter().map(|s| s.to_string()));
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.path("daemon.log"))
            .unwrap();
        let child = Command::new(&argv[0])
            .args(&argv[1..])
            // Its own process group, as pideins starts it: a test can
            // signal the group as pideins does at host shutdown.
            .process_group(0)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.daemon = Some(child);
        // Ready when it accepts a connection: the socket file appears at
        // bind(2), a moment before listen(2), and a loaded machine can
        // preempt the daemon in between (seen as "connection refused").
        let end = Instant::now() + Duration::from_secs(60);
        while std::os::unix::net::UnixStream::connect(self.socket()).is_err() {
            if let Some(status) = self.daemon.as_mut().and_then(|d| d.try_wait().unwrap()) {
                panic!("daemon exited ({status}): {}", self.daemon_log());
            }
            assert!(Instant::now() < end, "daemon did not accept connections");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn daemon_log(&self) -> String {
        std::fs::read_to_string(self.path("daemon.log")).unwrap_or_default()
    }

    pub fn daemon_pid(&self) -> u32 {
        self.daemon.as_ref().expect("a daemon").id()
    }

    /// Sends `sig` to the daemon, or to its process group as pideins does.
    pub fn signal_daemon(&self, sig: rustix::process::Signal, group: bool) {
        let pid = rustix::process::Pid::from_raw(self.daemon_pid() as i32).unwrap();
        if group {
            rustix::process::kill_process_group(pid, sig).unwrap();
        } else {
            rustix::process::kill_process(pid, sig).unwrap();
        }
    }

    /// Waits (up to `within`) for the daemon to exit; its status.
    pub fn wait_daemon(&mut self, within: Duration) -> ExitStatus {
        let mut daemon = self.daemon.take().expect("a daemon");
        let end = Instant::now() + within;
        loop {
            if let Some(status) = daemon.try_wait().unwrap() {
                return status;
            }
            if Instant::now() >= end {
                let _ = daemon.kill();
                let _ = daemon.wait();
                panic!(
                    "the daemon did not exit within {within:?}: {}",
                    self.daemon_log()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// A VM's state file (what the daemon saved).
    pub fn state_file(&self, name: &str) -> serde_json::Value {
        let path = self.path(&format!("state/{name}.json"));
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
    }

    pub fn kill_daemon(&mut self) {
        if let Some(mut d) = self.daemon.take() {
            let _ = d.kill();
            let _ = d.wait();
        }
    }

    pub fn mvirt(&self, args: &[&str]) -> (Result<u8, String>, String) {
        mvirt_at(&self.socket(), args)
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let (r, out) = self.mvirt(args);
        assert_eq!(
            r,
            Ok(0),
            "mvirt {args:?}: {out}\ndaemon: {}",
            self.daemon_log()
        );
        out
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut a = vec!["--json"];
        a.extend_from_slice(args);
        serde_json::from_str(&self.ok(&a)).unwrap()
    }

    pub fn err(&self, args: &[&str]) -> String {
        let (r, out) = self.mvirt(args);
        r.expect_err(&format!("mvirt {args:?} succeeded: {out}"))
    }

    pub fn create(&self, name: &str) {
        self.create_with(name, &[]);
    }

    /// `mvirt vm create NAME` with a kernel, a disk and `extra` flags.
    pub fn create_with(&self, name: &str, extra: &[&str]) {
        let kernel = self.path("vmlinuz").display().to_string();
        let disk = self.path("disk.img").display().to_string();
        let mut args = vec![
            "vm", "create", name, "--vcpus", "2", "--memory", "256", "--kernel", &kernel, "--disk",
            &disk,
        ];
        args.extend_from_slice(extra);
        self.ok(&args);
    }

    /// The VM's state, polled until it is `state`.
    pub fn wait_state(&self, name: &str, state: &str) -> serde_json::Value {
        let mut vm = serde_json::Value::Null;
        wait_for(&format!("{name} to be {state}"), || {
            vm = self.json(&["vm", "get", name]);
            vm["state"] == state
        });
        vm
    }

    /// The serial log of a VM: what the double did.
    pub fn serial(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(&format!("run/{name}.serial"))).unwrap_or_default()
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
