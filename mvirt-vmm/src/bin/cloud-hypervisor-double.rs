//! TEST DOUBLE of cloud-hypervisor, for mvirt-vmm's host tests (the real
//! binary cannot run VMs on these machines). It accepts the command line
//! mvirt-vmm passes, writes a line to the --serial file, serves
//! `PUT /api/v1/vm.shutdown` and `/api/v1/vmm.shutdown` on --api-socket and
//! exits on vmm.shutdown — unless CH_DOUBLE_IGNORE_SHUTDOWN=1, which makes
//! it ignore shutdown requests (to test the SIGKILL timeout).
//! Never shipped in an image.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixListener;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let socket = value("--api-socket")
        .and_then(|v| v.strip_prefix("path=").map(str::to_string))
        .expect("--api-socket path=... is required");
    if let Some(serial) =
        value("--serial").and_then(|v| v.strip_prefix("file=").map(str::to_string))
    {
        let _ = std::fs::write(serial, format!("double booted: {}\n", args[1..].join(" ")));
    }
    let ignore = std::env::var("CH_DOUBLE_IGNORE_SHUTDOWN").as_deref() == Ok("1");
    let _ = std::fs::remove_file(&socket);
    let listener = UnixListener::bind(&socket).expect("bind api socket");
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let mut request_line = String::new();
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let _ = reader.read_line(&mut request_line);
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                break;
            }
        }
        let _ = stream.write_all(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
        drop(stream);
        if request_line.contains("/api/v1/vmm.shutdown") && !ignore {
            let _ = std::fs::remove_file(&socket);
            std::process::exit(0);
        }
    }
}
