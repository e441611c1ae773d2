//! A pinned file's shared source: the content-addressable store (CAS) of a
//! Remote Execution API cache (docs/cache.md), read and written by sha256
//! and size through the ByteStream service, the way buck2 and Bazel move
//! blobs. A team's cache server is so also its mirror of every pinned file.
//!
//! The blob is data from the network like a download: the caller hashes
//! what it writes and commits nothing that is not the pin's. Here, every
//! wait is bounded (connect, each message), a blob longer than its size is
//! cut off, and no TLS is spoken yet: `grpc://` (or `http://`) only.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use http::uri::{PathAndQuery, Uri};
use hyper::client::conn::http2::SendRequest;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tonic::body::Body;
use tonic::client::Grpc;
use tonic_prost::ProstCodec;

/// A blob's name in the CAS (build.bazel.remote.execution.v2.Digest).
#[derive(Clone, PartialEq, prost::Message)]
pub struct Digest {
    #[prost(string, tag = "1")]
    pub hash: String,
    #[prost(int64, tag = "2")]
    pub size_bytes: i64,
}

/// google.bytestream.ReadRequest.
#[derive(Clone, PartialEq, prost::Message)]
struct ReadRequest {
    #[prost(string, tag = "1")]
    resource_name: String,
    #[prost(int64, tag = "2")]
    read_offset: i64,
    #[prost(int64, tag = "3")]
    read_limit: i64,
}

/// google.bytestream.ReadResponse.
#[derive(Clone, PartialEq, prost::Message)]
struct ReadResponse {
    #[prost(bytes = "vec", tag = "10")]
    data: Vec<u8>,
}

/// google.bytestream.WriteRequest.
#[derive(Clone, PartialEq, prost::Message)]
struct WriteRequest {
    #[prost(string, tag = "1")]
    resource_name: String,
    #[prost(int64, tag = "2")]
    write_offset: i64,
    #[prost(bool, tag = "3")]
    finish_write: bool,
    #[prost(bytes = "vec", tag = "10")]
    data: Vec<u8>,
}

/// google.bytestream.WriteResponse.
#[derive(Clone, PartialEq, prost::Message)]
struct WriteResponse {
    #[prost(int64, tag = "1")]
    committed_size: i64,
}

/// build.bazel.remote.execution.v2.FindMissingBlobsRequest.
#[derive(Clone, PartialEq, prost::Message)]
struct FindMissingBlobsRequest {
    #[prost(string, tag = "1")]
    instance_name: String,
    #[prost(message, repeated, tag = "2")]
    blob_digests: Vec<Digest>,
}

/// build.bazel.remote.execution.v2.FindMissingBlobsResponse.
#[derive(Clone, PartialEq, prost::Message)]
struct FindMissingBlobsResponse {
    #[prost(message, repeated, tag = "2")]
    missing_blob_digests: Vec<Digest>,
}

const READ: &str = "/google.bytestream.ByteStream/Read";
const WRITE: &str = "/google.bytestream.ByteStream/Write";
const FIND_MISSING: &str =
    "/build.bazel.remote.execution.v2.ContentAddressableStorage/FindMissingBlobs";

/// The chunk size of an upload (servers take messages of up to 4 MiB).
const CHUNK: usize = 1 << 20;

