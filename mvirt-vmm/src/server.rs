//! The HTTP API on a unix socket (see `mvirt_api` for the endpoints).

use std::path::Path;
use std::time::Duration;

use mvirt_api::{ApiError, Status, StopRequest, VmSpec};
use tiny_http::{Header, Method, Request, Response, Server};

use crate::host;
use crate::vms::{self, Refusal, Shared};

fn json(status: u16, body: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body)
        .with_status_code(status)
        .with_header(Header::from_bytes("Content-Type", "application/json").expect("static header"))
}

fn ok<T: serde::Serialize>(status: u16, value: &T) -> Response<std::io::Cursor<Vec<u8>>> {
    json(status, serde_json::to_vec(value).expect("serializable"))
}

fn error(r: Refusal) -> Response<std::io::Cursor<Vec<u8>>> {
    ok(r.status, &ApiError { error: r.message })
}

fn body<T: serde::de::DeserializeOwned + Default>(
    req: &mut Request,
    required: bool,
) -> Result<T, Refusal> {
    let mut raw = Vec::new();
    std::io::Read::read_to_end(req.as_reader(), &mut raw).map_err(|e| Refusal {
        status: 400,
        message: format!("reading the body: {e}"),
    })?;
    if raw.is_empty() && !required {
        return Ok(T::default());
    }
    serde_json::from_slice(&raw).map_err(|e| Refusal {
        status: 400,
        message: format!("bad JSON body: {e}"),
    })
}

/// Answers one request.
pub fn handle(
    shared: &Shared,
    kvm_dev: &Path,
    req: &mut Request,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let url = req.url().split('?').next().unwrap_or("").to_string();
    let parts: Vec<&str> = url.trim_matches('/').split('/').collect();
    let method = req.method().clone();
    let result = match (&method, parts.as_slice()) {
        (Method::Get, ["v1", "status"]) => {
            let vms = shared.lock().unwrap();
            Ok(ok(
                200,
                &Status {
                    version: env!("CARGO_PKG_VERSION").into(),
                    kvm: host::kvm(kvm_dev),
                    cpus: host::cpus(),
                    memory_kib: host::memory_kib(),
                    cloud_hypervisor: host::cloud_hypervisor(&vms.paths().cloud_hypervisor),
                    vms: vms.list().len(),
                    vms_running: vms.running(),
                },
            ))
        }
        (Method::Get, ["v1", "vms"]) => Ok(ok(200, &shared.lock().unwrap().list())),
        (Method::Post, ["v1", "vms"]) => body::<Option<VmSpec>>(req, true).and_then(|spec| {
            let spec = spec.ok_or(Refusal {
                status: 400,
                message: "empty body".into(),
            })?;
            shared.lock().unwrap().create(spec).map(|vm| ok(201, &vm))
        }),
        (Method::Get, ["v1", "vms", name]) => {
            shared.lock().unwrap().get(name).map(|vm| ok(200, &vm))
        }
        (Method::Delete, ["v1", "vms", name]) => shared
            .lock()
            .unwrap()
            .delete(name)
            .map(|()| json(204, Vec::new())),
        (Method::Post, ["v1", "vms", name, "start"]) => {
            vms::start(shared, name).map(|vm| ok(200, &vm))
        }
        (Method::Post, ["v1", "vms", name, "stop"]) => {
            body::<StopRequest>(req, false).and_then(|r| {
                let timeout = Duration::from_secs(r.timeout_s.unwrap_or(10));
                vms::stop(shared, name, timeout).map(|vm| ok(200, &vm))
            })
        }
        (Method::Post, ["v1", "vms", name, "kill"]) => {
            vms::kill(shared, name).map(|vm| ok(200, &vm))
        }
        _ => Err(Refusal {
            status: 404,
            message: format!("no such endpoint: {method} {url}"),
        }),
    };
    result.unwrap_or_else(error)
}

/// Serves the API on `socket` until the process ends.
pub fn serve(shared: Shared, socket: &Path, kvm_dev: &Path) -> std::io::Result<()> {
    if let Some(dir) = socket.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let _ = std::fs::remove_file(socket);
    let server = Server::http_unix(socket).map_err(std::io::Error::other)?;
    eprintln!("mvirt-vmm: serving on {}", socket.display());
    for mut req in server.incoming_requests() {
        let response = handle(&shared, kvm_dev, &mut req);
        let _ = req.respond(response);
    }
    Ok(())
}
