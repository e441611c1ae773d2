//! `vm create`'s cloud-init seed flags, and the seed they ask for.

use std::path::PathBuf;

use anyhow::{Context, Result};

/// A NoCloud seed for the guest (a FAT volume labelled CIDATA, attached
/// read-only): the files given, and defaults for the others.
#[derive(clap::Args, Debug)]
pub struct SeedArgs {
    /// Attach a cloud-init NoCloud seed (CIDATA), with defaults for the
    /// files not given: meta-data naming the VM, DHCP on its NIC.
    #[arg(long)]
    pub seed: bool,
    /// The seed's user-data (implies --seed).
    #[arg(long, value_name = "FILE")]
    pub user_data: Option<PathBuf>,
    /// The seed's meta-data (implies --seed).
    #[arg(long, value_name = "FILE")]
    pub meta_data: Option<PathBuf>,
    /// The seed's network-config (implies --seed).
    #[arg(long, value_name = "FILE", conflicts_with = "ip")]
    pub network_config: Option<PathBuf>,
    /// The guest's static address in the default network-config, instead
    /// of DHCP (implies --seed; needs --net or --tap).
    #[arg(long, value_name = "ADDRESS/PREFIX")]
    pub ip: Option<String>,
    /// The guest's default gateway, with --ip.
    #[arg(long, value_name = "ADDRESS", requires = "ip")]
    pub gateway: Option<String>,
}

/// A seed file: text within the daemon's bound.
fn read(p: &Option<PathBuf>) -> Result<Option<String>> {
    let Some(p) = p else { return Ok(None) };
    let bytes = mvirt_atomic::read_input(p, mvirt_api::MAX_SEED_FILE)
        .with_context(|| format!("reading {}", p.display()))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", p.display()))
}

impl SeedArgs {
    /// The seed a create asks for: with `--seed`, any seed file or `--ip`;
    /// each file read here, in the order meta-data, user-data,
    /// network-config.
    pub fn spec(&self) -> Result<Option<mvirt_api::SeedSpec>> {
        let asked = self.seed
            || self.meta_data.is_some()
            || self.user_data.is_some()
            || self.network_config.is_some()
            || self.ip.is_some();
        if !asked {
            return Ok(None);
        }
        Ok(Some(mvirt_api::SeedSpec {
            meta_data: read(&self.meta_data)?,
            user_data: read(&self.user_data)?,
            network_config: read(&self.network_config)?,
            address: self.ip.clone(),
            gateway: self.gateway.clone(),
        }))
    }
}