/// Why the CAS did not give (or take) a blob.
#[derive(Debug, thiserror::Error)]
pub enum CasError {
    #[error("{0}")]
    Endpoint(String),
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    #[error("it does not hold the blob")]
    NotFound,
    #[error("{0}")]
    Status(String),
    #[error("it sent more than the pinned {0} bytes")]
    TooLong(u64),
    #[error("it sent bytes with sha256 {0}, not the ones asked for (discarded): the cache holds a corrupt blob; remove it there, or seed it again")]
    Corrupt(String),
    #[error("it sent {got} bytes, not the pinned {size}")]
    Short { got: u64, size: u64 },
    /// The caller's sink failed (writing the output); kept whole.
    #[error("writing what it sent")]
    Sink(#[source] io::Error),
    #[error("reading the file to upload")]
    Source(#[source] io::Error),
}

/// A CAS endpoint: `grpc://HOST:PORT` (or `http://`), and an instance name.
#[derive(Clone, Debug)]
pub struct Cas {
    origin: Uri,
    authority: String,
    instance: String,
    /// The bound on connecting and on each message.
    pub timeout: Duration,
}

impl Cas {
    /// Checks the endpoint: plain gRPC to a host and port, nothing more (no
    /// path, user or query). TLS endpoints are refused, not downgraded.
    pub fn new(endpoint: &str, instance: &str) -> Result<Cas, CasError> {
        let bad = |why: &str| CasError::Endpoint(format!("the CAS endpoint {endpoint:?} {why}"));
        let rest = ["grpc://", "http://"]
            .iter()
            .find_map(|scheme| endpoint.strip_prefix(scheme))
            .ok_or_else(|| {
                if endpoint.starts_with("grpcs://") || endpoint.starts_with("https://") {
                    bad("uses TLS, which mvirt-fetch does not speak yet: reach the cache over grpc:// (a local port or a tunnel)")
                } else {
                    bad("must be grpc://HOST:PORT")
                }
            })?;
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        let plain = |c: char| c.is_ascii_alphanumeric() || "-.:[]".contains(c);
        if authority.is_empty() || !authority.chars().all(plain) || !authority.contains(':') {
            return Err(bad(
                "must be grpc://HOST:PORT (a host and a port, nothing else)",
            ));
        }
        if instance.len() > 200 || instance.chars().any(|c| c.is_control() || c == ' ') {
            return Err(bad(
                "has an instance name with spaces or control characters",
            ));
        }
        let origin = format!("http://{authority}")
            .parse()
            .map_err(|_| bad("is not a valid address"))?;
        Ok(Cas {
            origin,
            authority: authority.into(),
            instance: instance.into(),
            timeout: Duration::from_secs(30),
        })
    }

    /// `grpc://HOST:PORT`, for messages.
    pub fn endpoint(&self) -> String {
        format!("grpc://{}", self.authority)
    }

    fn resource(&self, tail: String) -> String {
        match self.instance.as_str() {
            "" => tail,
            instance => format!("{instance}/{tail}"),
        }
    }

    /// Reads the blob `sha256`/`size` into `sink`, chunk by chunk. At most
    /// `size` bytes reach the sink; fewer is an error too. Checking the
    /// content is the caller's: the sink sees every byte.
    pub fn read(
        &self,
        sha256: &str,
        size: u64,
        sink: &mut dyn FnMut(&[u8]) -> io::Result<()>,
    ) -> Result<(), CasError> {
        let name = self.resource(format!("blobs/{sha256}/{size}"));
        self.run(async {
            let mut grpc = self.connect().await?;
            let request = ReadRequest {
                resource_name: name,
                read_offset: 0,
                read_limit: 0,
            };
            let path = PathAndQuery::from_static(READ);
            let call = grpc.server_streaming(
                tonic::Request::new(request),
                path,
                codec::<_, ReadResponse>(),
            );
            let mut stream = self.bounded(call).await?.map_err(status)?.into_inner();
            let mut got = 0u64;
            while let Some(message) = self.bounded(stream.message()).await?.map_err(status)? {
                let data = message.data;
                got += data.len() as u64;
                if got > size {
                    return Err(CasError::TooLong(size));
                }
                sink(&data).map_err(CasError::Sink)?;
            }
            if got != size {
                return Err(CasError::Short { got, size });
            }
            Ok(())
        })
    }

    /// Whether the CAS holds the blob.
    pub fn contains(&self, sha256: &str, size: u64) -> Result<bool, CasError> {
        let request = FindMissingBlobsRequest {
            instance_name: self.instance.clone(),
            blob_digests: vec![digest(sha256, size)],
        };
        self.run(async {
            let mut grpc = self.connect().await?;
            let path = PathAndQuery::from_static(FIND_MISSING);
            let call = grpc.unary(
                tonic::Request::new(request),
                path,
                codec::<_, FindMissingBlobsResponse>(),
            );
            let response = self.bounded(call).await?.map_err(status)?.into_inner();
            Ok(response.missing_blob_digests.is_empty())
        })
    }

    /// Uploads `size` bytes from `src` as the blob `sha256` (which the
    /// caller has checked they are).
    pub fn write(
        &self,
        src: impl io::Read + Send + 'static,
        sha256: &str,
        size: u64,
    ) -> Result<(), CasError> {
        let name = self.resource(format!("uploads/{}/blobs/{sha256}/{size}", upload_id()));
        let (chunks, failed) = Chunks::new(src, name);
        let result = self.run(async {
            let mut grpc = self.connect().await?;
            let path = PathAndQuery::from_static(WRITE);
            let stream = tokio_stream::iter(chunks);
            // An upload takes as long as it takes: only connecting is bounded.
            let call = grpc.client_streaming(
                tonic::Request::new(stream),
                path,
                codec::<_, WriteResponse>(),
            );
            let response = call.await.map_err(status)?.into_inner();
            let committed = u64::try_from(response.committed_size).unwrap_or(0);
            if committed != size {
                return Err(CasError::Status(format!(
                    "it committed {committed} of {size} bytes"
                )));
            }
            Ok(())
        });
        match failed.lock().ok().and_then(|mut e| e.take()) {
            Some(e) => Err(CasError::Source(e)),
            None => result,
        }
    }

    /// Runs `work` on a small runtime of its own (the tool is synchronous).
    fn run<T>(&self, work: impl Future<Output = Result<T, CasError>>) -> Result<T, CasError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| CasError::Connect(format!("cannot start an I/O runtime: {e}")))?;
        runtime.block_on(work)
    }

