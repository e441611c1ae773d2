//! Pushed images (`mvirt image push`, `PUT /v1/images/NAME`): the real
//! daemon and CLI, the cloud-hypervisor TEST DOUBLE, raw sockets for the
//! hostile uploads, `sha256sum` as the independent hash, and a small tmpfs
//! (a mount namespace, as root) for a full and a read-only store.

mod common;

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Host, DOUBLE};

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8(out.stdout).unwrap()[..64].to_string()
}

fn random_file(host: &Host, name: &str, len: usize) -> PathBuf {
    let path = host.path(name);
    let mut f = std::fs::File::open("/dev/urandom")
        .unwrap()
        .take(len as u64);
    let mut data = Vec::new();
    f.read_to_end(&mut data).unwrap();
    std::fs::write(&path, data).unwrap();
    path
}

/// Every file under the image store, temporary ones too.
fn store_files(host: &Host) -> Vec<String> {
    let mut all = Vec::new();
    for sub in ["blobs", "names"] {
        if let Ok(rd) = std::fs::read_dir(host.path("images").join(sub)) {
            all.extend(
                rd.flatten()
                    .map(|e| format!("{sub}/{}", e.file_name().to_string_lossy())),
            );
        }
    }
    all.sort();
    all
}

/// A raw request: the head, then `body`; the answer's status line and body.
fn raw(host: &Host, head: &str, body: &[u8], close: bool) -> String {
    let mut s = UnixStream::connect(host.socket()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(body);
    if close {
        let _ = s.shutdown(std::net::Shutdown::Write);
    }
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn put(name: &str, sha: Option<&str>, len: Option<u64>) -> String {
    let mut h = format!("PUT /v1/images/{name} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
    if let Some(sha) = sha {
        h.push_str(&format!("x-mvirt-sha256: {sha}\r\n"));
    }
    match len {
        Some(n) => h.push_str(&format!("Content-Length: {n}\r\n")),
        None => h.push_str("Transfer-Encoding: chunked\r\n"),
    }
    h + "\r\n"
}

#[test]
fn a_pushed_image_boots_a_vm_and_outlives_a_new_push_and_its_delete() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    let file = random_file(&host, "guest-kernel", 3 << 20);
    let out = host.ok(&["image", "push", &s(&file), "guest-kernel", "--quiet"]);
    let want = sha256sum(&file);
    assert!(out.contains(&want), "{out}");
    let list = host.json(&["image", "list"]);
    assert_eq!(list[0]["name"], "guest-kernel");
    assert_eq!(list[0]["sha256"], want.as_str());
    assert_eq!(list[0]["size"], 3 << 20);

    host.ok(&["vm", "create", "v", "--kernel", "image:guest-kernel"]);
    let vm = host.json(&["vm", "get", "v"]);
    let blob = PathBuf::from(vm["spec"]["kernel"].as_str().unwrap());
    assert!(blob.starts_with(host.path("images")), "{blob:?}");
    assert_eq!(sha256sum(&blob), want);
    host.ok(&["vm", "start", "v"]);
    host.wait_state("v", "running");

    // A new push under the name: the VM keeps its bytes.
    let newer = random_file(&host, "newer", 1000);
    host.ok(&["image", "push", &s(&newer), "guest-kernel"]);
    assert_eq!(sha256sum(&blob), want);
    let e = host.err(&["vm", "create", "w", "--kernel", "image:nothing"]);
    assert!(
        e.contains("kernel: no image named \"nothing\"") && e.contains("(400)"),
        "{e}"
    );
    // As a disk, the VM gets its own copy: the blob is never its disk.
    host.ok(&[
        "vm",
        "create",
        "w",
        "--kernel",
        &s(&file),
        "--disk",
        "image:guest-kernel",
    ]);
    let w = host.json(&["vm", "get", "w"]);
    let copy = PathBuf::from(w["spec"]["disks"][0].as_str().unwrap());
    assert_eq!(copy, host.path("state/disks/w-0.img"));
    assert_eq!(sha256sum(&copy), sha256sum(&newer));
    host.ok(&["vm", "delete", "w"]);
    assert!(!copy.exists());

    // Deleting the name keeps the blob the VM boots from, not the other.
    host.ok(&["image", "delete", "guest-kernel"]);
    assert_eq!(host.json(&["image", "list"]), serde_json::json!([]));
    assert_eq!(store_files(&host), [format!("blobs/sha256-{want}")]);
    host.ok(&["vm", "kill", "v"]);
    host.wait_state("v", "stopped");
    host.ok(&["vm", "start", "v"]);
    host.wait_state("v", "running");
    host.ok(&["vm", "kill", "v"]);
    host.wait_state("v", "stopped");
    // Once the VM is gone, so is its image.
    host.ok(&["vm", "delete", "v"]);
    assert_eq!(store_files(&host), Vec::<String>::new());
}

#[test]
fn hostile_uploads_are_refused_and_keep_nothing() {
    let mut host = Host::new();
    host.start_daemon_with(
        Path::new(DOUBLE),
        &[],
        &[
            "--no-bridge",
            "--max-image-size",
            "1048576",
            "--body-timeout-ms",
            "500",
        ],
    );
    let data = vec![7u8; 5000];
    let good = {
        let p = host.path("data");
        std::fs::write(&p, &data).unwrap();
        sha256sum(&p)
    };
    let bad = "0".repeat(64);
    let cases: Vec<(&str, String, Vec<u8>, bool, &str)> = vec![
        (
            "no sha256",
            put("x", None, Some(5000)),
            data.clone(),
            false,
            "400",
        ),
        (
            "an uppercase sha256",
            put("x", Some(&good.to_uppercase()), Some(5000)),
            data.clone(),
            false,
            "400",
        ),
        (
            "chunked, no length",
            put("x", Some(&good), None),
            b"0\r\n\r\n".to_vec(),
            false,
            "411",
        ),
        (
            "beyond --max-image-size",
            put("x", Some(&good), Some(2 << 20)),
            vec![],
            false,
            "413",
        ),
        (
            "a name that climbs",
            put("../../etc/x", Some(&good), Some(5000)),
            data.clone(),
            false,
            "400",
        ),
        (
            "an encoded dot-dot",
            put("%2e%2e", Some(&good), Some(5000)),
            data.clone(),
            false,
            "400",
        ),
        (
            "a hidden name",
            put(".x", Some(&good), Some(5000)),
            data.clone(),
            false,
            "400",
        ),
        (
            "bytes of another sha256",
            put("x", Some(&bad), Some(5000)),
            data.clone(),
            false,
            "422",
        ),
        (
            "cut short",
            put("x", Some(&good), Some(5000)),
            data[..100].to_vec(),
            true,
            "400",
        ),
        (
            "stalled",
            put("x", Some(&good), Some(5000)),
            data[..100].to_vec(),
            false,
            "408",
        ),
    ];
    for (what, head, body, close, want) in cases {
        let t = Instant::now();
        let answer = raw(&host, &head, &body, close);
        let fits = if want.is_empty() {
            answer.is_empty() || answer.starts_with("HTTP/1.1 400")
        } else {
            answer.starts_with(&format!("HTTP/1.1 {want}"))
        };
        assert!(fits, "{what}: {answer}\n{}", host.daemon_log());
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "{what}: {:?}",
            t.elapsed()
        );
        assert_eq!(
            store_files(&host)
                .iter()
                .filter(|f| f.starts_with("names/"))
                .count(),
            0,
            "{what}"
        );
        assert!(
            store_files(&host).iter().all(|f| !f.starts_with("blobs/.")),
            "{what}: a temporary file stayed: {:?}",
            store_files(&host)
        );
    }
    assert_eq!(store_files(&host), Vec::<String>::new());
    // Two uploads at once; a third is turned away, not queued.
    let stalled: Vec<UnixStream> = (0..2)
        .map(|_| {
            let mut s = UnixStream::connect(host.socket()).unwrap();
            s.write_all(put("slow", Some(&good), Some(5000)).as_bytes())
                .unwrap();
            s.write_all(&data[..10]).unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(100));
    let third = raw(&host, &put("x", Some(&good), Some(5000)), &data, false);
    assert!(third.starts_with("HTTP/1.1 503"), "{third}");
    drop(stalled);
    // And the store takes a good one after all that (once the two cut
    // uploads have given their places back).
    let mut answer = String::new();
    common::wait_for("a place for an upload", || {
        answer = raw(&host, &put("x", Some(&good), Some(5000)), &data, false);
        !answer.starts_with("HTTP/1.1 503")
    });
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert_eq!(
        store_files(&host),
        [format!("blobs/sha256-{good}"), "names/x".into()]
    );
}

/// The daemon in a mount namespace with its image store on a 1 MiB tmpfs
/// (`options` added to the mount's); None when that cannot be made here.
fn on_small_tmpfs(options: &str) -> Option<Host> {
    let probe = Command::new("unshare")
        .args([
            "-m",
            "--propagation",
            "private",
            "mount",
            "-t",
            "tmpfs",
            "none",
            "/mnt",
        ])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("*** SKIPPED: a tmpfs in a mount namespace needs root and unshare (util-linux)");
        return None;
    }
    let mut host = Host::new();
    let dir = s(&host.path("images"));
    std::fs::create_dir_all(&dir).unwrap();
    host.prefix = [
        "unshare",
        "-m",
        "--propagation",
        "private",
        "sh",
        "-c",
        &format!("mount -t tmpfs -o size=1m,{options} none {dir} && exec \"$@\""),
        "sh",
    ]
    .map(String::from)
    .to_vec();
    host.start_daemon(Path::new(DOUBLE), &[]);
    Some(host)
}

#[test]
fn a_full_or_read_only_store_says_so_and_keeps_nothing() {
    let Some(host) = on_small_tmpfs("mode=755") else {
        return;
    };
    let big = random_file(&host, "big", 2 << 20);
    let e = host.err(&["image", "push", &s(&big), "big"]);
    assert!(e.contains("(507)") && e.contains("bytes free"), "{e}");
    // Both fit alone, not together: both pass the check of the space
    // left, then the second to write meets ENOSPC.
    let a = random_file(&host, "a", 600 << 10);
    let b = random_file(&host, "b", 600 << 10);
    let (sha_a, sha_b) = (sha256sum(&a), sha256sum(&b));
    let (a_bytes, b_bytes) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let begin = |name: &str, sha: &str| {
        let mut c = UnixStream::connect(host.socket()).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        c.write_all(put(name, Some(sha), Some(600 << 10)).as_bytes())
            .unwrap();
        c
    };
    let mut first = begin("a", &sha_a);
    let mut second = begin("b", &sha_b);
    std::thread::sleep(Duration::from_millis(200));
    first.write_all(&a_bytes[..550 << 10]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let _ = second.write_all(&b_bytes);
    let mut answer = String::new();
    let _ = second.read_to_string(&mut answer);
    assert!(
        answer.starts_with("HTTP/1.1 507") && answer.contains("is full"),
        "{answer}\n{}",
        host.daemon_log()
    );
    first.write_all(&a_bytes[550 << 10..]).unwrap();
    first
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut answer = String::new();
    let _ = first.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    let names: Vec<String> = host
        .json(&["image", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["a"]);
    drop(host);

    let Some(host) = on_small_tmpfs("ro") else {
        return;
    };
    let small = random_file(&host, "small", 1000);
    let e = host.err(&["image", "push", &s(&small), "small"]);
    assert!(e.contains("(507)") && e.contains("read-only"), "{e}");
}

#[test]
fn a_disk_image_gives_each_vm_its_own_sparse_copy_grown_to_its_size() {
    use std::io::{Seek, SeekFrom, Write};
    use std::os::unix::fs::MetadataExt;
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    // A 64 MiB raw image holding 3 MiB of data, as a file system would.
    let image = host.path("root.raw");
    let mut f = std::fs::File::create(&image).unwrap();
    f.set_len(64 << 20).unwrap();
    for at in [0u64, 30 << 20, (64 << 20) - (1 << 20)] {
        f.seek(SeekFrom::Start(at)).unwrap();
        f.write_all(&vec![0x5a; 1 << 20][..(1 << 20) - (at % 3) as usize])
            .unwrap();
    }
    drop(f);
    let want = sha256sum(&image);
    host.ok(&["image", "push", &s(&image), "root", "--quiet"]);
    let kernel = s(&host.path("vmlinuz"));
    host.ok(&[
        "vm",
        "create",
        "a",
        "--kernel",
        &kernel,
        "--disk",
        "image:root",
    ]);
    host.ok(&[
        "vm",
        "create",
        "b",
        "--kernel",
        &kernel,
        "--disk",
        "image:root",
        "--disk-size",
        "1G",
    ]);
    let (a, b) = (
        host.path("state/disks/a-0.img"),
        host.path("state/disks/b-0.img"),
    );
    assert_eq!(sha256sum(&a), want);
    let meta = std::fs::metadata(&b).unwrap();
    assert_eq!(meta.len(), 1 << 30);
    assert!(
        meta.blocks() * 512 < 16 << 20,
        "the copy is not sparse: {} bytes",
        meta.blocks() * 512
    );
    // A VM writing its disk changes neither the image nor the other VM.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&a)
        .unwrap()
        .write_all(b"guest was here")
        .unwrap();
    let blob = host.path("images/blobs").join(format!("sha256-{want}"));
    assert_eq!(sha256sum(&blob), want);
    assert_ne!(sha256sum(&a), want);
    // Both are on cloud-hypervisor's command line as their own disks.
    host.ok(&["vm", "start", "b"]);
    common::wait_for("the double's command line", || {
        host.serial("b").contains("double booted")
    });
    assert!(
        host.serial("b").contains(&format!("--disk path={}", s(&b))),
        "{}",
        host.serial("b")
    );
    // Refused, nothing made: no image disk to grow, smaller than the
    // image, a name in use (before any copy), an unknown image.
    for (args, says) in [
        (vec!["c", "--disk-size", "1G"], "has none"),
        (
            vec!["c", "--disk", "image:root", "--disk-size", "1M"],
            "smaller than the image",
        ),
        (vec!["a", "--disk", "image:root"], "exists already"),
        (vec!["c", "--disk", "image:nothing"], "no image named"),
    ] {
        let mut argv = vec!["vm", "create", "--kernel", &kernel];
        argv.extend(args);
        let e = host.err(&argv);
        assert!(e.contains(says), "{argv:?}: {e}");
    }
    let mut left: Vec<_> = std::fs::read_dir(host.path("state/disks"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, ["a-0.img", "b-0.img"]);
    host.ok(&["vm", "kill", "b"]);
    host.wait_state("b", "stopped");
    for vm in ["a", "b"] {
        host.ok(&["vm", "delete", vm]);
    }
    assert_eq!(
        std::fs::read_dir(host.path("state/disks")).unwrap().count(),
        0
    );
}
