//! Where the API is served: a unix socket (the host's own `mvirt`) and,
//! when configured, a TCP address with mutual TLS (operators).
//!
//! Both share one accept loop: a connection takes a slot of
//! [`Limits::max_connections`] before anything else (one beyond is closed
//! at once); accept errors (EMFILE...) are logged and retried with backoff.
//! A TLS connection must finish its handshake within
//! [`Limits::header_timeout`]; a client without a certificate from a
//! configured CA fails the handshake and never reaches the API code.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, UnixListener};
use tokio::sync::Semaphore;

use crate::server::{serve_request, Caller, Ctx, HostOptions, Limits};
use crate::vms::Shared;

/// One place the API is served.
#[derive(Clone)]
pub enum Listen {
    Unix(PathBuf),
    /// TCP with mutual TLS (mvirt_tls::server_config).
    Tls {
        addr: SocketAddr,
        config: Arc<rustls::ServerConfig>,
    },
}

impl std::fmt::Display for Listen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Listen::Unix(p) => write!(f, "{}", p.display()),
            Listen::Tls { addr, .. } => write!(f, "https://{addr} (mutual TLS)"),
        }
    }
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

/// Logs the 1st, 2nd, 4th, 8th... of a kind of event, so a flood of them
/// costs a few lines.
fn log_sparsely(count: &mut u64, message: impl FnOnce(u64) -> String) {
    *count += 1;
    if count.is_power_of_two() {
        eprintln!("mvirt-vmm: {}", message(*count));
    }
}

/// Serves HTTP/1.1 on one connection until it ends.
async fn serve_http<S>(ctx: Arc<Ctx>, caller: Caller, stream: S)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let http = http1(&ctx.limits);
    let caller = Arc::new(caller);
    let service = hyper::service::service_fn(move |req| {
        let (ctx, caller) = (Arc::clone(&ctx), Arc::clone(&caller));
        async move { Ok::<_, std::convert::Infallible>(serve_request(ctx, &caller, req).await) }
    });
    // A client that breaks its connection ends only its own.
    let _ = http.serve_connection(TokioIo::new(stream), service).await;
}

/// The TLS handshake, bounded in time; then the caller is the role of the
/// client certificate (which the handshake checked against the CAs).
async fn serve_tls(
    ctx: Arc<Ctx>,
    acceptor: tokio_rustls::TlsAcceptor,
    tcp: tokio::net::TcpStream,
    peer: SocketAddr,
    failures: Arc<std::sync::Mutex<u64>>,
) {
    let accept = acceptor.accept(tcp).into_fallible();
    let handshake = tokio::time::timeout(ctx.limits.header_timeout, accept).await;
    let tls = match handshake {
        Ok(Ok(tls)) => tls,
        Ok(Err((e, tcp))) => {
            {
                let mut n = failures.lock().unwrap_or_else(|p| p.into_inner());
                log_sparsely(&mut n, |k| {
                    format!("TLS handshake with {peer}: {e} ({k} so far)")
                });
            }
            return linger(tcp).await;
        }
        Err(_) => {
            let mut n = failures.lock().unwrap_or_else(|p| p.into_inner());
            return log_sparsely(&mut n, |k| {
                format!("TLS handshake with {peer}: not done in time ({k} so far)")
            });
        }
    };
    let role = match tls.get_ref().1.peer_certificates() {
        Some([leaf, ..]) => mvirt_tls::role_of(leaf.as_ref()),
        // The verifier requires one; never without.
        _ => Err(mvirt_tls::role::RoleError::None),
    };
    serve_http(ctx, Caller::Remote(role), tls).await;
}

