//! A minimal HTTP/1.1 client, over the daemon's unix socket or over TCP
//! with mutual TLS (rustls; the configuration comes from `mvirt_tls`):
//! one request per connection (`Connection: close`), body by
//! Content-Length or to the end.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Where the daemon is.
#[derive(Clone)]
pub enum Endpoint {
    /// Its unix socket, on the host.
    Unix(PathBuf),
    /// `HOST:PORT`, with mutual TLS.
    Tls {
        addr: String,
        config: Arc<rustls::ClientConfig>,
    },
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Endpoint::Unix(p) => write!(f, "{}", p.display()),
            Endpoint::Tls { addr, .. } => write!(f, "https://{addr}"),
        }
    }
}

impl From<&std::path::Path> for Endpoint {
    fn from(socket: &std::path::Path) -> Self {
        Endpoint::Unix(socket.into())
    }
}

impl From<&PathBuf> for Endpoint {
    fn from(socket: &PathBuf) -> Self {
        Endpoint::Unix(socket.clone())
    }
}

impl From<&Endpoint> for Endpoint {
    fn from(e: &Endpoint) -> Self {
        e.clone()
    }
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Endpoint({self})")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The cause is the `source` (not repeated in the message: `{:#}`
    /// printers show the chain).
    #[error("cannot connect to {endpoint} (is the daemon running?)")]
    Connect {
        endpoint: String,
        source: std::io::Error,
    },
    #[error("{endpoint}: {}", tls_hint(source))]
    Tls {
        endpoint: String,
        source: std::io::Error,
    },
    #[error("{endpoint}")]
    Io {
        endpoint: String,
        source: std::io::Error,
    },
    #[error("{endpoint}: malformed HTTP response: {detail}")]
    Malformed { endpoint: String, detail: String },
}

/// What a TLS failure means for the person at the keyboard.
fn tls_hint(e: &std::io::Error) -> &'static str {
    let text = e.to_string();
    if text.contains("CertificateRequired")
        || text.contains("UnknownCA")
        || text.contains("BadCertificate")
    {
        "the host refused this client's certificate: it must come from a CA the host trusts (its --client-ca)"
    } else if text.contains("CertificateExpired") {
        "the host refused this client's certificate: it has expired (or is not valid yet); issue a new one"
    } else if text.contains("not the one this client trusts") {
        "the host's certificate is not the one this client trusts"
    } else {
        "the TLS handshake failed"
    }
}

/// A response: status code, headers (names in lowercase) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The first value of header `name` (lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
    /// The error message of an [`crate::ApiError`] body, or the raw body.
    pub fn error_message(&self) -> String {
        serde_json::from_slice::<crate::ApiError>(&self.body)
            .map(|e| e.error)
            .unwrap_or_else(|_| String::from_utf8_lossy(&self.body).into_owned())
    }
}

fn connect_tcp(addr: &str, timeout: Duration) -> std::io::Result<TcpStream> {
    let mut last = None;
    for a in addr.to_socket_addrs()? {
        match TcpStream::connect_timeout(&a, timeout) {
            Ok(s) => return Ok(s),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other(format!("{addr} resolves to no address"))))
}

/// The name the TLS handshake sends: the host part of `HOST:PORT`. The
/// server is trusted by its fingerprint, not by this name.
fn server_name(addr: &str) -> rustls::pki_types::ServerName<'static> {
    let host = addr.rsplit_once(':').map_or(addr, |(h, _)| h);
    let host = host.trim_start_matches('[').trim_end_matches(']');
    rustls::pki_types::ServerName::try_from(host.to_string())
        .unwrap_or_else(|_| rustls::pki_types::ServerName::try_from("mvirt").expect("a valid name"))
}

/// A server that refuses the client's certificate says why in an alert,
/// after the client's side of the handshake is done: a write then fails
/// (the connection is closed) before the alert is read. Reading it gives
/// the reason instead of "broken pipe".
fn tls_cause(
    tls: &mut rustls::StreamOwned<rustls::ClientConnection, TcpStream>,
    e: std::io::Error,
) -> std::io::Error {
    if e.kind() == std::io::ErrorKind::InvalidData {
        return e;
    }
    let mut byte = [0u8; 1];
    match tls.read(&mut byte) {
        Err(alert) if alert.kind() == std::io::ErrorKind::InvalidData => alert,
        _ => e,
    }
}

