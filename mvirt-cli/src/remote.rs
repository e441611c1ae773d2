//! Where `mvirt` sends its requests: the local socket, or a host's API over
//! mutual TLS, named by flags or by a context of the config file (as
//! talosconfig and kubeconfig do).
//!
//! The config file (`--config`, `$MVIRT_CONFIG`, or
//! `$XDG_CONFIG_HOME/mvirt/config.toml`, by default `~/.config/...`):
//!
//! ```toml
//! current = "lab"
//! [contexts.lab]
//! endpoint = "192.0.2.10:8443"
//! server_fingerprint = "sha256:…"   # printed on the host's console
//! cert = "lab/client.crt"           # relative to the config file
//! key = "lab/client.key"
//! ```
//!
//! Precedence: `--endpoint` with `--cert`, `--key` and
//! `--server-fingerprint`; else `--context` (or `$MVIRT_CONTEXT`), else the
//! file's `current`; else the local socket.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args;
use mvirt_api::client::Endpoint;
use serde::{Deserialize, Serialize};

/// The largest config, certificate or key file read.
const MAX_FILE: u64 = 1 << 20;

#[derive(Args, Debug, Clone)]
pub struct RemoteArgs {
    /// A host's API address (HOST:PORT), over mutual TLS; needs --cert,
    /// --key and --server-fingerprint unless a context gives them.
    #[arg(long, global = true, value_name = "HOST:PORT")]
    pub endpoint: Option<String>,
    /// The client certificate (PEM), from `mvirt pki client`.
    #[arg(long, global = true, value_name = "PEM")]
    pub cert: Option<PathBuf>,
    /// The client certificate's key (PEM).
    #[arg(long, global = true, value_name = "PEM")]
    pub key: Option<PathBuf>,
    /// The host's server certificate fingerprint (sha256:…), as its console
    /// printed it.
    #[arg(long, global = true, value_name = "SHA256")]
    pub server_fingerprint: Option<String>,
    /// A context of the config file [env: MVIRT_CONTEXT].
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,
    /// The config file [env: MVIRT_CONFIG; default:
    /// ~/.config/mvirt/config.toml].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    #[serde(default)]
    pub contexts: BTreeMap<String, HostContext>,
}

/// One host and the credentials for it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostContext {
    pub endpoint: String,
    pub server_fingerprint: String,
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// The config file's path.
pub fn config_path(args: &RemoteArgs) -> Option<PathBuf> {
    if let Some(p) = &args.config {
        return Some(p.clone());
    }
    if let Some(p) = std::env::var_os("MVIRT_CONFIG") {
        return Some(p.into());
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some(base.join("mvirt/config.toml"))
}

/// Reads the config file; a missing one is empty.
pub fn load(path: &Path) -> Result<ConfigFile> {
    let text = match mvirt_atomic::read_input_to_string(path, MAX_FILE) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ConfigFile::default()),
        Err(e) => return Err(e).with_context(|| path.display().to_string()),
    };
    toml::from_str(&text).with_context(|| format!("{}: not a valid mvirt config", path.display()))
}

/// Writes the config file whole (it names keys: 0600).
pub fn save(path: &Path, config: &ConfigFile) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    let text = toml::to_string(config).context("encoding the config")?;
    mvirt_atomic::write(path, text.as_bytes(), 0o600).with_context(|| path.display().to_string())
}

fn read(path: &Path, what: &str) -> Result<String> {
    mvirt_atomic::read_input_to_string(path, MAX_FILE)
        .with_context(|| format!("the {what} {}", path.display()))
}

/// The endpoint the flags and the config name.
pub fn endpoint(args: &RemoteArgs, socket: &Path) -> Result<Endpoint> {
    let from_file = chosen_context(args)?;
    let (ctx, base) = match (&args.endpoint, from_file) {
        (Some(endpoint), ctx) => {
            let ctx = ctx.map(|(c, _)| c);
            let pick = |flag: &Option<PathBuf>, f: fn(&HostContext) -> &PathBuf, name: &str| {
                flag.clone()
                    .or_else(|| ctx.as_ref().map(|c| f(c).clone()))
                    .with_context(|| format!("--endpoint needs --{name} (or a --context)"))
            };
            let fingerprint = args
                .server_fingerprint
                .clone()
                .or_else(|| ctx.as_ref().map(|c| c.server_fingerprint.clone()))
                .context("--endpoint needs --server-fingerprint (or a --context)")?;
            let c = HostContext {
                endpoint: endpoint.clone(),
                server_fingerprint: fingerprint,
                cert: pick(&args.cert, |c| &c.cert, "cert")?,
                key: pick(&args.key, |c| &c.key, "key")?,
            };
            (c, PathBuf::new())
        }
        (None, Some((ctx, base))) => (ctx, base),
        (None, None) => {
            if args.cert.is_some() || args.key.is_some() || args.server_fingerprint.is_some() {
                bail!("--cert, --key and --server-fingerprint go with --endpoint or --context");
            }
            return Ok(Endpoint::Unix(socket.into()));
        }
    };
    let identity = mvirt_tls::Pem {
        cert: read(&base.join(&ctx.cert), "client certificate")?,
        key: read(&base.join(&ctx.key), "client key")?,
    };
    let config = mvirt_tls::client_config(&identity, &ctx.server_fingerprint)?;
    Ok(Endpoint::Tls {
        addr: ctx.endpoint,
        config,
    })
}

/// The context `--context`, `$MVIRT_CONTEXT` or the file's `current` names,
/// with the directory its relative paths start from.
fn chosen_context(args: &RemoteArgs) -> Result<Option<(HostContext, PathBuf)>> {
    let env = std::env::var("MVIRT_CONTEXT")
        .ok()
        .filter(|s| !s.is_empty());
    let asked = args.context.clone().or(env);
    let Some(path) = config_path(args) else {
        return match asked {
            Some(name) => bail!("context {name:?}: no config file (set HOME or MVIRT_CONFIG)"),
            None => Ok(None),
        };
    };
    let file = load(&path)?;
    let Some(name) = asked.or(file.current.clone()) else {
        return Ok(None);
    };
    let Some(ctx) = file.contexts.get(&name) else {
        let known: Vec<&String> = file.contexts.keys().collect();
        bail!(
            "no context {name:?} in {} (it has: {known:?}); add one with `mvirt config add`",
            path.display()
        );
    };
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Some((ctx.clone(), base)))
}
