//! The HTTP API on a unix socket (see `mvirt_api` for the endpoints).
//!
//! The transport is hyper's HTTP/1.1 server on a small tokio runtime, made
//! to survive its clients:
//! - a connection costs a task, not a thread; at most
//!   [`Limits::max_connections`] at once, and one beyond is closed at once
//!   (the listener keeps serving);
//! - a request's head must arrive within [`Limits::header_timeout`] (an idle
//!   keep-alive connection is closed after it too), and is at most
//!   [`Limits::max_header_bytes`];
//! - a body must arrive within [`Limits::body_timeout`] and is at most
//!   [`Limits::max_body`] bytes: a stalled upload holds its own connection,
//!   nothing else;
//! - an accept error (EMFILE, ENFILE, ENOMEM...) is logged and retried
//!   with backoff, never fatal; the listener does not go away.
//!
//! The VM operations are blocking calls (a stop may wait minutes for its
//! guest): each runs on a thread of tokio's blocking pool, at most
//! [`Limits::max_in_flight`] at a time; a request beyond that is answered
//! 503 at once. Reads (`GET`) take no such slot.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use mvirt_api::{ApiError, Status, StopRequest, VmSpec, MAX_STOP_TIMEOUT_S};
use tokio::net::UnixListener;
use tokio::sync::Semaphore;

use crate::host;
use crate::vms::{refuse, Refusal, Shared};

/// Requests handled at once by default.
pub const MAX_IN_FLIGHT: usize = 64;

/// What the transport allows a client.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Connections open at once.
    pub max_connections: usize,
    /// VM operations running at once (see the module's doc).
    pub max_in_flight: usize,
    /// For a request's head (and for the next one on a kept-alive connection).
    pub header_timeout: Duration,
    /// For a request's body, from the end of its head.
    pub body_timeout: Duration,
    /// The read buffer, and so the largest request head.
    pub max_header_bytes: usize,
    pub max_body: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 4096,
            max_in_flight: MAX_IN_FLIGHT,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            max_header_bytes: 16 << 10,
            max_body: 64 << 10,
        }
    }
}

impl Limits {
    /// The most memory the connections' buffers can hold at once: each
    /// has a read buffer of at most `max_header_bytes` and a body of at
    /// most `max_body`, and writes an answer of about the same size.
    pub fn buffer_bound(&self) -> usize {
        self.max_connections * (2 * self.max_header_bytes + self.max_body)
    }
}

type Reply = Response<Full<Bytes>>;

fn json(status: u16, body: Vec<u8>) -> Reply {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() =
        hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    r
}

fn ok<T: serde::Serialize>(status: u16, value: &T) -> Reply {
    match serde_json::to_vec(value) {
        Ok(body) => json(status, body),
        Err(e) => error(refuse(500, format!("encoding the answer: {e}"))),
    }
}

fn error(r: Refusal) -> Reply {
    let body = serde_json::to_vec(&ApiError { error: r.message }).unwrap_or_default();
    json(r.status, body)
}

/// Parses a JSON body; an empty one is `T::default()` unless `required`.
fn parse<T: serde::de::DeserializeOwned + Default>(
    raw: &[u8],
    required: bool,
) -> Result<T, Refusal> {
    if raw.is_empty() {
        return if required {
            Err(refuse(400, "empty body"))
        } else {
            Ok(T::default())
        };
    }
    serde_json::from_slice(raw).map_err(|e| refuse(400, format!("bad JSON body: {e}")))
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

fn stop_timeout(raw: &[u8]) -> Result<Duration, Refusal> {
    let r: StopRequest = parse(raw, false)?;
    let secs = r.timeout_s.unwrap_or(10);
    if secs > MAX_STOP_TIMEOUT_S {
        return Err(refuse(
            400,
            format!("timeout_s {secs} is out of range 0..={MAX_STOP_TIMEOUT_S}"),
        ));
    }
    Ok(Duration::from_secs(secs))
}

/// Answers one request whose body has been read: the blocking part.
pub fn handle(vmm: &Shared, kvm_dev: &Path, method: &Method, path: &str, body: &[u8]) -> Reply {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let result = match (method, parts.as_slice()) {
        (&Method::GET, ["v1", "status"]) => Ok(ok(200, &status(vmm, kvm_dev))),
        (&Method::GET, ["v1", "vms"]) => Ok(ok(200, &vmm.list())),
        (&Method::POST, ["v1", "vms"]) => parse::<Option<VmSpec>>(body, true)
            .and_then(|spec| vmm.create(spec.ok_or_else(|| refuse(400, "empty body"))?))
            .map(|vm| ok(201, &vm)),
        (&Method::GET, ["v1", "vms", name]) => vmm.get(name).map(|vm| ok(200, &vm)),
        (&Method::DELETE, ["v1", "vms", name]) => vmm.delete(name).map(|()| json(204, Vec::new())),
        (&Method::POST, ["v1", "vms", name, "start"]) => vmm.start(name).map(|vm| ok(200, &vm)),
        (&Method::POST, ["v1", "vms", name, "stop"]) => {
            stop_timeout(body).and_then(|t| vmm.stop(name, t).map(|vm| ok(200, &vm)))
        }
        (&Method::POST, ["v1", "vms", name, "kill"]) => vmm.kill(name).map(|vm| ok(200, &vm)),
        _ => Err(refuse(404, format!("no such endpoint: {method} {path}"))),
    };
    result.unwrap_or_else(error)
}

/// What every connection shares.
struct Ctx {
    vmm: Shared,
    kvm_dev: PathBuf,
    limits: Limits,
    in_flight: Arc<Semaphore>,
}

/// Reads a body within the time and size limits.
async fn read_body(ctx: &Ctx, body: Incoming) -> Result<Bytes, Refusal> {
    let max = ctx.limits.max_body;
    let collect = Limited::new(body, max).collect();
    match tokio::time::timeout(ctx.limits.body_timeout, collect).await {
        Err(_) => Err(refuse(
            408,
            format!(
                "the request body did not arrive within {}s",
                ctx.limits.body_timeout.as_secs_f64()
            ),
        )),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => Err(refuse(
            413,
            format!("the request body is larger than {max} bytes"),
        )),
        Ok(Err(e)) => Err(refuse(400, format!("reading the body: {e}"))),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
    }
}

/// One request, from head to answer.
async fn serve_request(ctx: Arc<Ctx>, req: Request<Incoming>) -> Reply {
    let (head, body) = req.into_parts();
    let method = head.method.clone();
    let path = head.uri.path().to_string();
    let body = match read_body(&ctx, body).await {
        Ok(b) => b,
        Err(r) => return error(r),
    };
    // Reads take no slot: a host full of slow stops still lists its VMs.
    let permit = if method == Method::GET {
        None
    } else {
        match Arc::clone(&ctx.in_flight).try_acquire_owned() {
            Ok(p) => Some(p),
            Err(_) => {
                return error(refuse(
                    503,
                    format!(
                        "mvirt-vmm is busy ({} requests in flight); try again",
                        ctx.limits.max_in_flight
                    ),
                ))
            }
        }
    };
    let work = {
        let ctx = Arc::clone(&ctx);
        move || {
            let reply = handle(&ctx.vmm, &ctx.kvm_dev, &method, &path, &body);
            drop(permit);
            reply
        }
    };
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| error(refuse(500, format!("the request failed: {e}"))))
}

