//! The HTTP API (see `mvirt_api` for the endpoints): on a unix socket for
//! the host itself, and over TCP with mutual TLS for operators
//! ([`crate::transport`]). A local caller may do everything; a TLS client
//! what its certificate's role allows ([`Caller`]), checked before its
//! request's body is read.
//!
//! The transport is hyper's HTTP/1.1 server on a small tokio runtime, made
//! to survive its clients:
//! - a connection costs a task, not a thread; at most
//!   [`Limits::max_connections`] at once, and one beyond is closed at once
//!   (the listener keeps serving);
//! - a TLS handshake, and then a request's head, must arrive within
//!   [`Limits::header_timeout`] (an idle keep-alive connection is closed
//!   after it too), and is at most
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
//!
//! An image upload (`PUT /v1/images/NAME`, [`crate::images`]) is the one
//! body not held in memory: its chunks go to a writer thread as they come,
//! [`MAX_UPLOADS`] uploads at a time, each of them ended (and nothing
//! kept) when no byte arrives for [`Limits::body_timeout`].

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response};
use mvirt_api::{ApiError, Status, StopRequest, VmSpec, IMAGE_SHA256_HEADER, MAX_STOP_TIMEOUT_S};
use mvirt_tls::role::{Role, RoleError};
use tokio::sync::Semaphore;

use crate::host;
use crate::images::Store;
use crate::vms::{refuse, Refusal, Shared};

/// Requests handled at once by default.
pub const MAX_IN_FLIGHT: usize = 64;

/// Image uploads at once; more are answered 503.
pub const MAX_UPLOADS: usize = 2;

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

pub(crate) type Reply = Response<Full<Bytes>>;

/// Who sends a request.
#[derive(Clone, Debug)]
pub enum Caller {
    /// A process on the host, through the unix socket (root's: the socket
    /// is in /run/mvirt): everything.
    Local,
    /// A client over TLS: what its certificate's role allows; a
    /// certificate with no role (or two) may do nothing.
    Remote(Result<Role, RoleError>),
}

/// Refuses a request its caller may not make (403), before anything of it
/// is done.
fn authorize(caller: &Caller, method: &Method) -> Result<(), Refusal> {
    match caller {
        Caller::Local => Ok(()),
        Caller::Remote(Err(e)) => Err(refuse(403, e.to_string())),
        Caller::Remote(Ok(role)) if role.may(method.as_str()) => Ok(()),
        Caller::Remote(Ok(role)) => Err(refuse(
            403,
            format!(
                "{method} is refused: the client certificate's role is {role}, which may only read \
                 (GET); creating, starting, stopping and deleting need an admin certificate"
            ),
        )),
    }
}

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

/// What the daemon knows of its host.
#[derive(Clone, Debug)]
pub struct HostOptions {
    /// The KVM device.
    pub kvm_dev: PathBuf,
    /// Whether `POST /v1/host/shutdown|reboot` may signal PID 1 (on an
    /// mvirt-os host; never where the daemon runs as a test).
    pub host_power: bool,
    /// Pushed images.
    pub images: Arc<Store>,
    /// Where the state is kept (see [`crate::datadisk`]).
    pub storage: mvirt_api::Storage,
    /// What the config volume set, or why none was used (see
    /// [`crate::hostconfig`]).
    pub config: String,
}

/// A VM's log from the query's offset (see [`crate::logs`]): the bytes,
/// and where to go on in `x-mvirt-next-offset`.
fn log_chunk(vmm: &Shared, name: &str, serial: bool, query: &str) -> Result<Reply, Refusal> {
    let offset = crate::logs::offset_of(query).map_err(|e| refuse(400, e))?;
    let vm = vmm.get(name)?;
    let path = if serial { &vm.serial_log } else { &vm.log };
    let c = crate::logs::chunk(Path::new(path), offset)
        .map_err(|e| refuse(500, format!("reading {path}: {e}")))?;
    let mut r = Response::new(Full::new(Bytes::from(c.data)));
    let h = r.headers_mut();
    h.insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/octet-stream"),
    );
    h.insert("x-mvirt-next-offset", c.next.into());
    if c.restarted {
        h.insert(
            "x-mvirt-restarted",
            hyper::header::HeaderValue::from_static("1"),
        );
    }
    Ok(r)
}

