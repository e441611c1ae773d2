//! VM lifecycles through the real daemon and CLI against the
//! cloud-hypervisor TEST DOUBLE (see tests/common).

mod common;

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{mvirt_at, wait_for, Host, DOUBLE};

/// The guest command line of a VM whose guest ignores the power button and
/// whose cloud-hypervisor ignores vm.shutdown/vmm.shutdown: only SIGKILL
/// ends it.
const STUCK: &str = "double.ignore_power_button double.ignore_shutdown";

const POWER_BUTTON: &str = "powered off by the guest after the power button";

#[test]
fn status_reports_kvm_and_cloud_hypervisor() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    let s = host.json(&["status"]);
    assert_eq!(s["cloud_hypervisor"]["present"], true);
    assert_eq!(
        s["cloud_hypervisor"]["version"],
        "cloud-hypervisor v53.0 (mvirt test double)"
    );
    assert!(s["kvm"]["usable"].is_boolean());
    assert!(s["kvm"]["detail"].as_str().unwrap().contains("/dev/kvm"));
    assert!(s["cpus"].as_u64().unwrap() >= 1);
    assert_eq!(s["network"]["bridge"], serde_json::Value::Null);
    let text = host.ok(&["status"]);
    assert!(
        text.contains("cloud-hypervisor: ")
            && text.contains("(present, cloud-hypervisor v53.0 (mvirt test double))"),
        "{text}"
    );
    assert!(
        text.contains("network: off (mvirt-vmm --no-bridge)"),
        "{text}"
    );
}

#[test]
fn a_hanging_version_probe_is_cut_off() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[("CH_DOUBLE_VERSION_HANG", "1")]);
    let t = Instant::now();
    let s = host.json(&["status"]);
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert_eq!(s["cloud_hypervisor"]["version"], serde_json::Value::Null);
    assert!(host.ok(&["status"]).contains("(present, version unknown)"));
    assert!(
        host.daemon_log()
            .contains("--version did not answer within 2s"),
        "{}",
        host.daemon_log()
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
    let socket = host.socket();
    let waiting = std::thread::spawn(move || mvirt_at(&socket, &["status", "--wait", "60"]));
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
    // The double got the command line we promise: api socket, serial file,
    // console off, seccomp on.
    let mut console = String::new();
    wait_for("the double's serial output", || {
        console = host.ok(&["console", "web"]);
        !console.is_empty()
    });
    for want in [
        "--api-socket path=",
        "--cpus boot=2",
        "--memory size=256M",
        "--console off",
        "--seccomp true",
        "--disk path=",
    ] {
        assert!(console.contains(want), "{want} missing: {console}");
    }
    let table = host.ok(&["vm", "list"]);
    assert!(
        table.contains("web") && table.contains("running") && table.contains(&pid.to_string()),
        "{table}"
    );
    let details = host.ok(&["vm", "get", "web"]);
    for want in ["name:       web", "state:      running", "log:        "] {
        assert!(details.contains(want), "{want:?} missing: {details}");
    }
    let t = Instant::now();
    let vm = host.json(&["vm", "stop", "web", "--timeout", "5"]);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    assert_eq!(vm["state"], "stopped");
    assert_eq!(vm["last_exit"], format!("{POWER_BUTTON} (exit status 0)"));
    let serial = host.serial("web");
    assert!(
        serial.contains("double: api PUT /api/v1/vm.power-button"),
        "{serial}"
    );
    assert!(!serial.contains("vm.shutdown"), "{serial}");
    assert!(
        !Path::new(&format!("/proc/{pid}/cmdline")).exists() || {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            stat.contains(") Z")
        }
    );
    let log = vm["log"].as_str().unwrap().to_string();
    assert!(log.ends_with("run/web.log"), "{log}");
    host.ok(&["vm", "delete", "web"]);
    assert!(host.err(&["vm", "get", "web"]).contains("(404)"));
    assert!(!host.path("state/web.json").exists());
    assert!(!Path::new(&log).exists());
}

