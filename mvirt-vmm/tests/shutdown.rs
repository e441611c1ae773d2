//! Host shutdown: pideins sends mvirt-vmm's process group SIGTERM, and the
//! daemon stops every guest by its power button before it exits. The real
//! daemon against the cloud-hypervisor TEST DOUBLE (see tests/common).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{wait_for, Host, DAEMON, DOUBLE};
use mvirt_vmm::process::{proc_stat, ProcStat};
use rustix::process::Signal;

const BUTTON: &str = "host shutdown: powered off by the guest after the power button";

/// Long enough that a sequential shutdown could not press the second
/// button before the first guest is off, however busy the machine.
const SLOW_GUEST: &str = "double.poweroff_ms=1000";

/// The CLOCK_MONOTONIC time of the double's first event line containing
/// `what` ("[T] double: ...").
fn event_time(serial: &str, what: &str) -> f64 {
    let line = serial
        .lines()
        .find(|l| l.contains(what))
        .unwrap_or_else(|| panic!("no {what:?} in {serial}"));
    line.strip_prefix('[')
        .and_then(|l| l.split_once(']'))
        .and_then(|(t, _)| t.parse().ok())
        .unwrap_or_else(|| panic!("no time in {line:?}"))
}

/// A VM's running process: its pid and stat, to tell later whether that
/// very process is gone.
fn running(host: &Host, name: &str) -> (u32, ProcStat) {
    let pid = host.json(&["vm", "get", name])["pid"].as_u64().unwrap() as u32;
    (pid, proc_stat(pid).expect("the double runs"))
}

fn gone(pid: u32, was: ProcStat) -> bool {
    match proc_stat(pid) {
        None => true,
        Some(now) => now.start_ticks != was.start_ticks || now.state == 'Z',
    }
}

/// Field 5 of /proc/PID/stat: the process group.
fn process_group(pid: u32) -> u32 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .collect();
    fields[2].parse().unwrap()
}

fn blocked_signals(pid: u32) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigBlk:"))
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn sigterm_powers_off_every_guest_at_once_and_exits_0() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    let mut procs = Vec::new();
    for name in ["a", "b"] {
        host.create_with(name, &["--cmdline", SLOW_GUEST]);
        host.json(&["vm", "start", name]);
        procs.push(running(&host, name));
    }
    let t = Instant::now();
    host.signal_daemon(Signal::TERM, false);
    let status = host.wait_daemon(Duration::from_secs(30));
    let took = t.elapsed();
    let log = host.daemon_log();
    assert!(status.success(), "{status}: {log}");
    // It waited for the guests, not for its 20 s timeout.
    assert!(took < Duration::from_secs(15), "{took:?}: {log}");
    for want in [
        "mvirt-vmm: received SIGTERM: host shutdown\n",
        "mvirt-vmm: host shutdown: stopping 2 VMs (power button, up to 20s)\n",
        "mvirt-vmm: host shutdown: all VMs stopped in ",
        "mvirt-vmm: exiting (0)\n",
    ] {
        assert!(log.contains(want), "{want:?} missing: {log}");
    }
    let mut pressed = Vec::new();
    let mut off = Vec::new();
    for (name, (pid, stat)) in ["a", "b"].into_iter().zip(procs) {
        let vm = host.state_file(name);
        assert_eq!(vm["state"], "stopped", "{vm}");
        assert_eq!(vm["pid"], serde_json::Value::Null, "{vm}");
        assert_eq!(vm["last_exit"], format!("{BUTTON} (exit status 0)"));
        assert!(gone(pid, stat), "{name}'s double (pid {pid}) is left");
        let serial = host.serial(name);
        assert!(!serial.contains("shutdown"), "{serial}");
        pressed.push(event_time(&serial, "PUT /api/v1/vm.power-button"));
        off.push(event_time(&serial, "the guest powered off"));
    }
    // In parallel: both buttons were pressed before either guest was off.
    let last_press = pressed.iter().copied().fold(f64::MIN, f64::max);
    let first_off = off.iter().copied().fold(f64::MAX, f64::min);
    assert!(
        last_press < first_off,
        "buttons pressed at {pressed:?}, guests off at {off:?}"
    );
}

