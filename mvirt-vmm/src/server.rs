//! The HTTP API on a unix socket (see `mvirt_api` for the endpoints).
//!
//! Each request runs in its own thread, so a slow one (a stop waiting for
//! a guest) never holds up the others; at most [`MAX_IN_FLIGHT`] at a time,
//! and a request beyond that is answered 503 at once.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use mvirt_api::{ApiError, Status, StopRequest, VmSpec, MAX_STOP_TIMEOUT_S};
use tiny_http::{Header, Method, Request, Response, Server};

use crate::host;
use crate::vms::{refuse, Refusal, Shared};

/// Requests handled at once by default.
pub const MAX_IN_FLIGHT: usize = 64;

type Reply = Response<std::io::Cursor<Vec<u8>>>;

fn json(status: u16, body: Vec<u8>) -> Reply {
    Response::from_data(body)
        .with_status_code(status)
        .with_header(Header::from_bytes("Content-Type", "application/json").expect("static header"))
}

fn ok<T: serde::Serialize>(status: u16, value: &T) -> Reply {
    json(status, serde_json::to_vec(value).expect("serializable"))
}

fn error(r: Refusal) -> Reply {
    ok(r.status, &ApiError { error: r.message })
}

fn body<T: serde::de::DeserializeOwned + Default>(
    req: &mut Request,
    required: bool,
) -> Result<T, Refusal> {
    let mut raw = Vec::new();
    req.as_reader()
        .take(1 << 20)
        .read_to_end(&mut raw)
        .map_err(|e| refuse(400, format!("reading the body: {e}")))?;
    if raw.is_empty() && !required {
        return Ok(T::default());
    }
    serde_json::from_slice(&raw).map_err(|e| refuse(400, format!("bad JSON body: {e}")))
}

fn status(vmm: &Shared, kvm_dev: &Path) -> Status {
    let (vms, vms_running) = vmm.counts();
    Status {
        version: env!("CARGO_PKG_VERSION").into(),
        kvm: host::kvm(kvm_dev),
        cpus: host::cpus(),
        memory_kib: host::memory_kib(),
        cloud_hypervisor: host::cloud_hypervisor(&vmm.paths().cloud_hypervisor, vmm.ch_version()),
        network: vmm.network(),
        vms,
        vms_running,
    }
}

/// Answers one request.
pub fn handle(vmm: &Shared, kvm_dev: &Path, req: &mut Request) -> Reply {
    let url = req.url().split('?').next().unwrap_or("").to_string();
    let parts: Vec<&str> = url.trim_matches('/').split('/').collect();
    let method = req.method().clone();
    let result = match (&method, parts.as_slice()) {
        (Method::Get, ["v1", "status"]) => Ok(ok(200, &status(vmm, kvm_dev))),
        (Method::Get, ["v1", "vms"]) => Ok(ok(200, &vmm.list())),
        (Method::Post, ["v1", "vms"]) => body::<Option<VmSpec>>(req, true).and_then(|spec| {
            let spec = spec.ok_or_else(|| refuse(400, "empty body"))?;
            vmm.create(spec).map(|vm| ok(201, &vm))
        }),
        (Method::Get, ["v1", "vms", name]) => vmm.get(name).map(|vm| ok(200, &vm)),
        (Method::Delete, ["v1", "vms", name]) => vmm.delete(name).map(|()| json(204, Vec::new())),
        (Method::Post, ["v1", "vms", name, "start"]) => vmm.start(name).map(|vm| ok(200, &vm)),
        (Method::Post, ["v1", "vms", name, "stop"]) => {
            body::<StopRequest>(req, false).and_then(|r| {
                let secs = r.timeout_s.unwrap_or(10);
                if secs > MAX_STOP_TIMEOUT_S {
                    return Err(refuse(
                        400,
                        format!("timeout_s {secs} is out of range 0..={MAX_STOP_TIMEOUT_S}"),
                    ));
                }
                vmm.stop(name, Duration::from_secs(secs))
                    .map(|vm| ok(200, &vm))
            })
        }
        (Method::Post, ["v1", "vms", name, "kill"]) => vmm.kill(name).map(|vm| ok(200, &vm)),
        _ => Err(refuse(404, format!("no such endpoint: {method} {url}"))),
    };
    result.unwrap_or_else(error)
}

/// Counts a request in flight until dropped.
struct InFlight(Arc<AtomicUsize>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Serves the API on `socket` until the process ends, with up to
/// `max_in_flight` requests at once.
pub fn serve(
    vmm: Shared,
    socket: &Path,
    kvm_dev: &Path,
    max_in_flight: usize,
) -> std::io::Result<()> {
    if let Some(dir) = socket.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let _ = std::fs::remove_file(socket);
    let server = Server::http_unix(socket).map_err(std::io::Error::other)?;
    eprintln!("mvirt-vmm: serving on {}", socket.display());
    let in_flight = Arc::new(AtomicUsize::new(0));
    let kvm_dev: Arc<PathBuf> = Arc::new(kvm_dev.into());
    for req in server.incoming_requests() {
        if in_flight.fetch_add(1, Ordering::SeqCst) >= max_in_flight {
            in_flight.fetch_sub(1, Ordering::SeqCst);
            let _ = req.respond(error(refuse(
                503,
                format!("mvirt-vmm is busy ({max_in_flight} requests in flight); try again"),
            )));
            continue;
        }
        let counted = InFlight(Arc::clone(&in_flight));
        let vmm = Arc::clone(&vmm);
        let kvm_dev = Arc::clone(&kvm_dev);
        let spawned = std::thread::Builder::new()
            .name("mvirt-request".into())
            .spawn(move || {
                let mut req = req;
                let reply = handle(&vmm, &kvm_dev, &mut req);
                // Uncounted before the answer goes out: a client that sends
                // its next request on receiving it must find the slot free.
                drop(counted);
                let _ = req.respond(reply);
            });
        if let Err(e) = spawned {
            // The request went with the closure; its client sees the
            // connection close.
            eprintln!("mvirt-vmm: no thread for a request: {e}");
        }
    }
    Ok(())
}
