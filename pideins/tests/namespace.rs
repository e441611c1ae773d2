//! pideins as PID 1 of a new PID, mount, UTS and network namespace
//! (`unshare`, as root): reboot(2) there ends the namespace instead of the
//! machine, and the parent sees PID 1 killed by SIGINT (power-off) or
//! SIGHUP (reboot). Services are small shell scripts.

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PIDEINS: &str = env!("CARGO_BIN_EXE_pideins");

/// How long to wait for a log line or an exit. Generous: CI runs these
/// beside a kernel compile, and a wrong behaviour fails all the same.
const PATIENCE: Duration = Duration::from_secs(60);

struct Ns {
    child: Child,
    lines: Arc<Mutex<Vec<(Instant, String)>>>,
    _dir: tempfile::TempDir,
}

/// Starts pideins in fresh namespaces with `config` as its services.toml.
/// The work directory is not under /tmp: pideins mounts a tmpfs there.
fn start(config: &str, cmdline: &str) -> Ns {
    start_in(
        tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap(),
        config,
        cmdline,
    )
}

fn start_in(dir: tempfile::TempDir, config: &str, cmdline: &str) -> Ns {
    let config_path = dir.path().join("services.toml");
    std::fs::write(
        &config_path,
        config.replace("$DIR", &dir.path().display().to_string()),
    )
    .unwrap();
    let mut child = Command::new("unshare")
        .args([
            "--pid",
            "--fork",
            "--mount",
            "--mount-proc",
            "--uts",
            "--net",
            "--",
        ])
        .arg(PIDEINS)
        .env("PIDEINS_CONFIG", &config_path)
        .env("PIDEINS_CMDLINE", cmdline)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("unshare (util-linux) must be installed; tests run as root");
    let lines = Arc::new(Mutex::new(Vec::new()));
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let lines = Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                lines.lock().unwrap().push((Instant::now(), line));
            }
        });
    }
    Ns {
        child,
        lines,
        _dir: dir,
    }
}