/// Asks PID 1 to power the host off or reboot it, a moment after the
/// answer is sent (pideins then stops this daemon, which stops the VMs).
fn host_power(opts: &HostOptions, reboot: bool) -> Result<Reply, Refusal> {
    if !opts.host_power {
        return Err(refuse(
            503,
            "this mvirt-vmm does not control its host's power (it runs without --host-power)",
        ));
    }
    let sig = if reboot { libc::SIGTERM } else { libc::SIGUSR2 };
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        // SAFETY: kill(2) with a constant pid and signal.
        if unsafe { libc::kill(1, sig) } != 0 {
            eprintln!(
                "mvirt-vmm: signalling PID 1: {}",
                std::io::Error::last_os_error()
            );
        }
    });
    let what = if reboot { "reboots" } else { "powers off" };
    Ok(ok(202, &serde_json::json!({ "host": what })))
}

fn status(vmm: &Shared, opts: &HostOptions) -> Status {
    let (vms, vms_running) = vmm.counts();
    Status {
        version: env!("CARGO_PKG_VERSION").into(),
        kvm: host::kvm(&opts.kvm_dev),
        cpus: host::cpus(),
        memory_kib: host::memory_kib(),
        cloud_hypervisor: host::cloud_hypervisor(&vmm.paths().cloud_hypervisor, vmm.ch_version()),
        network: vmm.network(),
        storage: opts.storage.clone(),
        config: opts.config.clone(),
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
pub fn handle(
    vmm: &Shared,
    opts: &HostOptions,
    method: &Method,
    (path, query): (&str, &str),
    body: &[u8],
) -> Reply {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let result = match (method, parts.as_slice()) {
        (&Method::GET, ["v1", "status"]) => Ok(ok(200, &status(vmm, opts))),
        (&Method::GET, ["v1", "vms", name, "console"]) => log_chunk(vmm, name, true, query),
        (&Method::GET, ["v1", "vms", name, "log"]) => log_chunk(vmm, name, false, query),
        (&Method::POST, ["v1", "host", "shutdown"]) => host_power(opts, false),
        (&Method::POST, ["v1", "host", "reboot"]) => host_power(opts, true),
        (&Method::GET, ["v1", "vms"]) => Ok(ok(200, &vmm.list())),
        (&Method::POST, ["v1", "vms"]) => parse::<Option<VmSpec>>(body, true)
            .and_then(|spec| spec.ok_or_else(|| refuse(400, "empty body")))
            .and_then(|spec| opts.images.resolve_spec(spec))
            .and_then(|(spec, bases)| vmm.create_from(spec, &bases))
            .map(|vm| ok(201, &vm)),
        (&Method::GET, ["v1", "images"]) => opts.images.list().map(|l| ok(200, &l)),
        (&Method::GET, ["v1", "images", name]) => opts.images.get(name).map(|i| ok(200, &i)),
        (&Method::DELETE, ["v1", "images", name]) => {
            let used = |p: &Path| vmm.uses_file(p);
            opts.images
                .delete(name, &used)
                .map(|()| json(204, Vec::new()))
        }
        (&Method::GET, ["v1", "vms", name]) => vmm.get(name).map(|vm| ok(200, &vm)),
        (&Method::DELETE, ["v1", "vms", name]) => vmm.delete(name).map(|()| {
            opts.images.collect_unused(&|p| vmm.uses_file(p));
            json(204, Vec::new())
        }),
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
pub(crate) struct Ctx {
    pub(crate) vmm: Shared,
    pub(crate) host: HostOptions,
    pub(crate) limits: Limits,
    pub(crate) in_flight: Arc<Semaphore>,
    pub(crate) uploads: Arc<Semaphore>,
}

/// Sends an upload's chunks to its writer as they arrive. Ends at the
/// body's end, when the writer stops taking them (its answer says why),
/// or with an error when the client fails or pauses too long.
async fn feed(
    mut body: Incoming,
    tx: tokio::sync::mpsc::Sender<Bytes>,
    idle: Duration,
) -> Result<(), Refusal> {
    loop {
        match tokio::time::timeout(idle, body.frame()).await {
            Err(_) => {
                return Err(refuse(
                    408,
                    format!(
                        "the upload stalled: no bytes for {}s; nothing was kept",
                        idle.as_secs_f64()
                    ),
                ))
            }
            Ok(None) => return Ok(()),
            Ok(Some(Err(e))) => {
                return Err(refuse(
                    400,
                    format!("reading the upload: {e}; nothing was kept"),
                ))
            }
            Ok(Some(Ok(frame))) => {
                if let Ok(data) = frame.into_data() {
                    if tx.send(data).await.is_err() {
                        return Ok(());
                    }
                }
            }
        }
    }
}

/// An upload refused before its body is read. A client that waits for
/// `100 Continue` (`Expect`, as `mvirt image push` and curl send) is
/// answered at once and sends no body. One that sends its body anyway has
/// up to 256 KiB of it read and dropped first (for at most a second): the
/// answer is then not lost to a connection closed with unread data.
async fn refuse_upload(body: Incoming, waits: bool, r: Refusal) -> Reply {
    if !waits {
        let drain = Limited::new(body, 256 << 10).collect();
        let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
    }
    error(r)
}

/// `PUT /v1/images/NAME`: checked before a byte is read, then streamed
/// to disk by [`Store::write`].
async fn push_image(
    ctx: &Arc<Ctx>,
    name: &str,
    headers: &hyper::HeaderMap,
    body: Incoming,
) -> Reply {
    let header = |h: &str| headers.get(h).and_then(|v| v.to_str().ok());
    let len = header("content-length").and_then(|v| v.parse::<u64>().ok());
    let waits = header("expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue"));
    let upload = match ctx
        .host
        .images
        .check_upload(name, header(IMAGE_SHA256_HEADER), len)
    {
        Ok(u) => u,
        Err(r) => return refuse_upload(body, waits, r).await,
    };
    let Ok(permit) = Arc::clone(&ctx.uploads).try_acquire_owned() else {
        let r = refuse(
            503,
            format!("{MAX_UPLOADS} image uploads are in progress; try again when one is done"),
        );
        return refuse_upload(body, waits, r).await;
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(8);
    let store = Arc::clone(&ctx.host.images);
    let writer = tokio::task::spawn_blocking(move || {
        let written = store.write(&upload, rx);
        drop(permit);
        written
    });
    let fed = feed(body, tx, ctx.limits.body_timeout).await;
    let written = writer
        .await
        .unwrap_or_else(|e| Err(refuse(500, format!("the upload failed: {e}"))));
    match (fed, written) {
        (Err(r), _) | (Ok(()), Err(r)) => error(r),
        (Ok(()), Ok(info)) => ok(201, &info),
    }
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
pub(crate) async fn serve_request(ctx: Arc<Ctx>, caller: &Caller, req: Request<Incoming>) -> Reply {
    let (head, body) = req.into_parts();
    let method = head.method.clone();
    let path = head.uri.path().to_string();
    let query = head.uri.query().unwrap_or("").to_string();
    if let Err(r) = authorize(caller, &method) {
        return error(r);
    }
    if method == Method::PUT {
        if let Some(name) = path.strip_prefix("/v1/images/") {
            return push_image(&ctx, name, &head.headers, body).await;
        }
    }
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
            let reply = handle(&ctx.vmm, &ctx.host, &method, (&path, &query), &body);
            drop(permit);
            reply
        }
    };
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| error(refuse(500, format!("the request failed: {e}"))))
}
