//! cloud-hypervisor processes, held by pidfds: a pidfd names one process
//! for its whole life, so a signal sent through it can never reach another
//! process that was given the same pid after ours ended (kill(2) on a bare
//! pid can), and polling it tells when the process ends, even for a process
//! that is not our child.

use std::os::fd::{AsRawFd, OwnedFd};
use std::process::Child;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rustix::process::{pidfd_open, pidfd_send_signal, Pid, PidfdFlags, Signal};

/// One process, as /proc/PID/stat shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProcStat {
    /// The state letter: R, S, D, Z, ...
    pub state: char,
    /// Start time in clock ticks after boot (field 22). Set at fork and
    /// kept across exec, so (pid, start time) names one process for the
    /// machine's uptime: a reused pid has another start time.
    pub start_ticks: u64,
}

impl ProcStat {
    /// Parses the text of /proc/PID/stat.
    pub fn parse(text: &str) -> Option<ProcStat> {
        // "PID (COMM) STATE PPID ...": COMM may hold spaces and ')', so the
        // fields start after the last ')'. STATE is field 3, starttime 22.
        let mut fields = text.rsplit_once(')')?.1.split_whitespace();
        let state = fields.next()?.chars().next()?;
        let start_ticks = fields.nth(18)?.parse().ok()?;
        Some(ProcStat { state, start_ticks })
    }
}

pub fn proc_stat(pid: u32) -> Option<ProcStat> {
    ProcStat::parse(&std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)
}