    async fn bounded<T>(&self, work: impl Future<Output = T>) -> Result<T, CasError> {
        tokio::time::timeout(self.timeout, work)
            .await
            .map_err(|_| CasError::Timeout(self.timeout))
    }

    async fn connect(&self) -> Result<Grpc<H2>, CasError> {
        let tcp = self
            .bounded(tokio::net::TcpStream::connect(self.authority.as_str()))
            .await?
            .map_err(|e| CasError::Connect(e.to_string()))?;
        let _ = tcp.set_nodelay(true);
        let handshake =
            hyper::client::conn::http2::handshake(TokioExecutor::new(), TokioIo::new(tcp));
        let (send, connection) = self
            .bounded(handshake)
            .await?
            .map_err(|e| CasError::Connect(e.to_string()))?;
        tokio::spawn(connection);
        let mut grpc = Grpc::with_origin(H2(send), self.origin.clone());
        self.bounded(grpc.ready())
            .await?
            .map_err(|e| CasError::Connect(e.to_string()))?;
        Ok(grpc)
    }
}

fn codec<T, U>() -> ProstCodec<T, U> {
    ProstCodec::default()
}

fn digest(sha256: &str, size: u64) -> Digest {
    Digest {
        hash: sha256.into(),
        size_bytes: i64::try_from(size).unwrap_or(i64::MAX),
    }
}

fn status(status: tonic::Status) -> CasError {
    match status.code() {
        tonic::Code::NotFound => CasError::NotFound,
        code => CasError::Status(format!("{code:?}: {}", status.message())),
    }
}

