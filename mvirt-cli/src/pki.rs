//! `mvirt pki` (an operator's CA and client certificates) and `mvirt
//! config` (contexts). Nothing here talks to a host.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use mvirt_tls::pki::{issue_client, new_ca, MAX_DAYS};
use mvirt_tls::{Pem, Role, Validity};

use crate::remote::{self, HostContext, RemoteArgs};

#[derive(Subcommand)]
pub enum PkiCmd {
    /// Make a CA for a new set of operators: DIR/ca.crt (give it to the
    /// host as its client CA) and DIR/ca.key (keep it safe).
    Ca {
        /// The directory to write; it must not hold a CA yet.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The CA's name (its CN).
        #[arg(long, default_value = "mvirt operators")]
        name: String,
        #[arg(long, default_value_t = 3650, value_parser = clap::value_parser!(u32).range(1..=MAX_DAYS as i64))]
        days: u32,
    },
    /// Issue a client certificate: DIR/client.crt and DIR/client.key.
    Client {
        /// The directory of ca.crt and ca.key.
        #[arg(long, value_name = "DIR")]
        ca: PathBuf,
        /// Who it is for (its CN).
        #[arg(long)]
        name: String,
        /// admin (everything) or reader (status, lists, consoles).
        #[arg(long)]
        role: Role,
        #[arg(long, default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=MAX_DAYS as i64))]
        days: u32,
        /// The directory to write; it must not hold a client certificate yet.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ConfigCmd {
    /// Add (or replace) a context: a host and the credentials for it.
    Add {
        name: String,
        #[arg(long = "host", value_name = "HOST:PORT")]
        endpoint: String,
        #[arg(long = "fingerprint", value_name = "SHA256")]
        server_fingerprint: String,
        #[arg(long = "client-cert", value_name = "PEM")]
        cert: PathBuf,
        #[arg(long = "client-key", value_name = "PEM")]
        key: PathBuf,
        /// Make it the current context.
        #[arg(long = "use")]
        make_current: bool,
    },
    /// Make a context the current one.
    Use { name: String },
    /// List the contexts (* marks the current one).
    List,
}

/// Writes `dir/name` whole, refusing to replace a file.
fn write_new(dir: &Path, name: &str, text: &str, mode: u32) -> Result<PathBuf> {
    let path = dir.join(name);
    if path.exists() {
        bail!(
            "{} exists; remove it first, or write elsewhere",
            path.display()
        );
    }
    mvirt_atomic::write(&path, text.as_bytes(), mode)
        .with_context(|| path.display().to_string())?;
    Ok(path)
}

fn write_pair(dir: &Path, stem: &str, pem: &Pem) -> Result<(PathBuf, PathBuf)> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    for ext in ["crt", "key"] {
        let p = dir.join(format!("{stem}.{ext}"));
        if p.exists() {
            bail!(
                "{} exists; remove it first, or write elsewhere",
                p.display()
            );
        }
    }
    let key = write_new(dir, &format!("{stem}.key"), &pem.key, 0o600)?;
    let crt = write_new(dir, &format!("{stem}.crt"), &pem.cert, 0o644)?;
    Ok((crt, key))
}

pub fn pki(cmd: PkiCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        PkiCmd::Ca {
            out: dir,
            name,
            days,
        } => {
            let ca = new_ca(&name, Validity::days(days))?;
            let (crt, key) = write_pair(&dir, "ca", &ca)?;
            writeln!(out, "wrote {} and {}", crt.display(), key.display())?;
            writeln!(
                out,
                "give the host {} as its client CA; keep the key safe",
                crt.display()
            )?;
        }
        PkiCmd::Client {
            ca,
            name,
            role,
            days,
            out: dir,
        } => {
            let read = |f: &str| {
                let p = ca.join(f);
                mvirt_atomic::read_input_to_string(&p, 1 << 20)
                    .with_context(|| p.display().to_string())
            };
            let ca = Pem {
                cert: read("ca.crt")?,
                key: read("ca.key")?,
            };
            let client = issue_client(&ca, &name, role, Validity::days(days))?;
            let (crt, key) = write_pair(&dir, "client", &client)?;
            writeln!(
                out,
                "wrote {} and {} ({name}, role {role}, {days} days)",
                crt.display(),
                key.display()
            )?;
        }
    }
    Ok(())
}

pub fn config(cmd: ConfigCmd, args: &RemoteArgs, out: &mut dyn Write) -> Result<()> {
    let path = remote::config_path(args)
        .context("no config file: set HOME or MVIRT_CONFIG, or pass --config")?;
    let mut file = remote::load(&path)?;
    match cmd {
        ConfigCmd::Add {
            name,
            endpoint,
            server_fingerprint,
            cert,
            key,
            make_current,
        } => {
            mvirt_tls::pki::parse_fingerprint(&server_fingerprint)?;
            let absolute =
                |p: PathBuf| std::path::absolute(&p).with_context(|| p.display().to_string());
            let ctx = HostContext {
                endpoint,
                server_fingerprint,
                cert: absolute(cert)?,
                key: absolute(key)?,
            };
            file.contexts.insert(name.clone(), ctx);
            if make_current || file.current.is_none() {
                file.current = Some(name.clone());
            }
            remote::save(&path, &file)?;
            writeln!(out, "context {name} saved in {}", path.display())?;
        }
        ConfigCmd::Use { name } => {
            if !file.contexts.contains_key(&name) {
                bail!("no context {name:?} in {}", path.display());
            }
            file.current = Some(name.clone());
            remote::save(&path, &file)?;
            writeln!(out, "current context: {name}")?;
        }
        ConfigCmd::List => {
            for (name, c) in &file.contexts {
                let mark = if file.current.as_deref() == Some(name) {
                    "*"
                } else {
                    " "
                };
                writeln!(
                    out,
                    "{mark} {name:<16} {}  {}",
                    c.endpoint, c.server_fingerprint
                )?;
            }
        }
    }
    Ok(())
}