/// Closes a connection whose handshake failed so that the client reads the
/// alert saying why. In TLS 1.3 a client sends its request right after its
/// Finished, before the server has judged its certificate; closing with
/// that request unread makes the kernel answer with a reset, which can
/// destroy the alert before the client reads it ("broken pipe" instead of
/// "certificate unknown"). So: FIN after the alert, then read and drop what
/// the client sent, for at most a second and 64 KiB.
async fn linger(tcp: tokio::net::TcpStream) {
    let _ = rustix::net::shutdown(&tcp, rustix::net::Shutdown::Write);
    let drain = async {
        let mut buf = [0u8; 4096];
        let mut left = 64 * 1024usize;
        while left > 0 && tcp.readable().await.is_ok() {
            match tcp.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => left = left.saturating_sub(n),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(_) => break,
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
}

/// A bound listener.
enum Bound {
    Unix(UnixListener),
    Tls(TcpListener, tokio_rustls::TlsAcceptor),
}

impl Bound {
    /// The next connection, as a task that serves it.
    async fn accept(
        &self,
        ctx: &Arc<Ctx>,
        tls_failures: &Arc<std::sync::Mutex<u64>>,
    ) -> std::io::Result<ConnTask> {
        let ctx = Arc::clone(ctx);
        Ok(match self {
            Bound::Unix(l) => {
                let (stream, _) = l.accept().await?;
                Box::pin(serve_http(ctx, Caller::Local, stream))
            }
            Bound::Tls(l, acceptor) => {
                let (tcp, peer) = l.accept().await?;
                let _ = tcp.set_nodelay(true);
                Box::pin(serve_tls(
                    ctx,
                    acceptor.clone(),
                    tcp,
                    peer,
                    Arc::clone(tls_failures),
                ))
            }
        })
    }
}

type ConnTask = std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>;

/// Accepts connections forever; each is served on its own task, holding
/// one of `conns`' permits.
async fn accept_loop(listener: Bound, ctx: Arc<Ctx>, conns: Arc<Semaphore>) {
    let tls_failures = Arc::new(std::sync::Mutex::new(0u64));
    let (mut errors, mut refused) = (0u32, 0u64);
    loop {
        let task = match listener.accept(&ctx, &tls_failures).await {
            Ok(task) => task,
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
            let max = ctx.limits.max_connections;
            log_sparsely(&mut refused, |n| {
                format!("{max} connections open; closed a new one ({n} so far)")
            });
            continue;
        };
        tokio::spawn(async move {
            task.await;
            drop(permit);
        });
    }
}

/// Binds `socket`: a leftover socket file nobody listens on is replaced;
/// a live one, or anything else there (a regular file, a directory, a
/// link), is refused.
fn bind_unix(socket: &Path) -> std::io::Result<UnixListener> {
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

fn bind(listen: &Listen) -> std::io::Result<Bound> {
    let with = |e: std::io::Error| std::io::Error::new(e.kind(), format!("{listen}: {e}"));
    Ok(match listen {
        Listen::Unix(socket) => Bound::Unix(bind_unix(socket).map_err(with)?),
        Listen::Tls { addr, config } => {
            let std = std::net::TcpListener::bind(addr).map_err(with)?;
            std.set_nonblocking(true).map_err(with)?;
            let acceptor = tokio_rustls::TlsAcceptor::from(Arc::clone(config));
            Bound::Tls(TcpListener::from_std(std).map_err(with)?, acceptor)
        }
    })
}

/// Serves the API on every place of `listen` until the process ends.
/// Returns only when one cannot be bound or the runtime cannot be made;
/// `on_bound` is told each local address once it is (port 0 → the real one).
pub fn serve(
    vmm: Shared,
    listen: &[Listen],
    host: HostOptions,
    limits: Limits,
    on_bound: &dyn Fn(&Listen, Option<SocketAddr>),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(limits.max_in_flight + 16)
        .thread_name("mvirt-api")
        .enable_all()
        .build()?;
    let conns = Arc::new(Semaphore::new(limits.max_connections));
    let ctx = Arc::new(Ctx {
        vmm,
        host,
        in_flight: Arc::new(Semaphore::new(limits.max_in_flight)),
        uploads: Arc::new(Semaphore::new(crate::server::MAX_UPLOADS)),
        limits,
    });
    runtime.block_on(async move {
        let mut loops = Vec::new();
        for l in listen {
            let bound = bind(l)?;
            let local = match &bound {
                Bound::Tls(t, _) => t.local_addr().ok(),
                Bound::Unix(_) => None,
            };
            on_bound(l, local);
            loops.push(tokio::spawn(accept_loop(
                bound,
                Arc::clone(&ctx),
                Arc::clone(&conns),
            )));
        }
        for l in loops {
            let _ = l.await;
        }
        Ok(())
    })
}
