//! Guests' cloud-init seeds through the real daemon and CLI, against the
//! cloud-hypervisor TEST DOUBLE: the volume the daemon writes is read back
//! by mtools (mtype, an independent FAT reader) and by mvirt-cidata.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Host, DOUBLE};

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn mtype(image: &Path, name: &str) -> Option<String> {
    let out = Command::new("mtype")
        .args(["-i", &s(image), &format!("::{name}")])
        .output()
        .ok()?;
    assert!(out.status.success(), "mtype {name}: {out:?}");
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn a_seed_is_written_at_start_attached_read_only_and_shown_by_get() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    let user = host.path("user-data");
    std::fs::write(&user, "#cloud-config\nruncmd: [echo hi]\n").unwrap();
    host.create_with("web", &["--user-data", &s(&user)]);
    let vm = host.json(&["vm", "get", "web"]);
    let seed = &vm["spec"]["seed"];
    assert_eq!(seed["user_data"], "#cloud-config\nruncmd: [echo hi]\n");
    assert_eq!(
        seed["meta_data"],
        "instance-id: mvirt-web\nlocal-hostname: web\n"
    );
    // No NIC, no network-config (the default for one: src/vms/seed.rs).
    assert!(seed.get("network_config").is_none(), "{seed}");
    host.ok(&["vm", "start", "web"]);
    let image = host.path("run/web.seed");
    // The double writes its command line once it runs, maybe after the
    // start has answered.
    common::wait_for("the double's command line", || {
        host.serial("web").contains("double booted")
    });
    let argv = host.serial("web");
    assert!(
        argv.contains(&format!("--disk path={},readonly=on", s(&image))),
        "{argv}"
    );
    let ours = mvirt_cidata::read(std::fs::File::open(&image).unwrap()).unwrap();
    assert_eq!(
        ours.files["meta-data"],
        b"instance-id: mvirt-web\nlocal-hostname: web\n"
    );
    match mtype(&image, "user-data") {
        Some(text) => assert_eq!(text, "#cloud-config\nruncmd: [echo hi]\n"),
        None => eprintln!("*** mtools absent: the seed was read by mvirt-cidata only"),
    }
    host.ok(&["vm", "kill", "web"]);
    host.wait_state("web", "stopped");
    host.ok(&["vm", "delete", "web"]);
    assert!(!image.exists(), "the seed outlived its VM");
}

#[test]
fn vms_without_a_seed_get_no_seed_disk_and_bad_seeds_are_refused() {
    let mut host = Host::new();
    host.start_daemon(Path::new(DOUBLE), &[]);
    host.create("plain");
    host.ok(&["vm", "start", "plain"]);
    common::wait_for("the double's command line", || {
        host.serial("plain").contains("double booted")
    });
    assert!(!host.serial("plain").contains("readonly=on"));
    assert!(!host.path("run/plain.seed").exists());
    // Larger than a seed file may be: refused by the CLI before sending.
    let big = host.path("big");
    std::fs::write(&big, "x".repeat((24 << 10) + 1)).unwrap();
    let kernel = s(&host.path("vmlinuz"));
    let e = host.err(&[
        "vm",
        "create",
        "a",
        "--kernel",
        &kernel,
        "--user-data",
        &s(&big),
    ]);
    assert!(e.contains("big"), "{e}");
    // Two files within the bound each, too much together: the daemon's 413.
    let half = host.path("half");
    std::fs::write(&half, "y".repeat(13 << 10)).unwrap();
    let e = host.err(&[
        "vm",
        "create",
        "b",
        "--kernel",
        &kernel,
        "--user-data",
        &s(&half),
        "--meta-data",
        &s(&half),
    ]);
    assert!(e.contains("(413)") && e.contains("more than"), "{e}");
    let bin = host.path("bin");
    std::fs::write(&bin, [0xff, 0xfe, 0]).unwrap();
    let e = host.err(&[
        "vm",
        "create",
        "c",
        "--kernel",
        &kernel,
        "--meta-data",
        &s(&bin),
    ]);
    assert!(e.contains("not UTF-8"), "{e}");
    // What cloud-init would ignore is refused at create, naming the file.
    let broken = host.path("broken");
    std::fs::write(&broken, "local-hostname: [a\n").unwrap();
    for (name, extra, says) in [
        (
            "d",
            vec!["--meta-data", &s(&broken)],
            "seed meta-data: is not valid YAML",
        ),
        (
            "e",
            vec!["--network-config", &s(&broken)],
            "seed network-config: is not valid YAML",
        ),
        (
            "web-",
            vec!["--seed"],
            "local-hostname \"web-\" is not a host name",
        ),
        ("f", vec!["--ip", "10.0.0.5/24"], "an address needs a NIC"),
        (
            "g",
            vec!["--tap", "tap9", "--ip", "10.0.0.5"],
            "needs a prefix length",
        ),
    ] {
        let mut args = vec!["vm", "create", name, "--kernel", &kernel];
        args.extend(extra);
        let e = host.err(&args);
        assert!(e.contains("(400)") && e.contains(says), "{name}: {e}");
    }
    // A static address becomes the default network-config, shown by get.
    host.create_with(
        "h",
        &[
            "--tap",
            "tap9",
            "--ip",
            "10.0.0.5/24",
            "--gateway",
            "10.0.0.1",
        ],
    );
    let vm = host.json(&["vm", "get", "h"]);
    let net = vm["spec"]["seed"]["network_config"].as_str().unwrap();
    assert!(
        net.contains("addresses: [10.0.0.5/24]") && net.contains("via: 10.0.0.1"),
        "{net}"
    );
    host.ok(&["vm", "delete", "h"]);
    let names: Vec<_> = host
        .json(&["vm", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["spec"]["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["plain"]);
}
