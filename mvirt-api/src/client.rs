//! A minimal HTTP/1.1 client over a unix socket: one request per
//! connection (`Connection: close`), body by Content-Length or to EOF.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The cause is the `source` (not repeated in the message: `{:#}`
    /// printers show the chain).
    #[error("cannot connect to {socket} (is the daemon running?)")]
    Connect {
        socket: PathBuf,
        source: std::io::Error,
    },
    #[error("{socket}")]
    Io {
        socket: PathBuf,
        source: std::io::Error,
    },
    #[error("{socket}: malformed HTTP response: {detail}")]
    Malformed { socket: PathBuf, detail: String },
}

/// A response: status code and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Response {
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

/// Sends one request. `body` is sent as JSON when given.
pub fn request(
    socket: &Path,
    method: &str,
    path: &str,
    body: Option<&[u8]>,
    timeout: Duration,
) -> Result<Response, ClientError> {
    let io = |source| ClientError::Io {
        socket: socket.into(),
        source,
    };
    let mut stream = UnixStream::connect(socket).map_err(|source| ClientError::Connect {
        socket: socket.into(),
        source,
    })?;
    stream.set_read_timeout(Some(timeout)).map_err(io)?;
    stream.set_write_timeout(Some(timeout)).map_err(io)?;
    let body = body.unwrap_or(b"");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).map_err(io)?;
    stream.write_all(body).map_err(io)?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(io)?;
    parse_response(&raw).map_err(|detail| ClientError::Malformed {
        socket: socket.into(),
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
    for line in lines {
        if let Some((k, v)) = line.split_once(':') {
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
    Ok(Response { status, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_their_cause_once() {
        let e = request(
            Path::new("/nonexistent/x.sock"),
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
