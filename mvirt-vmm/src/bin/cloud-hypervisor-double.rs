//! TEST DOUBLE of cloud-hypervisor (v53), for mvirt-vmm's host tests (the
//! real binary cannot run VMs on these machines). Never shipped in an image.
//!
//! It takes the command line mvirt-vmm passes, writes it to the --serial
//! file ("double booted: ARGS", then one line per event, "[T] double: ...",
//! T in seconds on CLOCK_MONOTONIC), opens the tap of
//! `--net tap=NAME,mac=MAC` the way cloud-hypervisor does (the tap must
//! exist, and TUNSETIFF with IFF_TAP|IFF_NO_PI|IFF_VNET_HDR must accept it),
//! and serves on --api-socket:
//! - `PUT /api/v1/vm.power-button`: 204; the "guest" powers off after a
//!   delay and the process exits 0, as cloud-hypervisor does when its
//!   guest powers off;
//! - `PUT /api/v1/vm.shutdown`: 204 (the VM is gone, the VMM stays);
//! - `PUT /api/v1/vmm.shutdown`: 204, then exits 0;
//! - `GET /api/v1/vmm.ping`: 200 with the build version.
//!
//! The guest's behaviour comes from its kernel command line (--cmdline), as
//! a real guest's would:
//! - `double.poweroff_ms=N`: power off N ms after the button (default 50);
//! - `double.ignore_power_button`: nothing handles the button;
//! - `double.button_answer_ms=N`: the API answers the button N ms late (a
//!   VMM on a starved host; the guest still gets the press at once);
//! - `double.ignore_shutdown`: vm.shutdown and vmm.shutdown are answered and
//!   do nothing (a hung VMM: only SIGKILL ends it);
//! - `double.fail`: fail at boot, "Fatal error: ..." on stderr, exit 1.
//!
//! SIGTERM and SIGINT end it at once (their default action), as they end
//! cloud-hypervisor, which tears its VM down on them.
//!
//! `--version` prints "cloud-hypervisor v53.0 (mvirt test double)"; with
//! CH_DOUBLE_VERSION_HANG=1 in its environment it hangs instead.

