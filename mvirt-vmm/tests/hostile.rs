//! The daemon against hostile clients and a hostile state directory: the
//! real mvirt-vmm, the cloud-hypervisor TEST DOUBLE, raw sockets.
//!
//! The daemon runs with RLIMIT_NOFILE 1024:4096 (prlimit), as the kernel
//! gives init and pideins passes on, unless a test says otherwise.

mod common;

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Host, DAEMON, DOUBLE};

fn limited(host: &mut Host, nofile: &str, extra: &[&str]) {
    host.prefix = vec!["prlimit".into(), format!("--nofile={nofile}"), "--".into()];
    let mut args = vec!["--no-bridge"];
    args.extend_from_slice(extra);
    host.start_daemon_with(Path::new(DOUBLE), &[], &args);
}

/// The daemon's resident memory, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// `GET /v1/vms` answers 200, within `within`; how long it took.
fn lists(host: &Host, within: Duration) -> Duration {
    let began = Instant::now();
    let r = mvirt_api::client::request(&host.socket(), "GET", "/v1/vms", None, within)
        .unwrap_or_else(|e| panic!("list: {e}\n{}", host.daemon_log()));
    assert_eq!(r.status, 200);
    began.elapsed()
}

fn connect(host: &Host) -> UnixStream {
    UnixStream::connect(host.socket()).unwrap()
}

