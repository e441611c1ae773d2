//! Pushed images: kernels, initramfs and firmware that operators send over
//! the API (`mvirt image push`), for VMs to boot (`image:NAME` in a spec).
//!
//! The store is content-addressed: `DIR/blobs/sha256-HEX` holds the bytes,
//! `DIR/names/NAME` is a symlink to `../blobs/sha256-HEX`. An upload is
//! written to a temporary file beside the blobs, hashed as it arrives, and
//! kept only if it has the length and sha256 the request declared (then
//! flushed to disk and renamed: [`mvirt_atomic::Output`]); the name is then
//! pointed at it by renaming a new symlink over the old one. A crash, a
//! full disk, a stalled or cut upload leaves the store as it was: never a
//! partial image under a name.
//!
//! A VM spec's `image:NAME` is resolved when the VM is created, to the
//! blob's path: pushing the name again does not change a VM defined
//! before, and deleting a name keeps the blobs VMs still use.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use hyper::body::Bytes;
use mvirt_api::{ImageInfo, VmSpec, IMAGE_REF_PREFIX, IMAGE_SHA256_HEADER};
use sha2::{Digest, Sha256};

use crate::vms::{refuse, Refusal};

/// The largest image accepted by default (`--max-image-size`).
pub const DEFAULT_MAX_SIZE: u64 = 8 << 30;

/// The image store of a daemon.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    max_size: u64,
    /// Held while names change and blobs are collected, so that a blob
    /// just written is linked before a collection can see it unused.
    names_lock: Mutex<()>,
}

/// An upload whose request passed the checks: what it must turn out to be.
#[derive(Debug)]
pub struct Upload {
    name: String,
    sha256: String,
    len: u64,
}

/// 1-64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or
/// digit (so never "." or "..", and one path component).
pub fn valid_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'-')
        })
}

fn bad_name(name: &str) -> Refusal {
    refuse(
        400,
        format!(
            "bad image name {name:?}: 1-64 characters of a-z, 0-9, '.', '_' and '-', \
             starting with a letter or digit"
        ),
    )
}

fn valid_sha256(hex: &str) -> bool {
    hex.len() == 64 && hex.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
}

