//! A host you can reach: a UKI booted under OVMF on QEMU's user-mode
//! network (`restrict=on`: the guest reaches nothing outside; one
//! `hostfwd` from 127.0.0.1 to its API port), driven from this machine by
//! the product's own `mvirt` over mutual TLS, twice on one data disk.
//!
//! - The UKI is the product's kernel and command line (`uki/cmdline.txt`,
//!   which says nothing of the network), built by mvirt-uki around the
//!   test host's initrd (the product's archive with the real
//!   cloud-hypervisor, then the test's).
//! - Everything else comes from a config volume written by mvirt-cidata:
//!   meta-data (the hostname), network-config v2 (the NIC found by its MAC
//!   as the bridge's uplink, the address on mvirt0, the gateway) and
//!   user-data (the API's address and the operators' CA). The data disk
//!   is a blank ext4 (`mkfs.ext4 -L mvirt-data`).
//! - Boot 1: status; refusals (no client certificate: curl; another CA's;
//!   an expired one; a reader creating a VM), each leaving no VM; `image
//!   push` of a guest kernel and initramfs; `vm create --autostart` from
//!   them; start (a real nested guest under the real cloud-hypervisor);
//!   its console; stop by the power button; `mvirt shutdown`.
//! - Boot 2, with a config volume an operator broke (cloud-config as
//!   user-data, DHCP in network-config): the console says it is REJECTED
//!   and that the config kept on the data disk is used; the host is
//!   reachable as before, with the same server certificate, the images,
//!   and the VM, which started by itself; stop; shutdown.
//!
//! Without a real cloud-hypervisor the test says SKIPPING.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use mvirt_boot::vmtest::test_host;
use mvirt_boot::{base_args, make_esp, ovmf_args, probe_accel, Accel, Build, Qemu};
use mvirt_boot::{OVMF_CODE, OVMF_VARS};

const MUSL: &str = "image/x86_64-unknown-linux-musl/release";
const HOSTNAME: &str = "mvirt-e2e";
const GUEST_UP: &str = "mvirt-vm-test guest: up:";
/// The host's NIC, as the config volume's network-config matches it.
const MAC: &str = "52:54:00:e2:e0:01";

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// The operators' files on this machine, and the product's CLI.
struct Operators {
    mvirt: PathBuf,
    dir: PathBuf,
}

impl Operators {
    fn run(&self, args: &[&str]) -> Output {
        Command::new(&self.mvirt).args(args).output().unwrap()
    }

    fn pki(&self, args: &[&str]) {
        let out = self.run(args);
        assert!(out.status.success(), "mvirt {args:?}: {out:?}");
    }

    /// Two CAs (ours and someone else's) and the people: alice (admin),
    /// bob (reader), mallory (the other CA's admin), eve (expired).
    fn new(build: &Build, dir: &Path) -> Operators {
        let ops = Operators {
            mvirt: build.target(&format!("{MUSL}/mvirt")),
            dir: dir.to_path_buf(),
        };
        let p = |n: &str| s(&dir.join(n));
        ops.pki(&["pki", "ca", "--out", &p("ca")]);
        ops.pki(&[
            "pki",
            "ca",
            "--out",
            &p("other-ca"),
            "--name",
            "someone else",
        ]);
        for (ca, who, role) in [
            ("ca", "alice", "admin"),
            ("ca", "bob", "reader"),
            ("other-ca", "mallory", "admin"),
        ] {
            ops.pki(&[
                "pki",
                "client",
                "--ca",
                &p(ca),
                "--name",
                who,
                "--role",
                role,
                "--out",
                &p(who),
            ]);
        }
        let ca = mvirt_tls::Pem {
            cert: std::fs::read_to_string(dir.join("ca/ca.crt")).unwrap(),
            key: std::fs::read_to_string(dir.join("ca/ca.key")).unwrap(),
        };
        let day = Duration::from_secs(86_400);
        let past = mvirt_tls::Validity {
            not_before: std::time::SystemTime::now() - 30 * day,
            not_after: std::time::SystemTime::now() - day,
        };
        let eve = mvirt_tls::pki::issue_client(&ca, "eve", mvirt_tls::Role::Admin, past).unwrap();
        std::fs::create_dir_all(dir.join("eve")).unwrap();
        std::fs::write(dir.join("eve/client.crt"), &eve.cert).unwrap();
        std::fs::write(dir.join("eve/client.key"), &eve.key).unwrap();
        ops
    }
}

/// One booted host and its forwarded API.
struct Host<'a> {
    ops: &'a Operators,
    qemu: Qemu,
    port: u16,
    fingerprint: String,
    accel: Accel,
}