use std::io::{BufRead, BufReader, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::time::Duration;

struct Guest {
    poweroff: Duration,
    button_answer: Duration,
    ignore_power_button: bool,
    ignore_shutdown: bool,
}

fn fatal(what: &str) -> ! {
    eprintln!("Fatal error: {what}");
    std::process::exit(1);
}

/// Seconds on CLOCK_MONOTONIC: one clock for all processes, so a test can
/// order the events of different VMs.
fn monotonic() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid timespec to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

/// Appends "[SECONDS] LINE" to the serial file (SECONDS: [`monotonic`]).
fn event(serial: &Option<String>, line: &str) {
    if let Some(path) = serial {
        if let Ok(mut f) = std::fs::OpenOptions::new().append(true).open(path) {
            let _ = writeln!(f, "[{:.6}] {line}", monotonic());
        }
    }
}

/// Opens the named tap as cloud-hypervisor v53 does for one queue pair.
fn open_tap(name: &str) -> OwnedFd {
    let cname = std::ffi::CString::new(name).unwrap_or_else(|_| fatal("bad tap name"));
    // SAFETY: a valid C string.
    if unsafe { libc::if_nametoindex(cname.as_ptr()) } == 0 {
        fatal(&format!(
            "tap {name} does not exist (mvirt-vmm makes it before the start)"
        ));
    }
    // SAFETY: open(2) of a constant path.
    let fd = unsafe { libc::open(c"/dev/net/tun".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) };
    if fd < 0 {
        fatal(&format!(
            "/dev/net/tun: {}",
            std::io::Error::last_os_error()
        ));
    }
    // SAFETY: a fresh fd.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    // SAFETY: ifreq is plain data.
    let mut ifr: libc::ifreq = unsafe { std::mem::zeroed() };
    for (d, s) in ifr.ifr_name.iter_mut().zip(name.bytes().take(15)) {
        *d = s as libc::c_char;
    }
    ifr.ifr_ifru.ifru_flags =
        (libc::IFF_TAP | libc::IFF_NO_PI | libc::IFF_VNET_HDR) as libc::c_short;
    // SAFETY: TUNSETIFF takes an ifreq.
    if unsafe { libc::ioctl(fd.as_raw_fd(), libc::TUNSETIFF, &mut ifr) } < 0 {
        fatal(&format!(
            "opening tap {name}: {}",
            std::io::Error::last_os_error()
        ));
    }
    fd
}

fn exit_vmm(socket: &str, serial: &Option<String>, why: &str) -> ! {
    event(serial, why);
    let _ = std::fs::remove_file(socket);
    std::process::exit(0);
}

fn answer(stream: &mut UnixStream, status: &str, body: &str) {
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--version") {
        if std::env::var("CH_DOUBLE_VERSION_HANG").as_deref() == Ok("1") {
            std::thread::sleep(Duration::from_secs(3600));
        }
        println!("cloud-hypervisor v53.0 (mvirt test double)");
        return;
    }
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let socket = value("--api-socket")
        .and_then(|v| v.strip_prefix("path=").map(str::to_string))
        .unwrap_or_else(|| fatal("--api-socket path=... is required"));
    let serial = value("--serial").and_then(|v| v.strip_prefix("file=").map(str::to_string));
    if let Some(path) = &serial {
        let _ = std::fs::write(path, format!("double booted: {}\n", args[1..].join(" ")));
    }
    println!("cloud-hypervisor (test double): booting");
    let cmdline = value("--cmdline").unwrap_or_default();
    let word = |w: &str| cmdline.split_whitespace().any(|x| x == w);
    if word("double.fail") {
        fatal("the test double was told to fail (double.fail on the guest command line)");
    }
    let millis = |key: &str, default: u64| {
        Duration::from_millis(
            cmdline
                .split_whitespace()
                .find_map(|w| w.strip_prefix(key))
                .and_then(|v| v.parse().ok())
                .unwrap_or(default),
        )
    };
    let guest = Guest {
        poweroff: millis("double.poweroff_ms=", 50),
        button_answer: millis("double.button_answer_ms=", 0),
        ignore_power_button: word("double.ignore_power_button"),
        ignore_shutdown: word("double.ignore_shutdown"),
    };
    // Held open while "running", like cloud-hypervisor's virtio-net device.
    let _tap = value("--net").map(|net| {
        let field = |k: &str| {
            net.split(',')
                .find_map(|kv| kv.strip_prefix(k))
                .map(str::to_string)
        };
        let tap = field("tap=").unwrap_or_else(|| fatal("--net without tap="));
        let mac = field("mac=").unwrap_or_default();
        let fd = open_tap(&tap);
        event(&serial, &format!("double: net tap={tap} mac={mac}"));
        fd
    });
    let _ = std::fs::remove_file(&socket);
    let listener =
        UnixListener::bind(&socket).unwrap_or_else(|e| fatal(&format!("binding {socket}: {e}")));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let mut request_line = String::new();
        let Ok(clone) = stream.try_clone() else {
            continue;
        };
        let mut reader = BufReader::new(clone);
        let _ = reader.read_line(&mut request_line);
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                break;
            }
        }
        let mut words = request_line.split_whitespace();
        let (method, path) = (
            words.next().unwrap_or("").to_string(),
            words.next().unwrap_or("").to_string(),
        );
        event(&serial, &format!("double: api {method} {path}"));
        match (method.as_str(), path.as_str()) {
            ("PUT", "/api/v1/vm.power-button") => {
                if !guest.ignore_power_button {
                    let (socket, serial, delay) = (socket.clone(), serial.clone(), guest.poweroff);
                    std::thread::spawn(move || {
                        std::thread::sleep(delay);
                        exit_vmm(&socket, &serial, "double: the guest powered off");
                    });
                }
                std::thread::sleep(guest.button_answer);
                answer(&mut stream, "204 No Content", "");
            }
            ("PUT", "/api/v1/vm.shutdown") => answer(&mut stream, "204 No Content", ""),
            ("PUT", "/api/v1/vmm.shutdown") => {
                answer(&mut stream, "204 No Content", "");
                drop(stream);
                if !guest.ignore_shutdown {
                    exit_vmm(&socket, &serial, "double: vmm.shutdown");
                }
            }
            ("GET", "/api/v1/vmm.ping") => answer(
                &mut stream,
                "200 OK",
                r#"{"build_version":"v53.0","version":"53.0"}"#,
            ),
            _ => answer(
                &mut stream,
                "404 Not Found",
                &format!("{{\"error\":\"the double does not serve {method} {path}\"}}"),
            ),
        }
    }
}