#[test]
fn stop_waits_for_the_guest_to_power_off() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create_with("slow", &["--cmdline", "double.poweroff_ms=400"]);
    host.json(&["vm", "start", "slow"]);
    let t = Instant::now();
    let vm = host.json(&["vm", "stop", "slow", "--timeout", "10"]);
    // The old stop (vm.shutdown at once) took no time; this one waits for
    // the guest, and no longer than that.
    assert!(
        t.elapsed() >= Duration::from_millis(400),
        "{:?}",
        t.elapsed()
    );
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert_eq!(vm["last_exit"], format!("{POWER_BUTTON} (exit status 0)"));
    let serial = host.serial("slow");
    assert!(serial.contains("double: the guest powered off"), "{serial}");
    assert!(!serial.contains("shutdown"), "{serial}");
}

#[test]
fn a_late_answer_to_the_button_does_not_cut_the_guests_shutdown_short() {
    // Found by the real-VM test on a loaded host: cloud-hypervisor passed
    // the press on, its answer came after the client's 2-s read timeout,
    // and the stop escalated at once, killing a guest that was powering
    // off. The press may have acted: the guest gets the whole timeout.
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    let cmdline = "double.button_answer_ms=4000 double.poweroff_ms=3000";
    host.create_with("late", &["--cmdline", cmdline]);
    host.json(&["vm", "start", "late"]);
    let vm = host.json(&["vm", "stop", "late", "--timeout", "20"]);
    assert_eq!(vm["last_exit"], format!("{POWER_BUTTON} (exit status 0)"));
    let serial = host.serial("late");
    assert!(!serial.contains("shutdown"), "{serial}");
}

#[test]
fn a_guest_ignoring_the_button_is_shut_down_by_cloud_hypervisor() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create_with("deaf", &["--cmdline", "double.ignore_power_button"]);
    host.json(&["vm", "start", "deaf"]);
    let t = Instant::now();
    let vm = host.json(&["vm", "stop", "deaf", "--timeout", "1"]);
    assert!(t.elapsed() >= Duration::from_secs(1));
    assert_eq!(vm["state"], "stopped");
    assert_eq!(
        vm["last_exit"],
        "shut down by cloud-hypervisor (vm.shutdown, vmm.shutdown) after the guest did not \
         power off within 1s of the power button (exit status 0)"
    );
    let serial = host.serial("deaf");
    let button = serial.find("vm.power-button").unwrap();
    let shutdown = serial.find("PUT /api/v1/vm.shutdown").unwrap();
    let vmm = serial.find("PUT /api/v1/vmm.shutdown").unwrap();
    assert!(button < shutdown && shutdown < vmm, "{serial}");
}

#[test]
fn stop_times_out_into_sigkill() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create_with("stuck", &["--cmdline", STUCK]);
    host.json(&["vm", "start", "stuck"]);
    let started = Instant::now();
    let vm = host.json(&["vm", "stop", "stuck", "--timeout", "1"]);
    // 1 s for the guest, 2 s for cloud-hypervisor's shutdown.
    assert!(started.elapsed() >= Duration::from_secs(3));
    assert_eq!(vm["state"], "stopped");
    assert_eq!(
        vm["last_exit"],
        "killed (SIGKILL) after the guest did not power off within 1s of the power button, \
         and cloud-hypervisor did not end within 2s of vm.shutdown and vmm.shutdown (signal 9)"
    );
}