impl Ns {
    fn log(&self) -> String {
        let lines = self.lines.lock().unwrap();
        lines
            .iter()
            .map(|(_, l)| l.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Waits until a line contains `needle`; returns when it arrived.
    fn wait_for(&self, needle: &str, timeout: Duration) -> Instant {
        let end = Instant::now() + timeout;
        loop {
            if let Some((t, _)) = self
                .lines
                .lock()
                .unwrap()
                .iter()
                .find(|(_, l)| l.contains(needle))
            {
                return *t;
            }
            assert!(
                Instant::now() < end,
                "no line with {needle:?} within {timeout:?}; log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The host PID of pideins (the child of unshare).
    fn init_pid(&self) -> i32 {
        let unshare = self.child.id();
        let end = Instant::now() + PATIENCE;
        loop {
            let children =
                std::fs::read_to_string(format!("/proc/{unshare}/task/{unshare}/children"))
                    .unwrap_or_default();
            if let Some(pid) = children.split_whitespace().next() {
                return pid.parse().unwrap();
            }
            assert!(Instant::now() < end, "unshare has no child");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args(["-s", sig, &self.init_pid().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
    }

    fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let end = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader threads drain the pipes.
                std::thread::sleep(Duration::from_millis(50));
                return status;
            }
            if Instant::now() >= end {
                let _ = self.child.kill();
                panic!(
                    "namespace did not end within {timeout:?}; log:\n{}",
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Ns {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = Command::new("kill")
                .args(["-9", &self.init_pid().to_string()])
                .status();
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    path
}

#[test]
fn crashing_service_restarts_with_growing_delays_then_gives_up() {
    let mut ns = start(
        r#"
[[service]]
name = "crasher"
exec = ["/bin/sh", "-c", "exit 3"]
backoff_initial_ms = 100
max_restarts = 4
"#,
        "",
    );
    ns.wait_for(
        "crasher is crash-looping (5 failures in a row); giving up",
        PATIENCE,
    );
    let log = ns.log();
    for (n, delay) in [(1, 100), (2, 200), (3, 400), (4, 800)] {
        assert!(
            log.contains(&format!(
                "restarting crasher in {delay}ms (failure {n} of 4)"
            )),
            "{log}"
        );
    }
    assert!(log.contains("exited with status 3"), "{log}");
    // The delays really happened: the starts spread over at least 1.5 s.
    let starts: Vec<Instant> = ns
        .lines
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, l)| l.contains("started crasher"))
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(starts.len(), 5, "{log}");
    for pair in starts.windows(2).skip(1) {
        assert!(pair[1] > pair[0]);
    }
    assert!(
        starts[4] - starts[0] >= Duration::from_millis(1400),
        "{log}"
    );
    ns.signal("USR2");
    let status = ns.wait_exit(PATIENCE);
    assert_eq!(
        status.signal(),
        Some(libc::SIGINT),
        "{status:?}\n{}",
        ns.log()
    );
}

fn zombies_of(parent: i32) -> usize {
    let mut count = 0;
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(status) = std::fs::read_to_string(entry.path().join("status")) else {
            continue;
        };
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        if field("PPid:") == parent.to_string() && field("State:").starts_with('Z') {
            count += 1;
        }
    }
    count
}

#[test]
fn a_thousand_orphans_leave_no_zombie() {
    let mut ns = start(
        r#"
[[service]]
name = "forker"
exec = ["/bin/sh", "-c", "i=0; while [ $i -lt 1000 ]; do (sleep 0.3 &); i=$((i+1)); done; echo forked-all >&2; sleep 600"]
restart = "never"
"#,
        "",
    );
    ns.wait_for("forked-all", PATIENCE);
    // The grandchildren (sleep 0.3) end within a second of the last fork;
    // PID 1 must reap them all (a zombie that stays fails the test).
    std::thread::sleep(Duration::from_millis(1500));
    let init = ns.init_pid();
    let end = Instant::now() + PATIENCE;
    while zombies_of(init) > 0 {
        assert!(
            Instant::now() < end,
            "zombies left under PID 1\n{}",
            ns.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    ns.signal("USR2");
    ns.wait_exit(PATIENCE);
    let log = ns.log();
    let reaped: u64 = log
        .lines()
        .find_map(|l| l.strip_prefix("pideins: reaped "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no reap count in log:\n{log}"));
    assert!(reaped >= 1000, "reaped only {reaped}\n{log}");
}

#[test]
fn sigusr2_stops_services_and_powers_off() {
    let mut ns = start(
        r#"
[[service]]
name = "polite"
exec = ["/bin/sh", "-c", "trap 'echo polite-got-TERM >&2; exit 0' TERM; while :; do sleep 0.1; done"]
"#,
        "",
    );
    ns.wait_for("started polite", PATIENCE);
    std::thread::sleep(Duration::from_millis(300));
    ns.signal("USR2");
    let status = ns.wait_exit(PATIENCE);
    let log = ns.log();
    assert_eq!(
        status.signal(),
        Some(libc::SIGINT),
        "power-off ends the namespace with SIGINT\n{log}"
    );
    let order = [
        "received SIGUSR2: powering off",
        "stopping polite",
        "polite-got-TERM",
        "polite (pid",
        "pideins: power off",
    ];
    let mut at = 0;
    for needle in order {
        let found = log[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing or out of order\n{log}"));
        at += found + needle.len();
    }
    assert!(!log.contains("restarting polite"), "{log}");
}

#[test]
fn a_service_ignoring_sigterm_is_killed_after_its_timeout() {
    let mut ns = start(
        r#"
[[service]]
name = "stubborn"
exec = ["/bin/sh", "-c", "trap '' TERM; while :; do sleep 0.1; done"]
stop_timeout_ms = 400
"#,
        "",
    );
    ns.wait_for("started stubborn", PATIENCE);
    std::thread::sleep(Duration::from_millis(300));
    ns.signal("TERM");
    let asked = ns.wait_for("stopping stubborn", PATIENCE);
    let killed = ns.wait_for("stubborn did not stop within 400ms; killing it", PATIENCE);
    assert!(killed - asked >= Duration::from_millis(350));
    ns.wait_for("exited with signal SIGKILL", PATIENCE);
    let status = ns.wait_exit(PATIENCE);
    assert_eq!(
        status.signal(),
        Some(libc::SIGHUP),
        "reboot ends the namespace with SIGHUP\n{}",
        ns.log()
    );
}

#[test]
fn selfcheck_sees_hostname_and_lo_then_powers_off() {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let check = script(
        dir.path(),
        "check.sh",
        "echo \"check-hostname=$(hostname)\"; ip -o link show lo | grep -q 'UP' && echo check-lo-up",
    );
    let mut ns = start(
        "",
        &format!(
            "console=ttyS0 pideins.hostname=testhost pideins.selfcheck={}",
            check.display()
        ),
    );
    let status = ns.wait_exit(PATIENCE);
    let log = ns.log();
    assert!(log.contains("pideins: hostname testhost"), "{log}");
    assert!(log.contains("pideins: lo up"), "{log}");
    assert!(log.contains("check-hostname=testhost"), "{log}");
    assert!(log.contains("check-lo-up"), "{log}");
    assert!(log.contains("selfcheck passed"), "{log}");
    assert!(
        log.contains("mounted tmpfs on /tmp")
            || log.contains("/tmp already mounted")
            || log.contains("/tmp is not empty; not mounting tmpfs over it"),
        "{log}"
    );
    assert_eq!(status.signal(), Some(libc::SIGINT), "{log}");
}

/// A check that keeps failing is retried until its timeout, then the
/// verdict is FAILED and pideins powers off all the same.
#[test]
fn a_failing_selfcheck_is_retried_then_fails_and_powers_off() {
    let mut ns = start(
        "",
        "console=ttyS0 pideins.selfcheck=/bin/false pideins.selfcheck_timeout=1",
    );
    let status = ns.wait_exit(PATIENCE);
    let log = ns.log();
    // The try that meets the deadline either exits in time ("exited with
    // status 1") or is killed ("timed out"): both are a failure.
    assert!(log.contains("selfcheck FAILED: `/bin/false` "), "{log}");
    assert!(!log.contains("selfcheck passed"), "{log}");
    assert_eq!(status.signal(), Some(libc::SIGINT), "{log}");
}

/// A check whose command does not exist fails at its timeout, and
/// pideins powers off: it used to retry for ever.
#[test]
fn a_selfcheck_that_cannot_start_fails_and_powers_off() {
    let mut ns = start(
        "",
        "console=ttyS0 pideins.selfcheck=/nonexistent/check pideins.selfcheck_timeout=1",
    );
    let status = ns.wait_exit(PATIENCE);
    let log = ns.log();
    assert!(
        log.contains("selfcheck: cannot run /nonexistent/check"),
        "{log}"
    );
    assert!(
        log.contains("selfcheck FAILED: `/nonexistent/check` could not be started"),
        "{log}"
    );
    assert_eq!(status.signal(), Some(libc::SIGINT), "{log}");
}

/// A plain program (no signal handling of its own) must get SIGTERM and
/// die of it: PID 1's blocked signal mask must not leak into services.
#[test]
fn services_start_with_an_empty_signal_mask() {
    let mut ns = start(
        r#"
[[service]]
name = "sleeper"
exec = ["/bin/sleep", "600"]
stop_timeout_ms = 3000
"#,
        "",
    );
    ns.wait_for("started sleeper", PATIENCE);
    std::thread::sleep(Duration::from_millis(200));
    ns.signal("USR2");
    ns.wait_for("sleeper (pid", PATIENCE);
    ns.wait_exit(PATIENCE);
    let log = ns.log();
    assert!(log.contains("exited with signal SIGTERM"), "{log}");
    assert!(!log.contains("did not stop"), "{log}");
}

#[test]
fn a_service_gets_its_open_file_limit() {
    let mut ns = start(
        r#"
[[service]]
name = "counter"
exec = ["/bin/sh", "-c", "echo nofile-$(ulimit -Sn)-$(ulimit -Hn) >&2; sleep 600"]
nofile = 2048
stop_timeout_ms = 3000
"#,
        "",
    );
    ns.wait_for("nofile-2048-2048", PATIENCE);
    ns.signal("USR2");
    ns.wait_exit(PATIENCE);
}

/// Files under /tmp stay visible: pideins does not mount a tmpfs over a
/// directory that holds files (the checkout may live under /tmp).
#[test]
fn a_non_empty_tmp_is_not_hidden() {
    let dir = tempfile::tempdir_in("/tmp").unwrap();
    let mut ns = start_in(
        dir,
        r#"
[[service]]
name = "witness"
exec = ["/bin/sh", "-c", "echo witness-alive >&2; sleep 600"]
"#,
        "",
    );
    ns.wait_for("witness-alive", PATIENCE);
    assert!(ns
        .log()
        .contains("/tmp is not empty; not mounting tmpfs over it"));
    ns.signal("USR2");
    ns.wait_exit(PATIENCE);
}

/// Run by hand on a live system (not as PID 1), pideins must touch nothing:
/// it would mount, set the hostname and take Ctrl-Alt-Del of the host.
#[test]
fn not_pid_1_it_refuses_before_acting() {
    let cad_before = std::fs::read_to_string("/proc/sys/kernel/ctrl-alt-del").ok();
    let hostname_before = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    let out = Command::new(PIDEINS)
        .arg("--help")
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("only as PID 1"), "{err}");
    assert!(!err.contains("starting"), "{err}");
    assert_eq!(
        std::fs::read_to_string("/proc/sys/kernel/ctrl-alt-del").ok(),
        cad_before
    );
    assert_eq!(
        std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap(),
        hostname_before
    );
}
