//! A host configuration as an operator writes it, through a real volume
//! (mvirt-cidata's FAT image, read back), and the shapes that are refused:
//! each problem named by its file, all of them at once, nothing half-taken.

use mvirt_cidata::Seed;
use mvirt_config::{parse, summary, Rejected, USER_DATA_HEADER};

fn ca() -> String {
    mvirt_tls::pki::new_ca("ops", mvirt_tls::Validity::days(30))
        .unwrap()
        .cert
}

fn seed(files: &[(&str, &str)]) -> Seed {
    let mut s = Seed::default();
    for (name, text) in files {
        s.add(name, text.as_bytes().to_vec()).unwrap();
    }
    s
}

fn user_data(ca: &str) -> String {
    let indented: String = ca.lines().map(|l| format!("    {l}\n")).collect();
    format!("{USER_DATA_HEADER}\napi:\n  listen: 0.0.0.0:8443\n  client-ca: |\n{indented}data-disk: auto\n")
}

const NETWORK: &str = "version: 2\nethernets:\n  uplink:\n    match: {name: eth0}\n\
                       bridges:\n  mvirt0:\n    interfaces: [uplink]\n    addresses: [10.0.2.15/24]\n    \
                       gateway4: 10.0.2.2\n";

#[test]
fn a_whole_volume_reads_back_into_the_configuration() {
    let ca = ca();
    let two_cas = format!("{ca}{}", self::ca());
    let files = seed(&[
        (
            "meta-data",
            "instance-id: host-7\nlocal-hostname: rack1-h7\n",
        ),
        ("network-config", NETWORK),
        ("user-data", &user_data(&two_cas)),
    ]);
    let volume = mvirt_cidata::image(&files).unwrap();
    let read = mvirt_cidata::read(&volume[..]).unwrap();
    let c = parse(&read, "mvirt0").unwrap();
    assert_eq!(c.hostname.as_deref(), Some("rack1-h7"));
    assert_eq!(c.instance_id.as_deref(), Some("host-7"));
    let api = c.api.as_ref().unwrap();
    assert_eq!(api.listen.to_string(), "0.0.0.0:8443");
    assert_eq!(api.client_cas, 2);
    assert_eq!(c.data_disk.as_deref(), Some("auto"));
    let bridge = c.network.as_ref().unwrap().bridge.as_ref().unwrap();
    assert_eq!(bridge.uplink.to_string(), "eth0");
    assert_eq!(
        summary(&c),
        "hostname rack1-h7; instance-id host-7; network: 10.0.2.15/24 on the bridge, uplink eth0; \
         api on 0.0.0.0:8443 (2 client CA(s)); data-disk auto"
    );
}

#[test]
fn empty_files_and_a_missing_file_set_nothing() {
    let c = parse(
        &seed(&[
            ("meta-data", ""),
            ("user-data", "#mvirt-config\n# nothing yet\n"),
        ]),
        "mvirt0",
    )
    .unwrap();
    assert_eq!(c, Default::default());
    assert_eq!(summary(&c), "nothing set");
}

fn rejected(files: &[(&str, &str)]) -> Vec<String> {
    match parse(&seed(files), "mvirt0") {
        Ok(c) => panic!("accepted {files:?}: {c:?}"),
        Err(Rejected(e)) => e,
    }
}

#[test]
fn every_problem_is_named_by_its_file_and_all_are_reported() {
    let errors = rejected(&[
        ("meta-data", "local-hostname: -bad-\n"),
        ("user-data", "#cloud-config\nusers: []\n"),
        (
            "network-config",
            "version: 2\nethernets: {eth0: {dhcp4: true}}\n",
        ),
        ("vendor-data", "x"),
    ]);
    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert!(errors[0].starts_with("vendor-data:"), "{errors:#?}");
    assert!(
        errors[1].contains("meta-data: local-hostname \"-bad-\""),
        "{errors:#?}"
    );
    assert!(errors[2].contains("not #mvirt-config"), "{errors:#?}");
    assert!(
        errors[3].contains("network-config: ethernets.eth0.dhcp4"),
        "{errors:#?}"
    );
}