/// What a request carries.
pub enum Body<'a> {
    /// JSON (possibly empty).
    Json(&'a [u8]),
    /// `len` bytes read from `from` (an image upload), sent as they are
    /// read; `progress` is told the bytes sent so far, every chunk.
    Stream {
        from: &'a mut dyn Read,
        len: u64,
        content_type: &'a str,
        progress: &'a mut dyn FnMut(u64),
    },
}

impl Body<'_> {
    fn len(&self) -> u64 {
        match self {
            Body::Json(b) => b.len() as u64,
            Body::Stream { len, .. } => *len,
        }
    }
    fn content_type(&self) -> &str {
        match self {
            Body::Json(_) => "application/json",
            Body::Stream { content_type, .. } => content_type,
        }
    }
}

/// A failed read of the body's source, told apart from a failed write to
/// the daemon.
#[derive(Debug, thiserror::Error)]
#[error("reading what is sent")]
struct SourceError(#[source] std::io::Error);

/// Sends the body: a stream in chunks, no more and no less than its length.
fn send_body(stream: &mut impl Write, body: &mut Body<'_>) -> std::io::Result<()> {
    match body {
        Body::Json(b) => stream.write_all(b),
        Body::Stream {
            from,
            len,
            progress,
            ..
        } => {
            let mut buf = vec![0u8; 256 << 10];
            let mut sent = 0u64;
            while sent < *len {
                let want = usize::try_from(*len - sent).map_or(buf.len(), |r| r.min(buf.len()));
                let n = match from.read(&mut buf[..want]) {
                    Ok(0) => {
                        return Err(std::io::Error::other(SourceError(std::io::Error::new(
                            std::io::ErrorKind::UnexpectedEof,
                            format!("the source ended after {sent} of {len} bytes"),
                        ))))
                    }
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(std::io::Error::other(SourceError(e))),
                };
                stream.write_all(&buf[..n])?;
                sent += n as u64;
                progress(sent);
            }
            Ok(())
        }
    }
}

/// Reads a response's head, up to and including its empty line (at most
/// 16 KiB), a byte at a time: what follows is not consumed.
fn read_head(stream: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() >= 16 << 10 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "a response head longer than 16 KiB",
            ));
        }
        if stream.read(&mut byte)? == 0 {
            break;
        }
        head.push(byte[0]);
    }
    Ok(head)
}

/// Writes the request and reads the whole answer. A daemon that refuses a
/// request before its body is all there (too large, no space, a reader's
/// upload) answers and closes: a failed write is followed by a read of
/// that answer, which is what the caller wants to see.
fn exchange(
    stream: &mut (impl Read + Write),
    head: &[u8],
    body: &mut Body<'_>,
) -> std::io::Result<Vec<u8>> {
    let mut raw = Vec::new();
    if matches!(body, Body::Stream { .. }) {
        // The head says `Expect: 100-continue`: the body goes only after
        // the daemon's `100 Continue`; a refusal comes instead of it.
        stream.write_all(head)?;
        stream.flush()?;
        let interim = read_head(stream)?;
        if !interim.starts_with(b"HTTP/1.1 100") {
            raw = interim;
            stream.read_to_end(&mut raw)?;
            return Ok(raw);
        }
    }
    let sent = if matches!(body, Body::Stream { .. }) {
        Ok(())
    } else {
        stream.write_all(head)
    }
    .and_then(|()| send_body(stream, body))
    .and_then(|()| stream.flush());
    match sent {
        Ok(()) => {
            stream.read_to_end(&mut raw)?;
            Ok(raw)
        }
        Err(e) if e.get_ref().is_some_and(|i| i.is::<SourceError>()) => Err(e),
        Err(e) => match stream.read_to_end(&mut raw) {
            Ok(_) if raw.starts_with(b"HTTP/1.") => Ok(raw),
            _ => Err(e),
        },
    }
}