fn http1(limits: &Limits) -> hyper::server::conn::http1::Builder {
    let mut b = hyper::server::conn::http1::Builder::new();
    b.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(limits.max_header_bytes.max(8192))
        .max_headers(64)
        .keep_alive(true);
    b
}

/// How long to wait after the `n`th accept error in a row.
fn backoff(n: u32) -> Duration {
    Duration::from_millis(10u64 << n.min(7)).min(Duration::from_secs(1))
}

/// Accepts connections forever; each is served on its own task.
async fn accept_loop(listener: UnixListener, ctx: Arc<Ctx>) {
    let conns = Arc::new(Semaphore::new(ctx.limits.max_connections));
    let http = Arc::new(http1(&ctx.limits));
    let mut errors = 0u32;
    let mut refused = 0u64;
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                errors += 1;
                if errors.is_power_of_two() {
                    eprintln!(
                        "mvirt-vmm: accepting a connection: {e} ({errors} in a row); retrying"
                    );
                }
                tokio::time::sleep(backoff(errors)).await;
                continue;
            }
        };
        errors = 0;
        let Ok(permit) = Arc::clone(&conns).try_acquire_owned() else {
            refused += 1;
            if refused.is_power_of_two() {
                eprintln!(
                    "mvirt-vmm: {} connections open; closed a new one ({refused} so far)",
                    ctx.limits.max_connections
                );
            }
            drop(stream);
            continue;
        };
        let ctx = Arc::clone(&ctx);
        let http = Arc::clone(&http);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let ctx = Arc::clone(&ctx);
                async move { Ok::<_, std::convert::Infallible>(serve_request(ctx, req).await) }
            });
            // A client that breaks its connection ends only its own.
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
            drop(permit);
        });
    }
}

/// Binds `socket`: a leftover socket file nobody listens on is replaced;
/// a live one, or anything else there (a regular file, a directory, a
/// link), is refused.
fn bind(socket: &Path) -> std::io::Result<UnixListener> {
    use std::os::unix::fs::FileTypeExt;
    if let Some(dir) = socket.parent() {
        std::fs::create_dir_all(dir)?;
    }
    match std::fs::symlink_metadata(socket) {
        Ok(m) if m.file_type().is_socket() => {
            if std::os::unix::net::UnixStream::connect(socket).is_ok() {
                return Err(std::io::Error::other(format!(
                    "another daemon serves on {}; stop it first, or give this one another --socket",
                    socket.display()
                )));
            }
            std::fs::remove_file(socket)?
        }
        Ok(m) => {
            return Err(std::io::Error::other(format!(
                "{} exists and is not a socket ({:?}); remove it",
                socket.display(),
                m.file_type()
            )))
        }
        Err(_) => {}
    }
    UnixListener::bind(socket)
}

/// Serves the API on `socket` until the process ends. Returns only when
/// the socket cannot be bound or the runtime cannot be made.
pub fn serve(vmm: Shared, socket: &Path, kvm_dev: &Path, limits: Limits) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(limits.max_in_flight + 16)
        .thread_name("mvirt-api")
        .enable_all()
        .build()?;
    let ctx = Arc::new(Ctx {
        vmm,
        kvm_dev: kvm_dev.into(),
        in_flight: Arc::new(Semaphore::new(limits.max_in_flight)),
        limits,
    });
    runtime.block_on(async move {
        let listener = bind(socket)?;
        eprintln!("mvirt-vmm: serving on {}", socket.display());
        accept_loop(listener, ctx).await;
        Ok(())
    })
}
