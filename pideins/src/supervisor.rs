//! Starting, watching and restarting services; reaping every child.
//!
//! A service that exits is restarted after a delay that doubles with each
//! consecutive failure (capped); a run that lasted `reset_after_ms` resets
//! the count. After `max_restarts` consecutive failures the supervisor gives
//! up on it and says so. Every exit is logged with its status.

use std::collections::BTreeMap;
use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::{Duration, Instant};

use nix::sys::signal::{kill, killpg, Signal};
use nix::sys::wait::{waitid, waitpid, Id, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

use crate::config::{Restart, ServiceSpec};
use crate::log;
use crate::selfcheck::Children;

/// How a child ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
}

impl Exit {
    pub fn success(self) -> bool {
        self == Exit::Code(0)
    }
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(c) => write!(f, "status {c}"),
            Exit::Signal(s) => match Signal::try_from(*s) {
                Ok(sig) => write!(f, "signal {}", sig.as_str()),
                Err(_) => write!(f, "signal {s}"),
            },
        }
    }
}

struct Service {
    spec: ServiceSpec,
    pid: Option<Pid>,
    started: Instant,
    failures: u32,
    restart_at: Option<Instant>,
}

/// All services and the children pideins waits for.
pub struct Supervisor {
    services: Vec<Service>,
    /// Other children whose exit someone waits for (the self-check).
    watched: BTreeMap<Pid, Option<Exit>>,
    pub orphans_reaped: u64,
    stopping: bool,
}

impl Supervisor {
    pub fn new(specs: Vec<ServiceSpec>) -> Supervisor {
        let now = Instant::now();
        Supervisor {
            services: specs
                .into_iter()
                .map(|spec| Service {
                    spec,
                    pid: None,
                    started: now,
                    failures: 0,
                    restart_at: Some(now),
                })
                .collect(),
            watched: BTreeMap::new(),
            orphans_reaped: 0,
            stopping: false,
        }
    }

    /// Starts every service whose (re)start time has come.
    pub fn start_due(&mut self) {
        if self.stopping {
            return;
        }
        let now = Instant::now();
        for s in &mut self.services {
            if s.pid.is_none() && s.restart_at.is_some_and(|t| t <= now) {
                s.restart_at = None;
                start(s);
            }
        }
    }