#[test]
fn requests_are_served_while_a_stop_waits() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create_with("stuck", &["--cmdline", STUCK]);
    host.create("other");
    host.json(&["vm", "start", "stuck"]);
    let socket = host.socket();
    let stop = std::thread::spawn(move || {
        let t = Instant::now();
        let r = mvirt_at(
            &socket,
            &["--json", "vm", "stop", "stuck", "--timeout", "30"],
        );
        (r, t.elapsed())
    });
    host.wait_state("stuck", "stopping");
    // Not held up by the stop, which waits up to 30 s for the guest.
    for _ in 0..5 {
        let t = Instant::now();
        let list = host.ok(&["vm", "list"]);
        let took = t.elapsed();
        assert!(took < Duration::from_millis(100), "list took {took:?}");
        assert!(list.contains("stopping"), "{list}");
    }
    // What conflicts with the stop is refused, saying why.
    let err = host.err(&["vm", "stop", "stuck"]);
    assert!(
        err.contains("stuck is being stopped already by another request (409)"),
        "{err}"
    );
    let err = host.err(&["vm", "delete", "stuck"]);
    assert!(
        err.contains(
            "stuck is being stopped by another request; delete it when that stop has ended (409)"
        ),
        "{err}"
    );
    let err = host.err(&["vm", "start", "stuck"]);
    assert!(
        err.contains(
            "stuck is being stopped by another request; start it when that stop has ended (409)"
        ),
        "{err}"
    );
    // Other VMs are not affected.
    host.json(&["vm", "start", "other"]);
    host.json(&["vm", "stop", "other"]);
    // A kill ends the waiting stop at once.
    let vm = host.json(&["vm", "kill", "stuck"]);
    assert_eq!(vm["state"], "stopped");
    assert_eq!(vm["last_exit"], "killed by mvirt vm kill (signal 9)");
    let ((r, out), took) = stop.join().unwrap();
    assert_eq!(r, Ok(0), "{out}");
    assert!(took < Duration::from_secs(20), "{took:?}");
    let vm: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(vm["state"], "stopped");
    // And the VM is free again.
    host.json(&["vm", "start", "stuck"]);
    host.json(&["vm", "kill", "stuck"]);
    host.ok(&["vm", "delete", "stuck"]);
}

#[test]
fn requests_beyond_the_limit_are_refused_not_queued() {
    let mut host = Host::new();
    host.start_daemon_with(
        Path::new(DOUBLE),
        &[],
        &["--no-bridge", "--max-in-flight", "1"],
    );
    host.create_with("deaf", &["--cmdline", "double.ignore_power_button"]);
    host.json(&["vm", "start", "deaf"]);
    let socket = host.socket();
    let stop =
        std::thread::spawn(move || mvirt_at(&socket, &["vm", "stop", "deaf", "--timeout", "2"]));
    // The stop is in flight once the power button is pressed; it waits 2 s.
    wait_for("the power button", || {
        host.serial("deaf").contains("vm.power-button")
    });
    let err = host.err(&["vm", "kill", "deaf"]);
    assert!(
        err.contains("mvirt-vmm is busy (1 requests in flight); try again (503)"),
        "{err}"
    );
    // Reads take no slot: a host busy with slow stops still answers them.
    assert!(host.ok(&["vm", "list"]).contains("deaf"));
    host.ok(&["status"]);
    assert_eq!(stop.join().unwrap().0, Ok(0));
    host.ok(&["vm", "list"]);
}

#[test]
fn a_failing_cloud_hypervisor_leaves_its_errors_in_last_exit() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create_with("bad", &["--cmdline", "double.fail"]);
    host.json(&["vm", "start", "bad"]);
    let vm = host.wait_state("bad", "stopped");
    let why = vm["last_exit"].as_str().unwrap();
    assert!(why.starts_with("exited with status 1; "), "{why}");
    assert!(why.contains("bad.log ends: "), "{why}");
    assert!(
        why.contains("Fatal error: the test double was told to fail"),
        "{why}"
    );
    let log = host.ok(&["vm", "log", "bad"]);
    assert!(
        log.contains("Fatal error: the test double was told to fail"),
        "{log}"
    );
    assert!(host.ok(&["vm", "list"]).contains("Fatal error"));
}

