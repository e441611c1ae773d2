//! The kernel command line, as far as pideins reads it: `pideins.*` keys.
//!
//! - `pideins.hostname=NAME` overrides /etc/hostname.
//! - `pideins.selfcheck="CMD ARGS"` runs CMD once services are up, prints
//!   its result and powers off (the boot tests use it).
//! - `pideins.selfcheck_timeout=SECONDS` (default 30) how long to retry it.
//!
//! Values may be double-quoted, as the kernel allows.

/// Splits a command line into words, honouring double quotes.
pub fn split(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(cur);
    }
    words
}

/// What pideins takes from the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub hostname: Option<String>,
    pub selfcheck: Option<Vec<String>>,
    pub selfcheck_timeout_s: Option<u64>,
}

/// Parses the `pideins.*` keys out of a kernel command line.
pub fn parse(text: &str) -> Options {
    let mut opts = Options::default();
    for word in split(text) {
        let Some((key, value)) = word.split_once('=') else {
            continue;
        };
        match key {
            "pideins.hostname" if !value.is_empty() => opts.hostname = Some(value.into()),
            "pideins.selfcheck" => {
                let argv = split(value);
                if !argv.is_empty() {
                    opts.selfcheck = Some(argv);
                }
            }
            "pideins.selfcheck_timeout" => opts.selfcheck_timeout_s = value.parse().ok(),
            _ => {}
        }
    }
    opts
}

/// The command line: `$PIDEINS_CMDLINE` if set (host tests run pideins in a
/// namespace, where /proc/cmdline is the host's), else /proc/cmdline.
pub fn read() -> String {
    std::env::var("PIDEINS_CMDLINE")
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/cmdline").ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_and_keys() {
        let o = parse(
            "console=ttyS0 pideins.hostname=h1 pideins.selfcheck=\"/usr/sbin/mvirt status\" quiet pideins.selfcheck_timeout=5",
        );
        assert_eq!(o.hostname.as_deref(), Some("h1"));
        assert_eq!(
            o.selfcheck,
            Some(vec!["/usr/sbin/mvirt".to_string(), "status".to_string()])
        );
        assert_eq!(o.selfcheck_timeout_s, Some(5));
    }

    #[test]
    fn nothing_set() {
        assert_eq!(parse("console=ttyS0 quiet"), Options::default());
        assert_eq!(parse(""), Options::default());
    }
}
