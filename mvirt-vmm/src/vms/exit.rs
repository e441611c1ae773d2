//! How a VM's process ended, in words for `last_exit`.

/// How a process ended, as its watcher saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Exit {
    Code(i32),
    Signal(i32),
    /// Not our child (re-adopted), or wait failed: why it is unknown.
    Unknown(String),
}

impl Exit {
    pub(super) fn of(status: std::process::ExitStatus) -> Exit {
        use std::os::unix::process::ExitStatusExt;
        match (status.code(), status.signal()) {
            (Some(c), _) => Exit::Code(c),
            (_, Some(s)) => Exit::Signal(s),
            _ => Exit::Unknown(status.to_string()),
        }
    }

    /// For "<what the daemon did> (<this>)".
    fn short(&self) -> String {
        match self {
            Exit::Code(c) => format!("exit status {c}"),
            Exit::Signal(s) => format!("signal {s}"),
            Exit::Unknown(why) => format!("exit status unknown: {why}"),
        }
    }

    /// When the process ended by itself.
    fn long(&self) -> String {
        match self {
            Exit::Code(c) => format!("exited with status {c}"),
            Exit::Signal(s) => format!("was killed by signal {s}"),
            Exit::Unknown(why) => format!("ended (exit status unknown: {why})"),
        }
    }
}

/// The last few non-empty lines of a log, joined, for last_exit.
fn log_tail(path: &str) -> Option<String> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = std::fs::File::open(path).ok()?;
    let len = f.metadata().ok()?.len();
    f.seek(SeekFrom::Start(len.saturating_sub(4096))).ok()?;
    let mut buf = Vec::new();
    f.read_to_end(&mut buf).ok()?;
    let text = String::from_utf8_lossy(&buf);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let tail = lines[lines.len().saturating_sub(3)..].join(" | ");
    if tail.is_empty() {
        return None;
    }
    let mut tail: String = tail.chars().take(600).collect();
    if tail.len() < text.len() && lines.len() > 3 {
        tail.insert_str(0, "... ");
    }
    Some(tail)
}

/// What last_exit says: what the daemon did (if anything) and how the
/// process ended, with the end of cloud-hypervisor's log when it failed.
pub(super) fn last_exit(ending: Option<String>, exit: &Exit, log: &str) -> String {
    let mut why = match ending {
        Some(e) => format!("{e} ({})", exit.short()),
        None => exit.long(),
    };
    let failed = matches!(exit, Exit::Code(c) if *c != 0)
        || matches!(exit, Exit::Signal(s) if *s != libc::SIGKILL);
    if failed {
        if let Some(tail) = log_tail(log) {
            why += &format!("; {log} ends: {tail}");
        }
    }
    why
}

/// The "what the daemon did" halves of last_exit (see [`last_exit`]).
pub mod ending {
    pub const POWER_BUTTON: &str = "powered off by the guest after the power button";
    /// Starts each ending of a stop at host shutdown.
    pub const HOST_SHUTDOWN: &str = "host shutdown: ";
    pub const KILL: &str = "killed by mvirt vm kill";

    pub fn api_shutdown(after: &str) -> String {
        format!("shut down by cloud-hypervisor (vm.shutdown, vmm.shutdown) after {after}")
    }

    pub fn killed(after: &str) -> String {
        format!(
            "killed (SIGKILL) after {after}, and cloud-hypervisor did not end within {}s of vm.shutdown and vmm.shutdown",
            super::super::API_SHUTDOWN_GRACE.as_secs()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_exit_says_what_was_done_and_how_it_ended() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("vm.log");
        let log = log.to_str().unwrap();
        std::fs::write(log, "starting\n\nError: boom\nFatal error: no kernel\n").unwrap();
        assert_eq!(
            last_exit(Some(ending::POWER_BUTTON.into()), &Exit::Code(0), log),
            "powered off by the guest after the power button (exit status 0)"
        );
        assert_eq!(last_exit(None, &Exit::Code(0), log), "exited with status 0");
        assert_eq!(
            last_exit(None, &Exit::Code(1), log),
            format!(
                "exited with status 1; {log} ends: starting | Error: boom | Fatal error: no kernel"
            )
        );
        assert_eq!(
            last_exit(Some(ending::KILL.into()), &Exit::Signal(9), log),
            "killed by mvirt vm kill (signal 9)"
        );
        assert!(last_exit(None, &Exit::Signal(11), log).starts_with("was killed by signal 11; "));
        assert_eq!(
            last_exit(None, &Exit::Code(2), "/nonexistent/log"),
            "exited with status 2"
        );
    }

    #[test]
    fn a_long_log_gives_its_last_lines_only() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("vm.log");
        let text: String = (0..2000).map(|i| format!("line {i}\n")).collect();
        std::fs::write(&log, text).unwrap();
        let tail = log_tail(log.to_str().unwrap()).unwrap();
        assert_eq!(tail, "... line 1997 | line 1998 | line 1999");
    }
}