#[test]
fn guests_that_ignore_the_button_are_shut_down_within_the_shutdown_timeout() {
    let mut host = Host::new();
    host.start_daemon_with(
        Path::new(DOUBLE),
        &[],
        &["--no-bridge", "--shutdown-timeout", "1"],
    );
    // deaf: the guest ignores the button (vm.shutdown ends it); stuck: so
    // does cloud-hypervisor's API (only SIGKILL ends it); busy: being
    // stopped by a request that would wait a minute.
    for (name, cmdline) in [
        ("deaf", "double.ignore_power_button"),
        ("stuck", "double.ignore_power_button double.ignore_shutdown"),
        ("busy", "double.ignore_power_button"),
        ("other", ""),
    ] {
        host.create_with(name, &["--cmdline", cmdline]);
    }
    let mut procs = Vec::new();
    for name in ["deaf", "stuck", "busy"] {
        host.json(&["vm", "start", name]);
        procs.push(running(&host, name));
    }
    let socket = host.socket();
    let stop = std::thread::spawn(move || {
        common::mvirt_at(&socket, &["vm", "stop", "busy", "--timeout", "60"])
    });
    host.wait_state("busy", "stopping");
    wait_for("busy's power button", || {
        host.serial("busy").contains("vm.power-button")
    });
    let t = Instant::now();
    host.signal_daemon(Signal::TERM, false);
    wait_for("the shutdown to begin", || {
        host.daemon_log()
            .contains("mvirt-vmm: host shutdown: stopping 3 VMs (power button, up to 1s)\n")
    });
    // The daemon still answers (it exits once stuck is SIGKILLed, 3 s
    // after this began), but starts nothing.
    let err = host.err(&["vm", "start", "other"]);
    assert!(
        err.contains("mvirt-vmm is shutting down; other was not started (503)"),
        "{err}"
    );
    let status = host.wait_daemon(Duration::from_secs(60));
    let took = t.elapsed();
    let log = host.daemon_log();
    assert!(status.success(), "{status}: {log}");
    // 1 s for the guests, 2 s for stuck's cloud-hypervisor, then SIGKILL;
    // never the minute the stop request would have waited.
    assert!(took >= Duration::from_secs(3), "{took:?}: {log}");
    assert!(took < Duration::from_secs(20), "{took:?}: {log}");
    // The stop request ends with the daemon, one way or the other.
    let _ = stop.join().unwrap();
    let not_off = "the guest did not power off within 1s of the power button";
    let want = [
        (
            "deaf",
            format!(
                "host shutdown: shut down by cloud-hypervisor (vm.shutdown, vmm.shutdown) \
                 after {not_off} (exit status 0)"
            ),
        ),
        (
            "stuck",
            format!(
                "host shutdown: killed (SIGKILL) after {not_off}, and cloud-hypervisor did \
                 not end within 2s of vm.shutdown and vmm.shutdown (signal 9)"
            ),
        ),
        (
            "busy",
            "host shutdown: shut down by cloud-hypervisor (vm.shutdown, vmm.shutdown) after \
             the guest did not power off within 1s of the host shutdown (a stop request had \
             pressed its power button) (exit status 0)"
                .to_string(),
        ),
    ];
    for ((name, last_exit), (pid, stat)) in want.into_iter().zip(procs) {
        let vm = host.state_file(name);
        assert_eq!(vm["state"], "stopped", "{vm}");
        assert_eq!(vm["last_exit"], last_exit.as_str(), "{log}");
        assert!(gone(pid, stat), "{name}'s double (pid {pid}) is left");
        let serial = host.serial(name);
        // One press each: busy's came from its stop request.
        assert_eq!(serial.matches("vm.power-button").count(), 1, "{serial}");
        assert!(serial.contains("PUT /api/v1/vm.shutdown"), "{serial}");
    }
    assert_eq!(host.state_file("other")["state"], "created");
    assert!(
        log.contains("mvirt-vmm: host shutdown: all VMs stopped in "),
        "{log}"
    );
}