impl Host<'_> {
    /// `mvirt --endpoint … ARGS` as `who`: (success, stdout, stderr).
    fn as_(&self, who: &str, args: &[&str]) -> (bool, String, String) {
        let d = self.ops.dir.join(who);
        let mut argv = vec![
            "--endpoint".to_string(),
            format!("127.0.0.1:{}", self.port),
            "--server-fingerprint".into(),
            self.fingerprint.clone(),
            "--cert".into(),
            s(&d.join("client.crt")),
            "--key".into(),
            s(&d.join("client.key")),
        ];
        argv.extend(args.iter().map(|a| a.to_string()));
        let out = Command::new(&self.ops.mvirt).args(&argv).output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// The host's console line starting with `prefix`, or "" if none.
    fn console_line(&self, prefix: &str) -> String {
        self.qemu.line_with(prefix).unwrap_or_default()
    }

    fn ok(&self, args: &[&str]) -> String {
        let (ok, out, err) = self.as_("alice", args);
        assert!(
            ok,
            "mvirt {args:?}: {out}{err}\nconsole:\n{}",
            self.qemu.snapshot().tail(30)
        );
        out
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut a = vec!["--json"];
        a.extend_from_slice(args);
        serde_json::from_str(&self.ok(&a)).unwrap()
    }

    fn refused(&self, who: &str, args: &[&str]) -> String {
        let (ok, out, err) = self.as_(who, args);
        assert!(!ok, "{who}: mvirt {args:?} succeeded: {out}");
        err
    }

    fn vm_names(&self) -> Vec<String> {
        self.json(&["vm", "list"])
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["spec"]["name"].as_str().unwrap().to_string())
            .collect()
    }

    /// Polls the VM's console until the guest says it is up.
    fn wait_for_guest(&self, vm: &str) -> String {
        let end = Instant::now() + self.accel.timeout(Duration::from_secs(60));
        loop {
            let log = self.ok(&["console", vm]);
            // Whole lines only: the guest may be writing the last one.
            let whole = &log[..log.rfind('\n').map_or(0, |i| i + 1)];
            if let Some(line) = whole.lines().find(|l| l.contains(GUEST_UP)) {
                return line.to_string();
            }
            assert!(
                Instant::now() < end,
                "the guest did not come up; console:\n{log}"
            );
            std::thread::sleep(Duration::from_secs(1));
        }
    }

    /// `mvirt shutdown` over TLS; QEMU then exits by itself.
    fn shutdown(self) -> mvirt_boot::Outcome {
        self.ok(&["shutdown"]);
        let outcome = self
            .qemu
            .wait(self.accel.timeout(Duration::from_secs(60)))
            .unwrap();
        let log = outcome.log();
        for line in ["pideins: unmounted /var/lib/mvirt", "reboot: Power down"] {
            assert!(
                log.contains(line),
                "{line:?} missing:\n{}",
                outcome.tail(40)
            );
        }
        assert_eq!(outcome.exit_code, Some(0));
        outcome
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Boots the host UKI with the data `disk` and the `config` volume;
/// returns it once its API serves over TLS.
fn boot<'a>(build: &Build, ops: &'a Operators, uki: &Path, disk: &Path, config: &Path) -> Host<'a> {
    let accel = probe_accel(
        &build.target("bzImage"),
        &build.target("initramfs.cpio.gz"),
        &build.repo.join("target/tmp/boot-accel"),
    );
    let port = free_port();
    let dir = uki.parent().unwrap();
    let vars = dir.join("vars.fd");
    std::fs::copy(OVMF_VARS, &vars).unwrap();
    let esp = make_esp(dir, uki).unwrap();
    let mut args: Vec<String> = base_args(accel, 1536);
    // base_args has `-net none`: this test has one NIC, on a network that
    // reaches nothing but the forwarded port.
    let at = args.iter().position(|a| a == "-net").unwrap();
    args.drain(at..at + 2);
    args.extend(ovmf_args(Path::new(OVMF_CODE), &vars, &esp, false));
    args.extend([
        "-drive".into(),
        format!("file={},format=raw,if=virtio", disk.display()),
        "-drive".into(),
        format!("file={},format=raw,if=virtio,readonly=on", config.display()),
        "-nic".into(),
        format!(
            "user,model=virtio-net-pci,mac={MAC},restrict=on,\
             hostfwd=tcp:127.0.0.1:{port}-10.0.2.15:8443"
        ),
    ]);
    let mut qemu = Qemu::start(&args).unwrap();
    let serving = "mvirt-vmm: serving on https://0.0.0.0:8443";
    let up = qemu
        .await_line(serving, accel.timeout(Duration::from_secs(90)))
        .unwrap();
    assert!(up, "{serving:?} missing:\n{}", qemu.snapshot().tail(40));
    let fingerprint = qemu
        .line_with("mvirt-vmm: server certificate ")
        .and_then(|l| l.split_whitespace().nth(3).map(str::to_string))
        .unwrap();
    Host {
        ops,
        qemu,
        port,
        fingerprint,
        accel,
    }
}