#[test]
fn a_restarted_daemon_re_adopts_running_vms() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create("keep");
    host.create("idle");
    host.create("gone");
    let pid = host.json(&["vm", "start", "keep"])["pid"].as_u64().unwrap();
    let gone = host.json(&["vm", "start", "gone"])["pid"].as_u64().unwrap();
    host.kill_daemon();
    host.start_daemon(Path::new(DOUBLE), &[]);
    let vm = host.json(&["vm", "get", "keep"]);
    assert_eq!(vm["state"], "running", "{vm}");
    assert_eq!(vm["pid"].as_u64(), Some(pid));
    assert_eq!(host.json(&["vm", "get", "idle"])["state"], "created");
    // An adopted VM that ends by itself is seen at once (its pidfd).
    std::process::Command::new("kill")
        .args(["-9", &gone.to_string()])
        .status()
        .unwrap();
    let vm = host.wait_state("gone", "stopped");
    assert_eq!(
        vm["last_exit"],
        "ended (exit status unknown: re-adopted after a daemon restart)"
    );
    // The adopted VM still answers on its API socket and stops.
    let vm = host.json(&["vm", "stop", "keep", "--timeout", "5"]);
    assert_eq!(vm["state"], "stopped", "{vm}");
    assert_eq!(
        vm["last_exit"],
        format!("{POWER_BUTTON} (exit status unknown: re-adopted after a daemon restart)")
    );
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
        (
            vec!["vm", "create", "a", "--kernel", &kernel, "--tap", "mv-a"],
            "names starting with mv- are mvirt-vmm's own taps",
        ),
        (
            vec!["vm", "create", "a", "--kernel", &kernel, "--tap", "a,b"],
            "bad tap device name",
        ),
        (
            vec!["vm", "create", "a", "--kernel", &kernel, "--net"],
            "networking is off in this daemon (mvirt-vmm --no-bridge); create the VM without --net (503)",
        ),
    ];
    for (args, want) in cases {
        let err = host.err(&args);
        assert!(err.contains(want), "{args:?}: {err:?} lacks {want:?}");
    }
    // --net and --tap together: a usage error, and refused by the API too.
    assert_eq!(
        host.mvirt(&["vm", "create", "a", "--kernel", &kernel, "--net", "--tap", "t0"])
            .0,
        Ok(2)
    );
    let body = format!(
        r#"{{"name":"a","vcpus":1,"memory_mib":64,"kernel":"{kernel}","net":true,"tap":"t0"}}"#
    );
    let r = mvirt_api::client::request(
        &host.socket(),
        "POST",
        "/v1/vms",
        Some(body.as_bytes()),
        Duration::from_secs(10),
    )
    .unwrap();
    assert_eq!(r.status, 400);
    assert!(
        r.error_message().contains("not both"),
        "{}",
        r.error_message()
    );
    // The daemon's lock (.lock) is all there is.
    let files: Vec<_> = std::fs::read_dir(host.path("state"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|f| f != mvirt_vmm::lock::LOCK_FILE)
        .collect();
    assert!(files.is_empty(), "refused creates left state behind");
    host.create("dup");
    assert!(host
        .err(&["vm", "create", "dup", "--kernel", &kernel])
        .contains("exists already (409)"));
    assert!(host
        .err(&["vm", "stop", "dup"])
        .contains("is not running (409)"));
    assert!(host
        .err(&["vm", "stop", "dup", "--timeout", "100000"])
        .contains("timeout_s 100000 is out of range 0..=3600 (400)"));
    assert!(host
        .err(&["vm", "kill", "dup"])
        .contains("is not running (409)"));
}

/// A writer that fails like a closed pipe or a full disk.
struct Failing(std::io::ErrorKind);

impl Write for Failing {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(self.0.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn output_errors_end_the_command_and_a_closed_pipe_is_told_apart() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create("web");
    let argv: Vec<String> = [
        "mvirt",
        "--socket",
        host.socket().to_str().unwrap(),
        "vm",
        "list",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let e = mvirt_cli::run(&argv, &mut Failing(std::io::ErrorKind::BrokenPipe)).unwrap_err();
    assert!(mvirt_cli::is_broken_pipe(&e), "{e:#}");
    let e = mvirt_cli::run(&argv, &mut Failing(std::io::ErrorKind::StorageFull)).unwrap_err();
    assert!(!mvirt_cli::is_broken_pipe(&e), "{e:#}");
    assert!(
        format!("{e:#}").starts_with("writing the output: "),
        "{e:#}"
    );
    // --help too.
    let help: Vec<String> = ["mvirt", "--help"].iter().map(|s| s.to_string()).collect();
    let e = mvirt_cli::run(&help, &mut Failing(std::io::ErrorKind::StorageFull)).unwrap_err();
    assert!(
        format!("{e:#}").starts_with("writing the output: "),
        "{e:#}"
    );
}