#[test]
fn sigterm_to_the_process_group_reaches_the_daemon_and_not_cloud_hypervisor() {
    let mut host = Host::new();
    // "old" is started by a daemon that then dies, and re-adopted by the
    // next one; "fresh" is the next one's child.
    host.start_daemon(Path::new(DOUBLE), &[]);
    for name in ["old", "fresh"] {
        host.create_with(name, &["--cmdline", "double.poweroff_ms=300"]);
    }
    host.json(&["vm", "start", "old"]);
    host.kill_daemon();
    host.start_daemon(Path::new(DOUBLE), &[]);
    assert!(
        host.daemon_log().contains("re-adopted old"),
        "{}",
        host.daemon_log()
    );
    host.json(&["vm", "start", "fresh"]);
    let daemon = host.daemon_pid();
    assert_eq!(process_group(daemon), daemon, "as pideins starts it");
    for name in ["old", "fresh"] {
        let (pid, _) = running(&host, name);
        // Out of the daemon's group, in a group of its own ...
        assert_eq!(process_group(pid), pid, "{name}");
        // ... and without the daemon's blocked SIGTERM: pideins' last
        // SIGTERM to every process still reaches it.
        assert_eq!(blocked_signals(pid), "0000000000000000", "{name}");
    }
    host.signal_daemon(Signal::TERM, true);
    let status = host.wait_daemon(Duration::from_secs(30));
    let log = host.daemon_log();
    assert!(status.success(), "{status}: {log}");
    for (name, how) in [
        (
            "old",
            "exit status unknown: re-adopted after a daemon restart",
        ),
        ("fresh", "exit status 0"),
    ] {
        // A double killed by the group's SIGTERM would show "signal 15",
        // or a failed button, and no power-off in its serial log.
        let vm = host.state_file(name);
        assert_eq!(vm["last_exit"], format!("{BUTTON} ({how})"), "{log}");
        let serial = host.serial(name);
        assert!(serial.contains("PUT /api/v1/vm.power-button"), "{serial}");
        assert!(serial.contains("double: the guest powered off"), "{serial}");
    }
}

#[test]
fn sigint_with_no_guest_running_exits_at_once() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create("idle");
    host.signal_daemon(Signal::INT, false);
    let status = host.wait_daemon(Duration::from_secs(20));
    let log = host.daemon_log();
    assert!(status.success(), "{status}: {log}");
    for want in [
        "mvirt-vmm: received SIGINT: host shutdown\n",
        "mvirt-vmm: host shutdown: no VMs running\n",
        "mvirt-vmm: exiting (0)\n",
    ] {
        assert!(log.contains(want), "{want:?} missing: {log}");
    }
    assert_eq!(host.state_file("idle")["state"], "created");
}

/// The repository root: $MVIRT_REPO_ROOT when set (buck2), else the
/// parent of this crate.
fn repo_root() -> PathBuf {
    std::env::var_os("MVIRT_REPO_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
}

#[test]
fn pideins_gives_mvirt_vmm_time_to_stop_its_guests() {
    // The daemon's default --shutdown-timeout, from its --help.
    let help = Command::new(DAEMON).arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let after = help.split_once("--shutdown-timeout").unwrap().1;
    let default: u64 = after
        .split_once("[default: ")
        .and_then(|(_, d)| d.split_once(']'))
        .and_then(|(d, _)| d.parse().ok())
        .unwrap_or_else(|| panic!("no default in {help}"));
    // mvirt-vmm's stop_timeout_ms in the image's services.toml.
    let path = repo_root().join("initramfs/rootfs/etc/pideins/services.toml");
    let toml = std::fs::read_to_string(&path).unwrap();
    let service = toml
        .split("[[service]]")
        .find(|s| s.contains("name = \"mvirt-vmm\""))
        .unwrap_or_else(|| panic!("no mvirt-vmm in {}", path.display()));
    let stop_ms: u64 = service
        .lines()
        .find_map(|l| l.trim().strip_prefix("stop_timeout_ms = "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no stop_timeout_ms for mvirt-vmm in {service}"));
    let needed = Duration::from_secs(default) + mvirt_vmm::vms::ESCALATION_MAX;
    assert!(
        Duration::from_millis(stop_ms) > needed,
        "pideins SIGKILLs mvirt-vmm after {stop_ms}ms, before its guests are stopped ({needed:?})"
    );
}