/// Sends `raw` and reads the answer until EOF or `within`.
fn exchange(host: &Host, raw: &[u8], within: Duration) -> String {
    let mut s = connect(host);
    s.set_read_timeout(Some(within)).unwrap();
    let _ = s.write_all(raw);
    let _ = s.shutdown(std::net::Shutdown::Write);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn idle_connections_and_stalled_uploads_block_no_one() {
    let mut host = Host::new();
    limited(&mut host, "1024:4096", &["--body-timeout-ms", "4000"]);
    let before = rss_kib(host.daemon_pid());
    let idle: Vec<UnixStream> = (0..2000).map(|_| connect(&host)).collect();
    let stalled: Vec<UnixStream> = (0..200)
        .map(|_| {
            let mut s = connect(&host);
            s.write_all(b"POST /v1/vms HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n{")
                .unwrap();
            s
        })
        .collect();
    let took = lists(&host, Duration::from_secs(5));
    host.ok(&["status"]);
    host.create("alive");
    let during = rss_kib(host.daemon_pid());
    eprintln!(
        "list under 2000 idle connections and 200 stalled uploads: {:.3}s; RSS {before} KiB before, {during} KiB during",
        took.as_secs_f64()
    );
    // The bound: 4096 connections × (2 × 16 KiB + 64 KiB) of buffers, and
    // the daemon's own few MiB. Far below it here.
    assert!(during < 128 << 10, "RSS {during} KiB");
    // A stalled upload gets its 408 when its time is up, and only it.
    let mut s = stalled.into_iter().next().unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut answer = [0u8; 64];
    let n = s.read(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    drop(idle);
    lists(&host, Duration::from_secs(5));
}

#[test]
fn the_listener_outlives_running_out_of_descriptors() {
    let mut host = Host::new();
    // Too few descriptors for the connections it is told to take: accept
    // meets EMFILE.
    limited(&mut host, "64:64", &["--max-connections", "1000"]);
    let many: Vec<UnixStream> = (0..300)
        .filter_map(|_| UnixStream::connect(host.socket()).ok())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    drop(many);
    let began = Instant::now();
    while mvirt_api::client::request(
        &host.socket(),
        "GET",
        "/v1/vms",
        None,
        Duration::from_secs(5),
    )
    .is_err()
    {
        assert!(
            began.elapsed() < Duration::from_secs(20),
            "no answer after EMFILE: {}",
            host.daemon_log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let log = host.daemon_log();
    assert!(log.contains("Too many open files"), "{log}");
    host.ok(&["status"]);
}

#[test]
fn connections_beyond_the_limit_are_closed_and_others_served_after() {
    let mut host = Host::new();
    limited(&mut host, "1024:4096", &["--max-connections", "20"]);
    let held: Vec<UnixStream> = (0..20).map(|_| connect(&host)).collect();
    std::thread::sleep(Duration::from_millis(300));
    // The 21st is closed at once: no answer, no hang.
    let answer = exchange(
        &host,
        b"GET /v1/vms HTTP/1.1\r\nHost: x\r\n\r\n",
        Duration::from_secs(5),
    );
    assert_eq!(answer, "");
    drop(held);
    std::thread::sleep(Duration::from_millis(300));
    lists(&host, Duration::from_secs(5));
}

#[test]
fn idle_connections_are_closed_after_the_header_timeout() {
    let mut host = Host::new();
    limited(&mut host, "1024:4096", &["--header-timeout-ms", "500"]);
    let mut idle = connect(&host);
    idle.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut buf = Vec::new();
    let began = Instant::now();
    let _ = idle.read_to_end(&mut buf);
    assert!(
        began.elapsed() < Duration::from_secs(5),
        "{:?}",
        began.elapsed()
    );
    // A slow head (a byte every 100 ms) is cut off the same way.
    let mut slow = connect(&host);
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let began = Instant::now();
    for b in b"GET /v1/vms HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
        if slow.write_all(&[*b]).is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        if began.elapsed() > Duration::from_secs(8) {
            break;
        }
    }
    assert!(
        began.elapsed() < Duration::from_secs(8),
        "a slow head was not cut off"
    );
    lists(&host, Duration::from_secs(5));
}

#[test]
fn huge_heads_and_bodies_are_refused_without_holding_them() {
    let mut host = Host::new();
    limited(&mut host, "1024:4096", &[]);
    let pid = host.daemon_pid();
    // 64 MiB of header, written by a thread that stops when refused.
    let socket = host.socket();
    let writer = std::thread::spawn(move || {
        let mut s = UnixStream::connect(socket).unwrap();
        let _ = s.write_all(b"GET /v1/vms HTTP/1.1\r\nX-Big: ");
        let chunk = vec![b'a'; 1 << 20];
        let mut sent = 0;
        while sent < 64 && s.write_all(&chunk).is_ok() {
            sent += 1;
        }
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        (sent, String::from_utf8_lossy(&out).into_owned())
    });
    let (sent, answer) = writer.join().unwrap();
    assert!(sent < 64, "the daemon read all of a 64 MiB head");
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 431"),
        "{answer}"
    );
    let body = vec![b' '; 200 << 10];
    let mut raw = format!(
        "POST /v1/vms HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    raw.extend_from_slice(&body);
    let answer = exchange(&host, &raw, Duration::from_secs(10));
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(rss_kib(pid) < 64 << 10, "RSS {} KiB", rss_kib(pid));
    lists(&host, Duration::from_secs(5));
}

#[test]
fn malformed_requests_get_errors_and_the_daemon_serves_on() {
    let mut host = Host::new();
    limited(&mut host, "1024:4096", &[]);
    let long_target = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(100_000));
    let many_headers: String = (0..1000).map(|i| format!("X-{i}: v\r\n")).collect();
    let many_headers = format!("GET /v1/vms HTTP/1.1\r\n{many_headers}\r\n");
    let pipelined = "GET /v1/vms HTTP/1.1\r\nHost: x\r\n\r\n".repeat(100);
    let shapes: Vec<(&str, Vec<u8>)> = vec![
        (
            "binary junk",
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        (
            "an unknown version",
            b"GET /v1/vms HTTP/9.9\r\n\r\n".to_vec(),
        ),
        ("HTTP/0.9", b"GET /\r\n".to_vec()),
        ("a 100 KB target", long_target.into_bytes()),
        ("1000 headers", many_headers.into_bytes()),
        (
            "a huge chunk size",
            b"POST /v1/vms HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nx"
                .to_vec(),
        ),
        (
            "two different lengths",
            b"POST /v1/vms HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}".to_vec(),
        ),
        (
            "a negative length",
            b"POST /v1/vms HTTP/1.1\r\nContent-Length: -1\r\n\r\n".to_vec(),
        ),
        (
            "a stop with a body of the wrong type",
            b"POST /v1/vms/x/stop HTTP/1.1\r\nContent-Length: 15\r\n\r\n{\"timeout_s\":[]".to_vec(),
        ),
        ("100 pipelined requests", pipelined.into_bytes()),
        ("nothing at all", Vec::new()),
    ];
    for (what, raw) in shapes {
        let answer = exchange(&host, &raw, Duration::from_secs(15));
        let status = answer.get(9..12).unwrap_or("");
        assert!(
            answer.is_empty() || !status.starts_with('5'),
            "{what}: {answer:.200}"
        );
        eprintln!("{what}: {:?}", answer.lines().next().unwrap_or("(closed)"));
        lists(&host, Duration::from_secs(5));
    }
}

#[test]
fn a_second_daemon_on_the_same_state_or_socket_refuses() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create("mine");
    let first = host.daemon_pid();
    let second = |socket: &Path, state: &Path| {
        Command::new(DAEMON)
            .args(["--no-bridge", "--socket"])
            .arg(socket)
            .arg("--state-dir")
            .arg(state)
            .arg("--run-dir")
            .arg(host.path("run2"))
            .arg("--cloud-hypervisor")
            .arg(DOUBLE)
            .output()
            .unwrap()
    };
    let out = second(&host.path("other.sock"), &host.path("state"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("another mvirt-vmm (pid {first})")),
        "{err}"
    );
    assert!(!host.path("other.sock").exists());
    let out = second(&host.socket(), &host.path("state2"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("another daemon serves on"), "{err}");
    // The first daemon still serves, on its socket, with its VM.
    assert!(host.ok(&["vm", "list"]).contains("mine"));
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn hostile_state_files_are_ignored_and_do_not_hang_startup() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create("good");
    host.kill_daemon();
    let state = host.path("state");
    let good = std::fs::read_to_string(state.join("good.json")).unwrap();
    // What a damaged or planted file may hold.
    let victim = host.path("victim");
    std::fs::write(&victim, "keep me").unwrap();
    let v = victim.display().to_string();
    let planted = good.replace(&host.path("run/good.sock").display().to_string(), &v);
    assert_ne!(planted, good);
    std::fs::write(state.join("good.json"), &planted).unwrap();
    mkfifo(&state.join("fifo.json"));
    std::os::unix::fs::symlink(state.join("good.json"), state.join("link.json")).unwrap();
    std::fs::write(state.join("other.json"), &good).unwrap(); // names "good"
    std::fs::write(
        state.join("escape.json"),
        good.replace("\"good\"", "\"../../escape\""),
    )
    .unwrap();
    std::fs::write(
        state.join("Upper.json"),
        good.replace("\"good\"", "\"Upper\""),
    )
    .unwrap();
    std::fs::write(state.join("huge.json"), vec![b' '; 2 << 20]).unwrap();
    std::fs::write(
        state.join("cpus.json"),
        good.replace("\"good\"", "\"cpus\"")
            .replace("\"vcpus\": 2", "\"vcpus\": 0"),
    )
    .unwrap();
    std::fs::create_dir(state.join("dir.json")).unwrap();
    let began = Instant::now();
    host.start_daemon(Path::new(DOUBLE), &[]);
    eprintln!("started in {:.2}s", began.elapsed().as_secs_f64());
    let names: Vec<String> = host
        .json(&["vm", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["spec"]["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["good"]);
    let log = host.daemon_log();
    for f in [
        "fifo", "link", "other", "escape", "Upper", "huge", "cpus", "dir",
    ] {
        assert!(
            log.contains(&format!(
                "ignoring {}",
                state.join(format!("{f}.json")).display()
            )),
            "{f}: {log}"
        );
    }
    // The socket path is the daemon's own again, not the file's.
    let vm = host.json(&["vm", "get", "good"]);
    assert_eq!(
        vm["api_socket"],
        host.path("run/good.sock").display().to_string()
    );
    host.json(&["vm", "start", "good"]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(!host.path("escape.json").exists() && !host.dir.path().join("../escape.json").exists());
    // The harness reads every state file at its end: no FIFO for it.
    std::fs::remove_file(state.join("fifo.json")).unwrap();
}

#[test]
fn a_disk_changed_after_create_is_checked_again_at_start() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create("vm");
    let disk = host.path("disk.img");
    std::fs::remove_file(&disk).unwrap();
    assert!(host
        .err(&["vm", "start", "vm"])
        .contains("no such file (400)"));
    mkfifo(&disk);
    assert!(host
        .err(&["vm", "start", "vm"])
        .contains("not a regular file"));
    std::fs::remove_file(&disk).unwrap();
    std::fs::create_dir(&disk).unwrap();
    assert!(host
        .err(&["vm", "start", "vm"])
        .contains("not a regular file"));
    std::fs::remove_dir(&disk).unwrap();
    std::os::unix::fs::symlink("/dev/null", &disk).unwrap();
    assert!(host
        .err(&["vm", "start", "vm"])
        .contains("not a regular file"));
    std::fs::remove_file(&disk).unwrap();
    std::fs::write(&disk, b"disk").unwrap();
    host.json(&["vm", "start", "vm"]);
    host.json(&["vm", "kill", "vm"]);
}