/// What an I/O error of the store means for the operator.
fn store_error(dir: &Path, e: std::io::Error) -> Refusal {
    let dir = dir.display();
    match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => refuse(
            507,
            format!("the image store {dir} is full ({e}); nothing was kept"),
        ),
        ErrorKind::ReadOnlyFilesystem => refuse(
            507,
            format!("the image store {dir} is read-only ({e}); nothing was kept"),
        ),
        _ => refuse(500, format!("the image store {dir}: {e}; nothing was kept")),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    pub fn new(root: impl Into<PathBuf>, max_size: u64) -> Store {
        Store {
            root: root.into(),
            max_size,
            names_lock: Mutex::new(()),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn blobs(&self) -> PathBuf {
        self.root.join("blobs")
    }

    fn names(&self) -> PathBuf {
        self.root.join("names")
    }

    fn blob(&self, sha256: &str) -> PathBuf {
        self.blobs().join(format!("sha256-{sha256}"))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ()> {
        self.names_lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The sha256 a name points at, if it is an image; a name entry of
    /// any other shape is not one.
    fn target(&self, name: &str) -> Option<String> {
        let link = std::fs::read_link(self.names().join(name)).ok()?;
        let sha = link.to_str()?.strip_prefix("../blobs/sha256-")?;
        valid_sha256(sha).then(|| sha.to_string())
    }

    fn info(&self, name: &str) -> Option<ImageInfo> {
        let sha256 = self.target(name)?;
        let meta = std::fs::symlink_metadata(self.blob(&sha256)).ok()?;
        meta.is_file().then(|| ImageInfo {
            name: name.to_string(),
            sha256,
            size: meta.len(),
        })
    }

    /// Every image, by name.
    pub fn list(&self) -> Result<Vec<ImageInfo>, Refusal> {
        let entries = match std::fs::read_dir(self.names()) {
            Ok(e) => e,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(store_error(&self.root, e)),
        };
        let mut images: Vec<ImageInfo> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| valid_name(n))
            .filter_map(|n| self.info(&n))
            .collect();
        images.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(images)
    }

    pub fn get(&self, name: &str) -> Result<ImageInfo, Refusal> {
        if !valid_name(name) {
            return Err(bad_name(name));
        }
        self.info(name)
            .ok_or_else(|| refuse(404, format!("no image named {name:?} (mvirt image list)")))
    }

    /// A spec's file reference: `image:NAME` becomes the image's path; any
    /// other is left as it is.
    fn resolve(&self, what: &str, reference: &str) -> Result<String, Refusal> {
        let Some(name) = reference.strip_prefix(IMAGE_REF_PREFIX) else {
            return Ok(reference.to_string());
        };
        let image = self
            .get(name)
            .map_err(|r| refuse(400, format!("{what}: {}", r.message)))?;
        Ok(self.blob(&image.sha256).display().to_string())
    }

    /// The spec with its `image:NAME` references resolved, and the disks
    /// that are images (index, blob): a VM writes to its disks, so each
    /// gets its own copy of the image (see `vms::disks`), never the blob.
    pub fn resolve_spec(
        &self,
        mut spec: VmSpec,
    ) -> Result<(VmSpec, Vec<(usize, PathBuf)>), Refusal> {
        let mut bases = Vec::new();
        for (i, d) in spec.disks.iter().enumerate() {
            if d.starts_with(IMAGE_REF_PREFIX) {
                let blob = self.resolve(&format!("disk {i}"), d)?;
                bases.push((i, PathBuf::from(blob)));
            }
        }
        for (i, blob) in &bases {
            // Checked as a file until the copy replaces it.
            spec.disks[*i] = blob.display().to_string();
        }
        for (what, field) in [
            ("kernel", &mut spec.kernel),
            ("initramfs", &mut spec.initramfs),
            ("firmware", &mut spec.firmware),
        ] {
            if let Some(r) = field.as_mut() {
                *r = self.resolve(what, r)?;
            }
        }
        Ok((spec, bases))
    }

    /// Removes a name, then every blob no name points at and `in_use`
    /// does not claim (the paths VMs boot from).
    pub fn delete(&self, name: &str, in_use: &dyn Fn(&Path) -> bool) -> Result<(), Refusal> {
        let _held = self.lock();
        self.get(name)?;
        std::fs::remove_file(self.names().join(name)).map_err(|e| store_error(&self.root, e))?;
        self.collect(in_use);
        Ok(())
    }

    /// Removes the blobs no name points at and `in_use` does not claim
    /// (after a VM is deleted).
    pub fn collect_unused(&self, in_use: &dyn Fn(&Path) -> bool) {
        let _held = self.lock();
        self.collect(in_use);
    }

    /// Removes the blobs nothing uses (called with the lock held).
    fn collect(&self, in_use: &dyn Fn(&Path) -> bool) {
        // Names that cannot be read: keep every blob (one of them may be named).
        let Ok(images) = self.list() else {
            return;
        };
        let named: Vec<String> = images.into_iter().map(|i| i.sha256).collect();
        let Ok(entries) = std::fs::read_dir(self.blobs()) else {
            return;
        };
        for entry in entries.flatten() {
            let file = entry.file_name();
            let Some(sha) = file.to_str().and_then(|f| f.strip_prefix("sha256-")) else {
                continue;
            };
            let path = entry.path();
            if valid_sha256(sha) && !named.iter().any(|n| n == sha) && !in_use(&path) {
                if let Err(e) = std::fs::remove_file(&path) {
                    eprintln!(
                        "mvirt-vmm: removing the unused image {}: {e}",
                        path.display()
                    );
                }
            }
        }
    }

    /// The checks of an upload's request, before a byte of it is read:
    /// the name, the declared sha256 and length, and the space left.
    pub fn check_upload(
        &self,
        name: &str,
        sha256: Option<&str>,
        len: Option<u64>,
    ) -> Result<Upload, Refusal> {
        if !valid_name(name) {
            return Err(bad_name(name));
        }
        let sha256 = sha256.filter(|s| valid_sha256(s)).ok_or_else(|| {
            refuse(
                400,
                format!(
                    "an image upload needs the {IMAGE_SHA256_HEADER} header: the sha256 of its \
                     bytes, 64 lowercase hex digits (mvirt image push sends it)"
                ),
            )
        })?;
        let len = len.ok_or_else(|| refuse(411, "an image upload needs a Content-Length"))?;
        if len > self.max_size {
            return Err(refuse(
                413,
                format!(
                    "the image is {len} bytes; this host takes images of at most {} bytes \
                     (mvirt-vmm --max-image-size)",
                    self.max_size
                ),
            ));
        }
        for dir in [self.blobs(), self.names()] {
            std::fs::create_dir_all(&dir).map_err(|e| store_error(&self.root, e))?;
        }
        let vfs = rustix::fs::statvfs(self.blobs())
            .map_err(|e| store_error(&self.root, std::io::Error::from(e)))?;
        let free = vfs.f_bavail.saturating_mul(vfs.f_frsize);
        if len > free {
            return Err(refuse(
                507,
                format!(
                    "the image is {len} bytes and the image store {} has {free} bytes free; \
                     nothing was written",
                    self.root.display()
                ),
            ));
        }
        Ok(Upload {
            name: name.to_string(),
            sha256: sha256.to_string(),
            len,
        })
    }

    /// Writes an upload from the chunks `rx` brings (until it closes) and
    /// names it: the blocking half of `PUT /v1/images/NAME`.
    pub fn write(
        &self,
        upload: &Upload,
        mut rx: tokio::sync::mpsc::Receiver<Bytes>,
    ) -> Result<ImageInfo, Refusal> {
        let err = |e| store_error(&self.root, e);
        let dest = self.blob(&upload.sha256);
        let mut out = mvirt_atomic::Output::create(&dest, 0o444).map_err(err)?;
        let mut hasher = Sha256::new();
        let mut got = 0u64;
        while let Some(chunk) = rx.blocking_recv() {
            got += chunk.len() as u64;
            if got > upload.len {
                return Err(refuse(400, "the upload is longer than its Content-Length"));
            }
            out.write_all(&chunk).map_err(err)?;
            hasher.update(&chunk);
        }
        if got != upload.len {
            return Err(refuse(
                400,
                format!(
                    "the upload ended after {got} of {} bytes; nothing was kept",
                    upload.len
                ),
            ));
        }
        let sha = hex(&hasher.finalize());
        if sha != upload.sha256 {
            return Err(refuse(
                422,
                format!(
                    "sha256 mismatch: the bytes received hash to {sha}, the request said {}; \
                     nothing was kept",
                    upload.sha256
                ),
            ));
        }
        let _held = self.lock();
        // The same bytes are there already (another name): keep those.
        if !std::fs::symlink_metadata(&dest).is_ok_and(|m| m.is_file()) {
            out.commit().map_err(err)?;
        }
        self.link(&upload.name, &upload.sha256).map_err(err)?;
        Ok(ImageInfo {
            name: upload.name.clone(),
            sha256: sha,
            size: got,
        })
    }

    /// Points `name` at a blob: a new symlink renamed over the old name.
    fn link(&self, name: &str, sha256: &str) -> std::io::Result<()> {
        let names = self.names();
        let tmp = names.join(format!(".{name}.{}.new", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        std::os::unix::fs::symlink(format!("../blobs/sha256-{sha256}"), &tmp)?;
        if let Err(e) = std::fs::rename(&tmp, names.join(name)) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        std::fs::File::open(&names)?.sync_all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for ok in ["a", "vmlinux-6.1", "guest_initrd.img", "0", &"a".repeat(64)] {
            assert!(valid_name(ok), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            ".hidden",
            "-x",
            "A",
            "a/b",
            "a b",
            "ä",
            &"a".repeat(65),
        ] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("images"), 1 << 20);
        (dir, store)
    }

    fn push(
        store: &Store,
        name: &str,
        data: &[u8],
        declared_sha: &str,
    ) -> Result<ImageInfo, Refusal> {
        let up = store.check_upload(name, Some(declared_sha), Some(data.len() as u64))?;
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let chunks: Vec<Bytes> = data.chunks(7).map(Bytes::copy_from_slice).collect();
        let feeder = std::thread::spawn(move || {
            for c in chunks {
                if tx.blocking_send(c).is_err() {
                    break;
                }
            }
        });
        let r = store.write(&up, rx);
        feeder.join().unwrap();
        r
    }

    fn sha(data: &[u8]) -> String {
        hex(&Sha256::digest(data))
    }

    /// Every file under the store (temporary files included).
    fn files(store: &Store) -> Vec<String> {
        let mut all = Vec::new();
        for sub in ["blobs", "names"] {
            if let Ok(rd) = std::fs::read_dir(store.root().join(sub)) {
                all.extend(
                    rd.flatten()
                        .map(|e| format!("{sub}/{}", e.file_name().to_string_lossy())),
                );
            }
        }
        all.sort();
        all
    }

    #[test]
    fn a_push_is_named_listed_resolved_and_deleted() {
        let (_d, store) = store();
        let info = push(
            &store,
            "kernel",
            b"a kernel's bytes",
            &sha(b"a kernel's bytes"),
        )
        .unwrap();
        assert_eq!(info.size, 16);
        assert_eq!(store.list().unwrap(), vec![info.clone()]);
        let spec = VmSpec {
            name: "v".into(),
            vcpus: 1,
            memory_mib: 64,
            kernel: Some("image:kernel".into()),
            initramfs: Some("/plain/path".into()),
            cmdline: None,
            firmware: None,
            disks: vec![],
            net: false,
            autostart: false,
            seed: None,
            tap: None,
            disk_size: None,
        };
        let (resolved, _) = store.resolve_spec(spec.clone()).unwrap();
        let blob = resolved.kernel.clone().unwrap();
        assert_eq!(std::fs::read(&blob).unwrap(), b"a kernel's bytes");
        assert_eq!(resolved.initramfs.as_deref(), Some("/plain/path"));
        // A second push of the name: the VM's path still has the old bytes.
        push(&store, "kernel", b"new", &sha(b"new")).unwrap();
        assert_eq!(std::fs::read(&blob).unwrap(), b"a kernel's bytes");
        // Delete while a VM uses the old blob: it stays; the new one goes.
        store.delete("kernel", &|p| p == Path::new(&blob)).unwrap();
        assert_eq!(files(&store), vec![format!("blobs/sha256-{}", info.sha256)]);
        store.delete("kernel", &|_| false).unwrap_err();
        let missing = store.resolve_spec(spec).unwrap_err();
        assert_eq!(missing.status, 400, "{}", missing.message);
        assert!(
            missing.message.contains("no image named"),
            "{}",
            missing.message
        );
    }

    #[test]
    fn names_that_cannot_be_read_keep_every_blob() {
        let (_d, store) = store();
        let info = push(&store, "k", b"bytes", &sha(b"bytes")).unwrap();
        let names = store.root().join("names");
        std::fs::rename(&names, store.root().join("names.away")).unwrap();
        std::fs::write(&names, b"not a directory").unwrap();
        store.collect_unused(&|_| false);
        assert!(store.blob(&info.sha256).is_file());
    }

    #[test]
    fn bad_uploads_leave_nothing() {
        let (_d, store) = store();
        let data = b"0123456789abcdef";
        let wrong = push(&store, "x", data, &sha(b"other")).unwrap_err();
        assert_eq!(wrong.status, 422, "{}", wrong.message);
        assert!(wrong.message.contains(&sha(data)), "{}", wrong.message);
        // Declared longer than what arrives.
        let up = store
            .check_upload("x", Some(&sha(data)), Some(100))
            .unwrap();
        let (tx, rx) = tokio::sync::mpsc::channel(1);
        drop(tx);
        let cut = store.write(&up, rx).unwrap_err();
        assert_eq!(cut.status, 400);
        assert!(
            cut.message.contains("after 0 of 100 bytes"),
            "{}",
            cut.message
        );
        assert_eq!(files(&store), Vec::<String>::new());
        assert!(store.list().unwrap().is_empty());
    }

    #[test]
    fn requests_are_checked_before_a_byte_is_read() {
        let (_d, store) = store();
        let s = sha(b"");
        let cases: [(&str, Option<&str>, Option<u64>, u16); 6] = [
            ("../x", Some(&s), Some(1), 400),
            ("x", None, Some(1), 400),
            ("x", Some("ABCDEF"), Some(1), 400),
            ("x", Some(&s), None, 411),
            ("x", Some(&s), Some(2 << 20), 413),
            ("x", Some(&s), Some(1 << 20), 200),
        ];
        for (name, sha, len, want) in cases {
            let got = store
                .check_upload(name, sha, len)
                .map(|_| 200)
                .unwrap_or_else(|r| r.status);
            assert_eq!(got, want, "{name} {sha:?} {len:?}");
        }
        let big = Store::new(store.root(), u64::MAX);
        let full = big
            .check_upload("x", Some(&s), Some(u64::MAX / 2))
            .unwrap_err();
        assert_eq!(full.status, 507, "{}", full.message);
        assert!(full.message.contains("bytes free"), "{}", full.message);
    }

    #[test]
    fn image_disks_are_named_for_copying_and_unknown_ones_refused() {
        let (_d, store) = store();
        let spec = |disks: Vec<String>| VmSpec {
            name: "v".into(),
            vcpus: 1,
            memory_mib: 64,
            kernel: Some("/k".into()),
            initramfs: None,
            cmdline: None,
            firmware: None,
            disks,
            net: false,
            tap: None,
            autostart: false,
            seed: None,
            disk_size: None,
        };
        let r = store
            .resolve_spec(spec(vec!["/d0".into(), "image:root".into()]))
            .unwrap_err();
        assert_eq!(r.status, 400);
        assert!(
            r.message.contains("disk 1") && r.message.contains("no image named"),
            "{}",
            r.message
        );
        let (spec, bases) = store.resolve_spec(spec(vec!["/d0".into()])).unwrap();
        assert_eq!((spec.disks, bases), (vec!["/d0".to_string()], vec![]));
    }
}
