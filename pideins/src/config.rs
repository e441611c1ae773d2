//! The service configuration in the image: /etc/pideins/services.toml.
//!
//! ```toml
//! [[service]]
//! name = "mvirt-vmm"
//! exec = ["/usr/sbin/mvirt-vmm", "--host-power"]
//! restart = "always"        # always | on-failure | never
//! stop_timeout_ms = 5000    # SIGTERM, then SIGKILL after this
//! backoff_initial_ms = 250  # first restart delay, doubled per failure
//! backoff_max_ms = 30000
//! max_restarts = 5          # consecutive quick failures before giving up
//! reset_after_ms = 10000    # a run this long resets the failure count
//! ```

use serde::Deserialize;

/// Default location; `$PIDEINS_CONFIG` overrides it (tests, or a kernel
/// command line `PIDEINS_CONFIG=...`, which the kernel hands to init).
pub const DEFAULT_PATH: &str = "/etc/pideins/services.toml";
/// The largest `nofile` (the kernel's default fs.nr_open).
pub const MAX_NOFILE: u64 = 1 << 20;

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Restart {
    #[default]
    Always,
    OnFailure,
    Never,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ServiceSpec {
    pub name: String,
    pub exec: Vec<String>,
    #[serde(default)]
    pub restart: Restart,
    #[serde(default = "d_stop")]
    pub stop_timeout_ms: u64,
    #[serde(default = "d_initial")]
    pub backoff_initial_ms: u64,
    #[serde(default = "d_max")]
    pub backoff_max_ms: u64,
    #[serde(default = "d_restarts")]
    pub max_restarts: u32,
    #[serde(default = "d_reset")]
    pub reset_after_ms: u64,
    /// The service's open-file limit (RLIMIT_NOFILE, soft and hard). Unset:
    /// what pideins has (the kernel gives init 1024 soft, 4096 hard).
    #[serde(default)]
    pub nofile: Option<u64>,
}

fn d_stop() -> u64 {
    5000
}
fn d_initial() -> u64 {
    250
}
fn d_max() -> u64 {
    30_000
}
fn d_restarts() -> u32 {
    5
}
fn d_reset() -> u64 {
    10_000
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default, rename = "service")]
    pub services: Vec<ServiceSpec>,
}

impl ServiceSpec {
    /// The delay before restart number `failures` (1-based): doubling from
    /// the initial delay, capped.
    pub fn backoff_ms(&self, failures: u32) -> u64 {
        let shift = failures.saturating_sub(1).min(30);
        self.backoff_initial_ms
            .saturating_mul(1u64 << shift)
            .min(self.backoff_max_ms)
    }
}

/// Parses the configuration text; errors name the file.
pub fn parse(path: &str, text: &str) -> Result<Config, String> {
    let config: Config = toml::from_str(text).map_err(|e| format!("{path}: {e}"))?;
    for s in &config.services {
        if s.exec.is_empty() {
            return Err(format!("{path}: service {}: `exec` is empty", s.name));
        }
        if s.nofile.is_some_and(|n| !(16..=MAX_NOFILE).contains(&n)) {
            return Err(format!(
                "{path}: service {}: `nofile` must be within 16..={MAX_NOFILE}",
                s.name
            ));
        }
    }
    Ok(config)
}

/// Reads the configuration; a missing file means no services.
pub fn load() -> Result<Config, String> {
    let path = std::env::var("PIDEINS_CONFIG").unwrap_or_else(|_| DEFAULT_PATH.into());
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&path, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(format!("{path}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_backoff() {
        let c = parse("t", "[[service]]\nname = \"a\"\nexec = [\"/bin/a\"]\n").unwrap();
        let s = &c.services[0];
        assert_eq!(s.restart, Restart::Always);
        assert_eq!(
            (1..=9).map(|n| s.backoff_ms(n)).collect::<Vec<_>>(),
            [250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]
        );
    }

    #[test]
    fn nofile_is_bounded() {
        let svc = |n: &str| format!("[[service]]\nname = \"a\"\nexec = [\"x\"]\nnofile = {n}\n");
        assert_eq!(
            parse("t", &svc("65536")).unwrap().services[0].nofile,
            Some(65536)
        );
        for bad in ["0", "15", "2000000"] {
            assert!(
                parse("t", &svc(bad))
                    .unwrap_err()
                    .contains("`nofile` must be"),
                "{bad}"
            );
        }
        assert!(parse("t", &svc("-1")).is_err());
    }

    #[test]
    fn errors_name_the_file() {
        assert!(parse("f.toml", "[[service]]\nname = \"a\"\nexec = []\n")
            .unwrap_err()
            .contains("f.toml: service a"));
        assert!(parse(
            "f.toml",
            "[[service]]\nname = \"a\"\nexec = [\"x\"]\nrestart = \"sometimes\"\n"
        )
        .unwrap_err()
        .starts_with("f.toml"));
    }
}