/// Sends one request. `body` is sent as JSON when given.
pub fn request(
    endpoint: impl Into<Endpoint>,
    method: &str,
    path: &str,
    body: Option<&[u8]>,
    timeout: Duration,
) -> Result<Response, ClientError> {
    send(
        endpoint,
        method,
        path,
        &[],
        Body::Json(body.unwrap_or(b"")),
        timeout,
    )
}

/// Sends one request with extra `headers` and a body of any kind;
/// `timeout` applies to each read and write, not to the whole request.
pub fn send(
    endpoint: impl Into<Endpoint>,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    mut body: Body<'_>,
    timeout: Duration,
) -> Result<Response, ClientError> {
    let endpoint = endpoint.into();
    let name = endpoint.to_string();
    let io = |source| ClientError::Io {
        endpoint: name.clone(),
        source,
    };
    let connect = |source| ClientError::Connect {
        endpoint: name.clone(),
        source,
    };
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.content_type(),
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if matches!(body, Body::Stream { .. }) {
        head.push_str("Expect: 100-continue\r\n");
    }
    head.push_str("\r\n");
    let head = head.as_bytes();
    let raw = match &endpoint {
        Endpoint::Unix(socket) => {
            let mut stream = UnixStream::connect(socket).map_err(connect)?;
            stream.set_read_timeout(Some(timeout)).map_err(io)?;
            stream.set_write_timeout(Some(timeout)).map_err(io)?;
            exchange(&mut stream, head, &mut body).map_err(io)?
        }
        Endpoint::Tls { addr, config } => {
            let tcp = connect_tcp(addr, timeout).map_err(connect)?;
            tcp.set_read_timeout(Some(timeout)).map_err(io)?;
            tcp.set_write_timeout(Some(timeout)).map_err(io)?;
            let conn = rustls::ClientConnection::new(Arc::clone(config), server_name(addr))
                .map_err(|e| io(std::io::Error::other(e)))?;
            let mut tls = rustls::StreamOwned::new(conn, tcp);
            exchange(&mut tls, head, &mut body)
                .map_err(|e| tls_cause(&mut tls, e))
                .map_err(|source| {
                    if source.kind() == std::io::ErrorKind::InvalidData {
                        ClientError::Tls {
                            endpoint: name.clone(),
                            source,
                        }
                    } else {
                        io(source)
                    }
                })?
        }
    };
    parse_response(&raw).map_err(|detail| ClientError::Malformed {
        endpoint: name.clone(),
        detail,
    })
}

fn parse_response(raw: &[u8]) -> Result<Response, String> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no end of headers")?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|_| "headers are not UTF-8")?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or("empty response")?;
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let mut body = raw[end + 4..].to_vec();
    let mut headers = Vec::new();
    for line in lines {
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            if k.eq_ignore_ascii_case("content-length") {
                let len: usize = v.trim().parse().map_err(|_| "bad Content-Length")?;
                if body.len() < len {
                    return Err(format!(
                        "body is {} bytes, Content-Length {len}",
                        body.len()
                    ));
                }
                body.truncate(len);
            }
        }
    }
    Ok(Response {
        status,
        headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_their_cause_once() {
        let e = request(
            Endpoint::Unix("/nonexistent/x.sock".into()),
            "GET",
            "/",
            None,
            Duration::from_secs(1),
        )
        .unwrap_err();
        let top = e.to_string();
        let cause = std::error::Error::source(&e).unwrap().to_string();
        assert!(
            top.contains("cannot connect to /nonexistent/x.sock"),
            "{top}"
        );
        assert!(!top.contains(&cause), "{top:?} repeats its cause {cause:?}");
    }

    #[test]
    fn parses_status_and_body() {
        let r = parse_response(b"HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nhello-extra")
            .unwrap();
        assert_eq!(r.status, 404);
        assert_eq!(r.body, b"hello");
        assert!(!r.ok());
        let r = parse_response(b"HTTP/1.1 204 No Content\r\n\r\n").unwrap();
        assert!(r.ok());
        assert!(parse_response(b"garbage").is_err());
    }
}