/// A blank data disk, as an operator makes one.
fn mkfs(dir: &Path) -> PathBuf {
    let disk = dir.join("data.img");
    std::fs::File::create(&disk)
        .and_then(|f| f.set_len(256 << 20))
        .unwrap();
    let mkfs = Command::new("mkfs.ext4")
        .args(["-q", "-F", "-L", "mvirt-data"])
        .arg(&disk)
        .status()
        .expect("mkfs.ext4 (e2fsprogs) must be installed: ./bootstrap");
    assert!(mkfs.success());
    disk
}

/// A config volume of `files`, written by the product's mvirt-cidata
/// library into `dir/name`.
fn config_volume(dir: &Path, name: &str, files: &[(&str, String)]) -> PathBuf {
    let mut seed = mvirt_cidata::Seed::default();
    for (file, text) in files {
        seed.add(file, text.clone().into_bytes()).unwrap();
    }
    let path = dir.join(name);
    std::fs::write(&path, mvirt_cidata::image(&seed).unwrap()).unwrap();
    path
}

/// The host's configuration: its name, its network (the NIC found by MAC,
/// enslaved to mvirt0, which gets the address), its API and operators' CA.
fn host_config(ops: &Operators) -> Vec<(&'static str, String)> {
    let ca = std::fs::read_to_string(ops.dir.join("ca/ca.crt")).unwrap();
    let ca: String = ca.lines().map(|l| format!("    {l}\n")).collect();
    vec![
        (
            "meta-data",
            format!("instance-id: e2e-host\nlocal-hostname: {HOSTNAME}\n"),
        ),
        (
            "network-config",
            format!(
                "version: 2\nethernets:\n  uplink:\n    match: {{macaddress: \"{MAC}\"}}\n\
                 bridges:\n  mvirt0:\n    interfaces: [uplink]\n    addresses: [10.0.2.15/24]\n\
                 \x20   routes: [{{to: default, via: 10.0.2.2}}]\n    nameservers: {{addresses: [10.0.2.3]}}\n"
            ),
        ),
        (
            "user-data",
            format!("#mvirt-config\napi:\n  listen: 0.0.0.0:8443\n  client-ca: |\n{ca}data-disk: auto\n"),
        ),
    ]
}

/// The handshake refusals, each leaving the host unchanged.
fn refusals(host: &Host) {
    let kernel = "/test/bzImage";
    let curl = Command::new("curl")
        .args(["-sk", "--max-time", "60"])
        .arg(format!("https://127.0.0.1:{}/v1/status", host.port))
        .output()
        .expect("curl must be installed: ./bootstrap");
    assert!(
        !curl.status.success(),
        "no client certificate, yet: {curl:?}"
    );
    let e = host.refused("mallory", &["vm", "create", "evil", "--kernel", kernel]);
    assert!(e.contains("refused this client's certificate"), "{e}");
    let e = host.refused("eve", &["vm", "create", "evil", "--kernel", kernel]);
    assert!(e.contains("expired"), "{e}");
    let e = host.refused("bob", &["vm", "create", "evil", "--kernel", kernel]);
    assert!(e.contains("role is reader") && e.contains("(403)"), "{e}");
    let (ok, out, err) = host.as_("bob", &["status"]);
    assert!(ok, "a reader reads: {out}{err}");
    assert!(host.vm_names().is_empty());
}