    /// When the next restart is due, if any.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.services.iter().filter_map(|s| s.restart_at).min()
    }

    /// Whether a service of that name is running now.
    pub fn running(&self, name: &str) -> bool {
        self.services
            .iter()
            .any(|s| s.spec.name == name && s.pid.is_some())
    }

    /// Reaps every child that has exited: services (logged, restart
    /// scheduled), watched children (recorded) and orphans (counted).
    pub fn reap(&mut self) {
        loop {
            let (pid, exit) = match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
                Ok(WaitStatus::Exited(pid, code)) => (pid, Exit::Code(code)),
                Ok(WaitStatus::Signaled(pid, sig, _)) => (pid, Exit::Signal(sig as i32)),
                Ok(WaitStatus::StillAlive) | Err(_) => return,
                Ok(_) => continue,
            };
            if let Some(slot) = self.watched.get_mut(&pid) {
                *slot = Some(exit);
                continue;
            }
            let stopping = self.stopping;
            match self.services.iter_mut().find(|s| s.pid == Some(pid)) {
                Some(s) => exited(s, exit, stopping),
                None => self.orphans_reaped += 1,
            }
        }
    }

    /// Stops every service: SIGTERM to its process group, SIGKILL after its
    /// timeout. Then ends every other process (SIGTERM, then SIGKILL).
    pub fn stop_all(&mut self) {
        self.stopping = true;
        let now = Instant::now();
        let mut deadlines = Vec::new();
        for s in &mut self.services {
            s.restart_at = None;
            if let Some(pid) = s.pid {
                log!("stopping {} (pid {pid})", s.spec.name);
                let _ = killpg(pid, Signal::SIGTERM);
                let _ = kill(pid, Signal::SIGTERM);
                deadlines.push((
                    pid,
                    now + Duration::from_millis(s.spec.stop_timeout_ms),
                    s.spec.name.clone(),
                    s.spec.stop_timeout_ms,
                ));
            }
        }
        loop {
            self.reap();
            let now = Instant::now();
            let mut waiting = false;
            for (pid, deadline, name, ms) in &deadlines {
                if !self.services.iter().any(|s| s.pid == Some(*pid)) {
                    continue;
                }
                if now >= *deadline {
                    log!("{name} did not stop within {ms}ms; killing it");
                    let _ = killpg(*pid, Signal::SIGKILL);
                    let _ = kill(*pid, Signal::SIGKILL);
                }
                waiting = true;
            }
            if !waiting {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // Everything else: a grace period, then SIGKILL. Every user process
        // is a descendant of PID 1 (orphans are re-parented to it), so the
        // grace period ends as soon as PID 1 has no children left. (Probing
        // with kill(-1, 0) would not do: kernel threads always answer it.)
        if kill(Pid::from_raw(-1), Signal::SIGTERM).is_ok() {
            let end = Instant::now() + Duration::from_secs(2);
            while Instant::now() < end {
                self.reap();
                if !has_children() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = kill(Pid::from_raw(-1), Signal::SIGKILL);
            std::thread::sleep(Duration::from_millis(20));
            self.reap();
        }
    }
}

/// The self-check's tries are watched children: reaped with the rest,
/// their exits kept until asked for.
impl Children for Supervisor {
    fn spawn_watched(&mut self, argv: &[String]) -> std::io::Result<Pid> {
        let mut cmd = Command::new(&argv[0]);
        cmd.args(&argv[1..])
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        let child = unblock_signals_in_child(&mut cmd).spawn()?;
        let pid = Pid::from_raw(child.id() as i32);
        self.watched.insert(pid, None);
        Ok(pid)
    }

    fn exit_of(&mut self, pid: Pid) -> Option<Exit> {
        let exit = (*self.watched.get(&pid)?)?;
        self.watched.remove(&pid);
        Some(exit)
    }

    fn kill_watched(&mut self, pid: Pid) {
        let _ = kill(pid, Signal::SIGKILL);
    }
}

/// Whether this process has any child, running or not yet reaped.
fn has_children() -> bool {
    let flags = WaitPidFlag::WEXITED | WaitPidFlag::WNOHANG | WaitPidFlag::WNOWAIT;
    !matches!(waitid(Id::All, flags), Err(nix::errno::Errno::ECHILD))
}

/// PID 1 blocks the signals it reads through its signalfd; a child would
/// inherit that mask and never see SIGTERM. Clear it between fork and exec.
fn unblock_signals_in_child(cmd: &mut Command) -> &mut Command {
    // SAFETY: sigprocmask is async-signal-safe, as pre_exec requires.
    unsafe {
        cmd.pre_exec(|| {
            nix::sys::signal::sigprocmask(
                nix::sys::signal::SigmaskHow::SIG_SETMASK,
                Some(&nix::sys::signal::SigSet::empty()),
                None,
            )
            .map_err(std::io::Error::from)
        })
    }
}

/// Sets the child's RLIMIT_NOFILE (soft and hard) between fork and exec;
/// the service does not start if it cannot be set.
fn set_nofile_in_child(cmd: &mut Command, n: u64) {
    let limit = libc::rlimit {
        rlim_cur: n as libc::rlim_t,
        rlim_max: n as libc::rlim_t,
    };
    // SAFETY: setrlimit is async-signal-safe, as pre_exec requires.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

fn start(s: &mut Service) {
    let argv = &s.spec.exec;
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..])
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .process_group(0);
    if let Some(n) = s.spec.nofile {
        set_nofile_in_child(&mut cmd, n);
    }
    let result = unblock_signals_in_child(&mut cmd).spawn();
    match result {
        Ok(child) => {
            let pid = Pid::from_raw(child.id() as i32);
            log!("started {} (pid {pid})", s.spec.name);
            s.pid = Some(pid);
            s.started = Instant::now();
        }
        Err(e) => {
            log!("starting {} ({}) failed: {e}", s.spec.name, argv[0]);
            schedule_restart(s, Exit::Code(127));
        }
    }
}

fn exited(s: &mut Service, exit: Exit, stopping: bool) {
    let pid = s.pid.take().map(|p| p.to_string()).unwrap_or_default();
    let ran = s.started.elapsed();
    log!(
        "{} (pid {pid}) exited with {exit} after {:.1}s",
        s.spec.name,
        ran.as_secs_f64()
    );
    if stopping {
        return;
    }
    if ran >= Duration::from_millis(s.spec.reset_after_ms) {
        s.failures = 0;
    }
    schedule_restart(s, exit);
}

fn schedule_restart(s: &mut Service, exit: Exit) {
    let restart = match s.spec.restart {
        Restart::Always => true,
        Restart::OnFailure => !exit.success(),
        Restart::Never => false,
    };
    if !restart {
        log!(
            "{} will not be restarted (restart = {:?})",
            s.spec.name,
            s.spec.restart
        );
        return;
    }
    s.failures += 1;
    if s.failures > s.spec.max_restarts {
        log!(
            "{} is crash-looping ({} failures in a row); giving up on it",
            s.spec.name,
            s.failures
        );
        return;
    }
    let delay = s.spec.backoff_ms(s.failures);
    log!(
        "restarting {} in {delay}ms (failure {} of {})",
        s.spec.name,
        s.failures,
        s.spec.max_restarts
    );
    s.restart_at = Some(Instant::now() + Duration::from_millis(delay));
}