/// Whether `pid` is alive (not a zombie) and is the process we launched,
/// which its recorded start time tells.
///
/// Only state written before start times were recorded falls back to the
/// command line naming the VM's API socket. That check misjudged fresh VMs:
/// /proc/PID/cmdline reads empty until the kernel has finished the exec, and
/// `Command::spawn` returns before that, so a daemon restarted in that
/// window took a running VM for a dead one.
pub fn process_alive(pid: u32, started: Option<u64>, api_socket: &str) -> bool {
    let Some(stat) = proc_stat(pid).filter(|s| s.state != 'Z' && s.state != 'X') else {
        return false;
    };
    match started {
        Some(ticks) => stat.start_ticks == ticks,
        None => std::fs::read(format!("/proc/{pid}/cmdline"))
            .map(|c| String::from_utf8_lossy(&c).contains(api_socket))
            .unwrap_or(false),
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A VM's process: its pidfd, and what the daemon knows and did about it.
#[derive(Debug)]
pub struct Proc {
    pub pid: u32,
    /// Its start time, kept in the state file to re-adopt it.
    pub start_ticks: Option<u64>,
    pidfd: OwnedFd,
    /// What the daemon last did to end it ("powered off by the guest after
    /// the power button", ...): the first half of the VM's last_exit.
    ending: Mutex<Option<String>>,
    /// Set (and `ended_cv` notified) once its end is recorded in the table.
    ended: Mutex<bool>,
    ended_cv: Condvar,
}

impl Proc {
    fn new(pid: u32, start_ticks: Option<u64>, pidfd: OwnedFd) -> Proc {
        Proc {
            pid,
            start_ticks,
            pidfd,
            ending: Mutex::new(None),
            ended: Mutex::new(false),
            ended_cv: Condvar::new(),
        }
    }

    /// Holds our child. It has not been waited for, so its pid cannot be
    /// reused yet: the pidfd is certainly its own.
    pub fn child(child: &Child) -> std::io::Result<Proc> {
        let pid = child.id();
        let raw = Pid::from_raw(pid as i32).ok_or_else(|| std::io::Error::other("pid 0"))?;
        let fd = pidfd_open(raw, PidfdFlags::empty())?;
        // A zombie still has its stat: the start time is there even if the
        // child has already exited.
        Ok(Proc::new(pid, proc_stat(pid).map(|s| s.start_ticks), fd))
    }

    /// Re-adopts a process a previous daemon launched, if it still runs.
    /// The pidfd is opened first and the start time checked after: if the
    /// check passes, the process the fd holds is the one that was running
    /// with that start time, i.e. ours (a pid reused before the open shows
    /// another start time; one reused after it is not what the fd holds).
    pub fn adopt(pid: u32, start_ticks: Option<u64>, api_socket: &str) -> Option<Proc> {
        let fd = pidfd_open(Pid::from_raw(pid as i32)?, PidfdFlags::empty()).ok()?;
        if !process_alive(pid, start_ticks, api_socket) {
            return None;
        }
        let start_ticks = start_ticks.or_else(|| proc_stat(pid).map(|s| s.start_ticks));
        Some(Proc::new(pid, start_ticks, fd))
    }

    /// Sends SIGKILL. Ok(false) when the process has already ended (even
    /// if its pid now belongs to another process, which is not touched).
    pub fn kill(&self) -> std::io::Result<bool> {
        match pidfd_send_signal(&self.pidfd, Signal::KILL) {
            Ok(()) => Ok(true),
            Err(rustix::io::Errno::SRCH) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Waits until the process has ended (exited or killed, reaped or not):
    /// the pidfd turns readable. Without a timeout, waits as long as it takes.
    pub fn wait_exit(&self, timeout: Option<Duration>) -> bool {
        // A timeout too large for an Instant is no timeout.
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        loop {
            let ms = match deadline {
                None => -1,
                Some(d) => d
                    .saturating_duration_since(Instant::now())
                    .as_millis()
                    .min(i32::MAX as u128) as i32,
            };
            let mut fds = [libc::pollfd {
                fd: self.pidfd.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            }];
            // SAFETY: one valid pollfd, which outlives the call.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, ms) };
            if n > 0 {
                return true;
            }
            if n < 0 && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                // Cannot happen with a valid fd; do not spin.
                return false;
            }
            if n == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                return false;
            }
        }
    }

    /// Notes what the daemon is doing to end the process.
    pub fn set_ending(&self, what: impl Into<String>) {
        *lock(&self.ending) = Some(what.into());
    }

    /// Forgets it: the process may end by itself after all.
    pub fn clear_ending(&self) {
        *lock(&self.ending) = None;
    }

    pub fn ending(&self) -> Option<String> {
        lock(&self.ending).clone()
    }

    /// Marks its end as recorded; wakes [`Proc::wait_ended`].
    pub fn mark_ended(&self) {
        *lock(&self.ended) = true;
        self.ended_cv.notify_all();
    }

    /// Waits until its end is recorded, or `deadline`; says which.
    pub fn wait_ended(&self, deadline: Instant) -> bool {
        let mut ended = lock(&self.ended);
        while !*ended {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            ended = self
                .ended_cv
                .wait_timeout(ended, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn sleeper() -> Child {
        Command::new("sleep").arg("30").spawn().expect("run sleep")
    }

    #[test]
    fn stat_fields_are_read_after_the_last_parenthesis() {
        // A COMM with spaces and ')' in it, then the kernel's 50 fields.
        let mut fields = vec!["0"; 50];
        fields[0] = "S";
        fields[19] = "424242";
        let text = format!("77 (a) b (c)) {}\n", fields.join(" "));
        assert_eq!(
            ProcStat::parse(&text),
            Some(ProcStat {
                state: 'S',
                start_ticks: 424242
            })
        );
        assert_eq!(ProcStat::parse("77 (trunc) S 1 2"), None);
        assert_eq!(ProcStat::parse(""), None);
    }

    #[test]
    fn a_process_is_alive_from_the_moment_spawn_returns() {
        // The regression behind a flaky re-adoption: /proc/PID/cmdline is
        // empty until the kernel has finished the exec, and spawn returns
        // before that. The start time is there from the fork on.
        for _ in 0..50 {
            let mut child = sleeper();
            let pid = child.id();
            let ticks = proc_stat(pid).expect("our child's stat").start_ticks;
            let alive = process_alive(pid, Some(ticks), "30");
            let adopted = Proc::adopt(pid, Some(ticks), "30").is_some();
            child.kill().unwrap();
            child.wait().unwrap();
            assert!(
                alive && adopted,
                "pid {pid} with its start time {ticks} taken for dead"
            );
        }
    }

    #[test]
    fn a_reused_pid_a_zombie_and_a_reaped_process_are_not_alive() {
        let mut child = sleeper();
        let pid = child.id();
        let ticks = proc_stat(pid).unwrap().start_ticks;
        assert!(process_alive(pid, Some(ticks), ""));
        // The same pid with another start time is another process.
        assert!(!process_alive(pid, Some(ticks + 1), ""));
        assert!(Proc::adopt(pid, Some(ticks + 1), "").is_none());
        child.kill().unwrap();
        // Killed, not yet waited for: a zombie, dead to us.
        let end = Instant::now() + Duration::from_secs(10);
        while proc_stat(pid).unwrap().state != 'Z' {
            assert!(Instant::now() < end, "sleep did not become a zombie");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(!process_alive(pid, Some(ticks), ""));
        assert!(Proc::adopt(pid, Some(ticks), "").is_none());
        child.wait().unwrap();
        assert!(!process_alive(pid, Some(ticks), ""));
    }

    #[test]
    fn state_without_start_times_falls_back_to_the_command_line() {
        let mut child = Command::new("sleep").arg("31").spawn().unwrap();
        let pid = child.id();
        // Wait for the exec to finish; then the command line tells.
        let end = Instant::now() + Duration::from_secs(10);
        while !std::fs::read(format!("/proc/{pid}/cmdline"))
            .unwrap()
            .ends_with(b"31\0")
        {
            assert!(Instant::now() < end, "exec of sleep did not finish");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(process_alive(pid, None, "31"));
        assert!(!process_alive(pid, None, "/run/mvirt/vms/other.sock"));
        // Adopted that way, it gets its start time for the next restart.
        let p = Proc::adopt(pid, None, "31").unwrap();
        assert_eq!(p.start_ticks, proc_stat(pid).map(|s| s.start_ticks));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(!process_alive(pid, None, "31"));
    }

    #[test]
    fn a_signal_through_the_pidfd_never_reaches_a_later_process() {
        let mut child = sleeper();
        let p = Proc::child(&child).unwrap();
        assert!(!p.wait_exit(Some(Duration::from_millis(20))), "sleep ended");
        assert!(p.kill().unwrap(), "the live child was not signalled");
        child.wait().unwrap();
        // Reaped: its pid is free for any new process, and kill(2) on it
        // could hit one. The pidfd still names the old process: nothing is
        // sent, and the caller learns it had ended.
        assert!(!p.kill().unwrap());
        assert!(p.wait_exit(Some(Duration::ZERO)));
    }

    #[test]
    fn waiting_on_the_pidfd_sees_the_end_of_a_process_that_is_not_our_child() {
        // sh's child `sleep` is our grandchild: waitpid cannot wait for it,
        // its pidfd can. sh prints its pid and then waits for it.
        let mut sh = Command::new("sh")
            .args(["-c", "sleep 0.3 & echo $!; wait"])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(sh.stdout.take().unwrap()),
            &mut line,
        )
        .unwrap();
        let pid: u32 = line.trim().parse().unwrap();
        let p = Proc::adopt(pid, proc_stat(pid).map(|s| s.start_ticks), "").unwrap();
        let t = Instant::now();
        assert!(p.wait_exit(Some(Duration::from_secs(20))));
        assert!(t.elapsed() < Duration::from_secs(20));
        sh.wait().unwrap();
    }

    #[test]
    fn wait_ended_wakes_when_marked() {
        let child = sleeper();
        let p = std::sync::Arc::new(Proc::child(&child).unwrap());
        assert!(!p.wait_ended(Instant::now() + Duration::from_millis(10)));
        let q = std::sync::Arc::clone(&p);
        let t = std::thread::spawn(move || q.wait_ended(Instant::now() + Duration::from_secs(20)));
        std::thread::sleep(Duration::from_millis(20));
        p.mark_ended();
        assert!(t.join().unwrap());
        let mut child = child;
        child.kill().unwrap();
        child.wait().unwrap();
    }
}
