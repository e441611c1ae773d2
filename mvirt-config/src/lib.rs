//! The host's configuration from a NoCloud volume (vfat labelled `CIDATA`,
//! read by [`mvirt_cidata`]): the way an operator tells a booted image its
//! name, its network and who may use its API, without a shell.
//!
//! - `meta-data`: `instance-id` and `local-hostname`.
//! - `network-config`: version 2, the subset [`mvirt_net::v2`] reads.
//! - `user-data`: mvirt's own host settings, a YAML document whose first
//!   line is [`USER_DATA_HEADER`]: the API's `listen` address and
//!   `client-ca` (a PEM bundle), and the `data-disk`.
//!
//! Every file is checked before anything is applied, and every key is
//! known or refused: a volume is taken whole or not at all. [`parse`]
//! returns every problem at once, each naming its file and place.

use std::net::SocketAddr;

use mvirt_cidata::Seed;
use mvirt_net::Plan;
use serde::Deserialize;

/// The first line of an mvirt host's user-data.
pub const USER_DATA_HEADER: &str = "#mvirt-config";

/// The largest file read (the volume reader allows 1 MiB).
pub const MAX_FILE: usize = 64 << 10;

/// A host's configuration, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostConfig {
    pub instance_id: Option<String>,
    pub hostname: Option<String>,
    pub network: Option<Plan>,
    pub api: Option<Api>,
    /// `auto`, `none` or a `/dev/...` path.
    pub data_disk: Option<String>,
}

/// The API over TCP with mutual TLS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Api {
    pub listen: SocketAddr,
    /// The PEM bundle of the CAs whose client certificates are accepted.
    pub client_ca: String,
    /// How many certificates it holds.
    pub client_cas: usize,
}

/// Why a volume is refused: every problem found, each naming its file.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.join("; "))]
pub struct Rejected(pub Vec<String>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaData {
    #[serde(rename = "instance-id")]
    instance_id: Option<String>,
    #[serde(rename = "local-hostname")]
    local_hostname: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserData {
    api: Option<ApiDoc>,
    #[serde(rename = "data-disk")]
    data_disk: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiDoc {
    listen: String,
    #[serde(rename = "client-ca")]
    client_ca: String,
}

/// A file's text: bounded, UTF-8.
fn text<'a>(seed: &'a Seed, name: &str) -> Result<Option<&'a str>, String> {
    let Some(bytes) = seed.files.get(name) else {
        return Ok(None);
    };
    if bytes.len() > MAX_FILE {
        return Err(format!(
            "{name}: {} bytes, more than {MAX_FILE}",
            bytes.len()
        ));
    }
    std::str::from_utf8(bytes)
        .map(Some)
        .map_err(|e| format!("{name}: not UTF-8 ({e})"))
}

/// A YAML mapping, or nothing for an empty file or one of comments only.
fn yaml<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<Option<T>, String> {
    let empty = text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if empty {
        return Ok(None);
    }
    yaml_serde::from_str(text)
        .map(Some)
        .map_err(|e| format!("{name}: {e}"))
}

fn meta_data(text: &str, config: &mut HostConfig) -> Result<(), String> {
    let Some(m) = yaml::<MetaData>("meta-data", text)? else {
        return Ok(());
    };
    if let Some(id) = m.instance_id {
        let ok = (1..=128).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_graphic());
        if !ok {
            return Err(format!(
                "meta-data: instance-id {id:?} is not 1-128 printable ASCII characters"
            ));
        }
        config.instance_id = Some(id);
    }
    if let Some(h) = m.local_hostname {
        let h = mvirt_net::param::valid_hostname(&h)
            .map_err(|why| format!("meta-data: local-hostname {h:?} {why}"))?;
        config.hostname = Some(h);
    }
    Ok(())
}

fn user_data(text: &str, config: &mut HostConfig) -> Result<(), String> {
    let first = text.lines().next().unwrap_or("").trim_end();
    if first != USER_DATA_HEADER {
        return Err(format!(
            "user-data: the first line is {first:?}, not {USER_DATA_HEADER}: an mvirt host \
             reads only its own settings, not cloud-config (docs/host.md)"
        ));
    }
    let Some(u) = yaml::<UserData>("user-data", text)? else {
        return Ok(());
    };
    if let Some(api) = u.api {
        let listen = api.listen.parse().map_err(|_| {
            format!(
                "user-data: api.listen {:?} is not ADDRESS:PORT (e.g. 0.0.0.0:8443)",
                api.listen
            )
        })?;
        let client_cas = mvirt_tls::check_client_cas(&api.client_ca)
            .map_err(|e| format!("user-data: api.client-ca: {e}"))?;
        config.api = Some(Api {
            listen,
            client_ca: api.client_ca,
            client_cas,
        });
    }
    if let Some(d) = u.data_disk {
        let ok = matches!(d.as_str(), "auto" | "none")
            || (d.starts_with("/dev/") && !d.split('/').any(|c| c == ".." || c == "."));
        if !ok {
            return Err(format!(
                "user-data: data-disk {d:?} is not auto, none or a device (/dev/...)"
            ));
        }
        config.data_disk = Some(d);
    }
    Ok(())
}

/// Checks every file of `seed` for a host whose VM bridge is `bridge`.
pub fn parse(seed: &Seed, bridge: &str) -> Result<HostConfig, Rejected> {
    let mut config = HostConfig::default();
    let mut errors = Vec::new();
    if seed.files.contains_key("vendor-data") {
        errors.push("vendor-data: an mvirt host does not read it; remove it".to_string());
    }
    let mut each = |name: &str, f: &dyn Fn(&str, &mut HostConfig) -> Result<(), String>| match text(
        seed, name,
    )
    .and_then(|t| t.map_or(Ok(()), |t| f(t, &mut config)))
    {
        Ok(()) => {}
        Err(e) => errors.push(e),
    };
    each("meta-data", &meta_data);
    each("user-data", &user_data);
    each("network-config", &|t, c| {
        let plan = mvirt_net::v2::parse(t, bridge).map_err(|e| format!("network-config: {e}"))?;
        c.network = Some(plan);
        Ok(())
    });
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(Rejected(errors))
    }
}

/// One line for the console and `mvirt status`: what the volume sets.
pub fn summary(c: &HostConfig) -> String {
    let mut parts = Vec::new();
    if let Some(h) = &c.hostname {
        parts.push(format!("hostname {h}"));
    }
    if let Some(id) = &c.instance_id {
        parts.push(format!("instance-id {id}"));
    }
    if let Some(n) = &c.network {
        let mut addrs: Vec<String> = n
            .interfaces
            .iter()
            .flat_map(|(d, a)| a.addresses.iter().map(move |c| format!("{c} on {d}")))
            .collect();
        if let Some(b) = &n.bridge {
            addrs.extend(
                b.addressing
                    .addresses
                    .iter()
                    .map(|c| format!("{c} on the bridge")),
            );
            addrs.push(format!("uplink {}", b.uplink));
        }
        parts.push(format!("network: {}", addrs.join(", ")));
    }
    if let Some(a) = &c.api {
        parts.push(format!(
            "api on {} ({} client CA(s))",
            a.listen, a.client_cas
        ));
    }
    if let Some(d) = &c.data_disk {
        parts.push(format!("data-disk {d}"));
    }
    if parts.is_empty() {
        "nothing set".into()
    } else {
        parts.join("; ")
    }
}