/// A fresh name for one upload (REAPI asks for a UUID): 16 random bytes
/// in the UUID's 8-4-4-4-12 shape.
fn upload_id() -> String {
    let mut bytes = [0u8; 16];
    let mut filled = 0;
    while filled < bytes.len() {
        match rustix::rand::getrandom(&mut bytes[filled..], rustix::rand::GetRandomFlags::empty()) {
            Ok(n) => filled += n,
            Err(_) => break,
        }
    }
    let hex = crate::hex(&bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// An upload's requests: the file in [`CHUNK`]s, the first naming the
/// resource, the last finishing the write. A read error ends the stream
/// early (so the server never sees a finished write) and is kept for the
/// caller.
struct Chunks<R> {
    src: R,
    name: String,
    offset: i64,
    done: bool,
    failed: Failed,
}

type Failed = std::sync::Arc<std::sync::Mutex<Option<io::Error>>>;

impl<R: io::Read> Chunks<R> {
    fn new(src: R, name: String) -> (Chunks<R>, Failed) {
        let failed = Failed::default();
        let chunks = Chunks {
            src,
            name,
            offset: 0,
            done: false,
            failed: failed.clone(),
        };
        (chunks, failed)
    }

    /// Fills up to one chunk (short only at the end of the file).
    fn fill(&mut self) -> io::Result<Vec<u8>> {
        let mut data = vec![0u8; CHUNK];
        let mut len = 0;
        while len < CHUNK {
            match self.src.read(&mut data[len..]) {
                Ok(0) => break,
                Ok(n) => len += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        data.truncate(len);
        Ok(data)
    }
}

impl<R: io::Read> Iterator for Chunks<R> {
    type Item = WriteRequest;

    fn next(&mut self) -> Option<WriteRequest> {
        if self.done {
            return None;
        }
        let data = match self.fill() {
            Ok(data) => data,
            Err(e) => {
                self.done = true;
                if let Ok(mut slot) = self.failed.lock() {
                    *slot = Some(e);
                }
                return None;
            }
        };
        let finish = data.len() < CHUNK;
        self.done = finish;
        let request = WriteRequest {
            resource_name: if self.offset == 0 {
                std::mem::take(&mut self.name)
            } else {
                String::new()
            },
            write_offset: self.offset,
            finish_write: finish,
            data,
        };
        self.offset += request.data.len() as i64;
        Some(request)
    }
}

/// hyper's HTTP/2 connection as the service tonic's client drives.
struct H2(SendRequest<Body>);

impl tower_service::Service<http::Request<Body>> for H2 {
    type Response = http::Response<hyper::body::Incoming>;
    type Error = hyper::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, hyper::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), hyper::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        Box::pin(self.0.send_request(request))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_plain_grpc_to_a_host_and_port() {
        for ok in [
            "grpc://127.0.0.1:50051",
            "http://cache.example:8980/",
            "grpc://[::1]:50051",
        ] {
            assert!(Cas::new(ok, "").is_ok(), "{ok}");
        }
        let bad = [
            ("grpcs://cache:443", "TLS"),
            ("https://cache:443", "TLS"),
            ("grpc://cache", "HOST:PORT"),
            ("grpc://user@cache:1", "HOST:PORT"),
            ("grpc://cache:1/x", "HOST:PORT"),
            ("grpc://cache:1?q", "HOST:PORT"),
            ("-x", "grpc://HOST:PORT"),
            ("file:///tmp/x", "grpc://HOST:PORT"),
            ("grpc://", "HOST:PORT"),
        ];
        for (endpoint, why) in bad {
            let err = Cas::new(endpoint, "").unwrap_err().to_string();
            assert!(err.contains(why), "{endpoint}: {err}");
        }
        assert!(Cas::new("grpc://a:1", "main\nx").is_err());
    }

    #[test]
    fn resources_carry_the_instance() {
        let cas = Cas::new("grpc://a:1", "").unwrap();
        assert_eq!(cas.resource("blobs/x/1".into()), "blobs/x/1");
        let cas = Cas::new("grpc://a:1", "main").unwrap();
        assert_eq!(cas.resource("blobs/x/1".into()), "main/blobs/x/1");
        let id = upload_id();
        assert_eq!(id.len(), 36);
        assert_ne!(id, upload_id());
    }

    #[test]
    fn chunks_name_the_resource_once_and_finish_at_the_end() {
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK] {
            let (chunks, failed) = Chunks::new(io::Cursor::new(vec![7u8; len]), "r".into());
            let all: Vec<WriteRequest> = chunks.collect();
            assert!(failed.lock().unwrap().is_none());
            assert_eq!(all.iter().map(|c| c.data.len()).sum::<usize>(), len);
            assert_eq!(all[0].resource_name, "r");
            assert!(all[1..].iter().all(|c| c.resource_name.is_empty()));
            assert_eq!(all.iter().filter(|c| c.finish_write).count(), 1, "{len}");
            assert!(all.last().unwrap().finish_write);
        }
    }

    #[test]
    fn a_read_error_never_finishes_the_write() {
        struct Broken(usize);
        impl io::Read for Broken {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0 == 0 {
                    return Err(io::Error::other("disk gone"));
                }
                let n = buf.len().min(self.0);
                self.0 -= n;
                Ok(n)
            }
        }
        let (chunks, failed) = Chunks::new(Broken(CHUNK + 5), "r".into());
        let all: Vec<WriteRequest> = chunks.collect();
        assert!(all.iter().all(|c| !c.finish_write));
        assert!(failed.lock().unwrap().is_some());
    }

    #[test]
    fn nothing_listens_is_an_error_not_a_hang() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let cas = Cas::new(&format!("grpc://127.0.0.1:{port}"), "").unwrap();
        let err = cas.read(&"0".repeat(64), 1, &mut |_| Ok(())).unwrap_err();
        assert!(matches!(err, CasError::Connect(_)), "{err:?}");
    }

    #[test]
    fn a_silent_server_times_out() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let mut cas = Cas::new(&format!("grpc://127.0.0.1:{port}"), "").unwrap();
        cas.timeout = Duration::from_millis(300);
        let err = cas.contains(&"0".repeat(64), 1).unwrap_err();
        assert!(matches!(err, CasError::Timeout(_)), "{err:?}");
        drop(listener);
    }
}