#[test]
fn hostile_and_wrong_shapes_are_refused() {
    let ca = ca();
    let good_user = user_data(&ca);
    for (name, text, says) in [
        ("meta-data", "instance-id: i-1\npublic-keys: [x]\n", "unknown field `public-keys`"),
        ("meta-data", "instance-id: \"a b\"\n", "instance-id"),
        ("meta-data", "local-hostname: [a, b]\n", "meta-data: local-hostname"),
        ("meta-data", "- a\n", "meta-data:"),
        ("meta-data", "local-hostname: a_b\n", "local-hostname"),
        ("user-data", "", "not #mvirt-config"),
        ("user-data", " #mvirt-config\n", "not #mvirt-config"),
        ("user-data", "#mvirt-config\napi: {listen: 0.0.0.0:8443}\n", "missing field `client-ca`"),
        ("user-data", "#mvirt-config\napi: {listen: \"8443\", client-ca: x}\n", "api.listen"),
        ("user-data", "#mvirt-config\napi: {listen: \"[::]:8443\", client-ca: nothing}\n", "api.client-ca"),
        (
            "user-data",
            "#mvirt-config\napi: {listen: 0.0.0.0:1, client-ca: \"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n\"}\n",
            "api.client-ca",
        ),
        ("user-data", "#mvirt-config\ndata-disk: /dev/../etc/passwd\n", "data-disk"),
        ("user-data", "#mvirt-config\ndata-disk: sda\n", "data-disk"),
        ("user-data", "#mvirt-config\nssh_authorized_keys: [x]\n", "unknown field"),
        ("network-config", "version: 1\n", "network-config: version"),
        ("network-config", "{{{", "network-config:"),
    ] {
        let errors = rejected(&[(name, text)]);
        assert_eq!(errors.len(), 1, "{name} {text:?}: {errors:#?}");
        assert!(errors[0].contains(says), "{name} {text:?}: {errors:#?}");
    }
    // Not UTF-8, and too large for the host's reader.
    let mut s = Seed::default();
    s.add("meta-data", vec![0xff, 0xfe, b'\n']).unwrap();
    s.add(
        "user-data",
        format!("{good_user}#{}\n", "x".repeat(64 << 10)).into_bytes(),
    )
    .unwrap();
    let Err(Rejected(errors)) = parse(&s, "mvirt0") else {
        panic!("accepted");
    };
    assert!(errors[0].contains("meta-data: not UTF-8"), "{errors:#?}");
    assert!(
        errors[1].contains("user-data:") && errors[1].contains("more than"),
        "{errors:#?}"
    );
}

#[test]
fn the_cli_checks_a_volume_and_a_directory() {
    let bin = env!("CARGO_BIN_EXE_mvirt-config");
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    std::fs::write(files.join("meta-data"), "local-hostname: h1\n").unwrap();
    std::fs::write(files.join("network-config"), NETWORK).unwrap();
    let out = std::process::Command::new(bin)
        .args(["check"])
        .arg(&files)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "hostname h1; network: 10.0.2.15/24 on the bridge, uplink eth0\n"
    );
    let volume = dir.path().join("config.img");
    let bad = seed(&[
        ("meta-data", "local-hostname: x..y\n"),
        ("network-config", "version: 2\nbridges: {br9: {}}\n"),
    ]);
    std::fs::write(&volume, mvirt_cidata::image(&bad).unwrap()).unwrap();
    let out = std::process::Command::new(bin)
        .args(["check"])
        .arg(&volume)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error: meta-data: local-hostname")
            && err.contains("error: network-config: bridges.br9"),
        "{err}"
    );
    let out = std::process::Command::new(bin)
        .args(["check", "/nonexistent"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}