#[test]
fn operators_reach_the_host_over_mutual_tls_and_its_state_survives_a_reboot() {
    let build = Build::here();
    let dir = tempfile::tempdir().unwrap();
    let Some(initrd) = test_host(&build, "remote", dir.path()) else {
        return;
    };
    let ops = Operators::new(&build, &dir.path().join("ops"));
    let disk = mkfs(dir.path());
    let t = Instant::now();
    let cmdline = std::fs::read_to_string(build.repo.join("uki/cmdline.txt")).unwrap();
    let uki = build
        .uki_with(dir.path(), "host", &initrd, cmdline.trim())
        .unwrap();
    let config = config_volume(dir.path(), "config.img", &host_config(&ops));
    println!(
        "remote: UKI and config volume made in {:.1}s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let host = boot(&build, &ops, &uki, &disk, &config);
    println!(
        "remote: boot 1 ({}) serving after {:.1}s",
        host.accel.name(),
        t.elapsed().as_secs_f64()
    );
    let taken = host.console_line("mvirt-vmm: config volume: ");
    assert!(
        taken.contains(&format!("hostname {HOSTNAME}; instance-id e2e-host"))
            && taken.contains(&format!("uplink MAC {MAC}"))
            && taken.contains("api on 0.0.0.0:8443 (1 client CA(s))"),
        "{taken}"
    );
    let net = host.console_line("mvirt-vmm: host network: ");
    assert!(
        net.contains(&format!("hostname {HOSTNAME}"))
            && net.contains("10.0.2.15/24 on mvirt0, default via 10.0.2.2"),
        "{net}"
    );
    let first_fp = host.fingerprint.clone();
    let status = host.json(&["status"]);
    assert_eq!(status["storage"]["persistent"], true, "{status}");
    assert_eq!(status["network"]["uplink"], "eth0", "{status}");
    assert!(
        status["config"].as_str().unwrap().contains(HOSTNAME),
        "{status}"
    );
    let t = Instant::now();
    refusals(&host);
    println!(
        "remote: refusals checked in {:.1}s",
        t.elapsed().as_secs_f64()
    );
    let guest_initramfs = s(&dir.path().join("guest.cpio.gz"));
    let kernel = s(&build.target("bzImage"));
    let t = Instant::now();
    host.ok(&["image", "push", &kernel, "kernel"]);
    host.ok(&["image", "push", &guest_initramfs, "guest"]);
    println!("remote: images pushed in {:.1}s", t.elapsed().as_secs_f64());
    host.ok(&[
        "vm",
        "create",
        "guest",
        "--memory",
        "256",
        "--kernel",
        "image:kernel",
        "--initramfs",
        "image:guest",
        "--cmdline",
        "console=ttyS0 quiet",
        "--disk",
        "/test/disk.img",
        "--net",
        "--autostart",
    ]);
    let t = Instant::now();
    host.ok(&["vm", "start", "guest"]);
    let up = host.wait_for_guest("guest");
    println!(
        "remote: nested guest up in {:.1}s: {up}",
        t.elapsed().as_secs_f64()
    );
    let vm = host.json(&["vm", "stop", "guest", "--timeout", "120"]);
    assert_eq!(vm["state"], "stopped", "{vm}");
    assert!(
        vm["last_exit"]
            .as_str()
            .unwrap()
            .starts_with("powered off by the guest"),
        "{vm}"
    );
    let t = Instant::now();
    host.shutdown();
    println!("remote: shut down in {:.1}s", t.elapsed().as_secs_f64());

    // An operator breaks the volume: both problems are named, and the
    // config kept on the data disk keeps the host reachable.
    let mut broken = host_config(&ops);
    broken[1].1 = broken[1]
        .1
        .replace("    addresses: [10.0.2.15/24]\n", "    dhcp4: true\n");
    broken[2].1 = "#cloud-config\nhostname: elsewhere\n".into();
    let broken = config_volume(dir.path(), "broken.img", &broken);
    let t = Instant::now();
    let host = boot(&build, &ops, &uki, &disk, &broken);
    println!(
        "remote: boot 2 serving after {:.1}s",
        t.elapsed().as_secs_f64()
    );
    let taken = host.console_line("mvirt-vmm: config volume: ");
    assert!(
        taken.contains("REJECTED")
            && taken.contains("not #mvirt-config")
            && taken.contains("bridges.mvirt0.dhcp4")
            && taken.contains("using the config kept on the data disk"),
        "{taken}"
    );
    assert_eq!(
        host.fingerprint, first_fp,
        "the server identity was not kept"
    );
    assert!(host
        .qemu
        .line_with("(kept in /var/lib/mvirt/tls)")
        .is_some());
    let images = host.json(&["image", "list"]);
    assert_eq!(images.as_array().unwrap().len(), 2, "{images}");
    assert_eq!(host.vm_names(), ["guest"]);
    let up = host.wait_for_guest("guest");
    println!("remote: autostarted guest up: {up}");
    let vm = host.json(&["vm", "stop", "guest", "--timeout", "120"]);
    assert_eq!(vm["state"], "stopped", "{vm}");
    host.shutdown();
}
