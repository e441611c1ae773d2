//! The self-check of the kernel command line: `pideins.selfcheck="CMD
//! ARGS"` runs CMD once the services are started, again shortly after each
//! failed try, until it succeeds or `pideins.selfcheck_timeout` has passed;
//! either way pideins then powers off, so a test harness boots the image,
//! reads the verdict from the console, and the VM is gone.
//!
//! The clock is a parameter (`now`) and the children are a trait, so the
//! timing rules are tested without processes.

use std::time::{Duration, Instant};

use nix::unistd::Pid;

use crate::supervisor::Exit;
use crate::{log, system};

/// How long the check keeps trying when the command line does not say.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The wait before the next try after a failed one: a try is one short
/// process, and the services it checks are probably still starting.
const RETRY_AFTER_FAILURE: Duration = Duration::from_millis(20);

/// The wait before the next try when the command could not be started.
const RETRY_AFTER_SPAWN_ERROR: Duration = Duration::from_millis(500);

/// What the check needs of the supervisor: children whose exit it learns
/// (the supervisor reaps them with everything else).
pub trait Children {
    /// Starts `argv` and remembers its exit for [`Children::exit_of`].
    fn spawn_watched(&mut self, argv: &[String]) -> std::io::Result<Pid>;
    /// The exit of a watched child once it is reaped (then forgets it).
    fn exit_of(&mut self, pid: Pid) -> Option<Exit>;
    /// Kills a watched child that ran out of time.
    fn kill_watched(&mut self, pid: Pid);
}

/// How the check ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    Failed,
}

/// The self-check while it runs.
#[derive(Debug)]
pub struct SelfCheck {
    argv: Vec<String>,
    /// When the check fails if it has not passed.
    deadline: Instant,
    /// The try that is running.
    running: Option<Pid>,
    /// When the next try starts (once none is running).
    next_try: Instant,
    tries: u32,
    /// The last try could not be started (no process to wait for).
    spawn_failed: bool,
}

impl SelfCheck {
    /// A check of `argv` that may keep trying for `timeout` from `now`.
    pub fn new(argv: Vec<String>, timeout: Duration, now: Instant) -> SelfCheck {
        SelfCheck {
            argv,
            deadline: now + timeout,
            running: None,
            next_try: now,
            tries: 0,
            spawn_failed: false,
        }
    }

    /// Starts a try when none is running and one is due.
    pub fn start_due(&mut self, children: &mut impl Children, now: Instant) {
        if self.running.is_some() || now < self.next_try {
            return;
        }
        self.tries += 1;
        let spawned = children.spawn_watched(&self.argv);
        self.spawn_failed = spawned.is_err();
        match spawned {
            Ok(pid) => self.running = Some(pid),
            Err(e) => {
                log!("selfcheck: cannot run {}: {e}", self.argv[0]);
                self.next_try = now + RETRY_AFTER_SPAWN_ERROR;
            }
        }
    }

    /// When the main loop must wake up for the check next: the deadline
    /// while a try runs, else the next try.
    pub fn wake_at(&self) -> Instant {
        match self.running {
            Some(_) => self.deadline,
            None => self.next_try,
        }
    }

    /// After the supervisor reaped: the verdict, once there is one. A try
    /// still running at the deadline is killed; a command that could not be
    /// started by then fails too.
    pub fn verdict(&mut self, children: &mut impl Children, now: Instant) -> Option<Verdict> {
        let Some(pid) = self.running else {
            // Between tries the next one is due; but a command that cannot
            // be started would be tried for ever.
            if self.spawn_failed && now >= self.deadline {
                log!(
                    "selfcheck FAILED: `{}` could not be started",
                    self.argv.join(" ")
                );
                return Some(Verdict::Failed);
            }
            return None;
        };
        match children.exit_of(pid) {
            Some(exit) => self.try_ended(exit, now),
            None if now >= self.deadline => {
                log!("selfcheck FAILED: `{}` timed out", self.argv.join(" "));
                children.kill_watched(pid);
                Some(Verdict::Failed)
            }
            None => None,
        }
    }

    fn try_ended(&mut self, exit: Exit, now: Instant) -> Option<Verdict> {
        self.running = None;
        if exit.success() {
            log!(
                "selfcheck passed: `{}` succeeded at {:.2}s after boot (try {})",
                self.argv.join(" "),
                system::uptime(),
                self.tries
            );
            return Some(Verdict::Passed);
        }
        if now >= self.deadline {
            log!(
                "selfcheck FAILED: `{}` exited with {exit}",
                self.argv.join(" ")
            );
            return Some(Verdict::Failed);
        }
        self.next_try = now + RETRY_AFTER_FAILURE;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Children that exit as a script says, without processes.
    #[derive(Default)]
    struct Fake {
        spawned: Vec<Pid>,
        exits: Vec<(Pid, Exit)>,
        killed: Vec<Pid>,
        spawn_fails: bool,
    }

    impl Children for Fake {
        fn spawn_watched(&mut self, _argv: &[String]) -> std::io::Result<Pid> {
            if self.spawn_fails {
                return Err(std::io::ErrorKind::NotFound.into());
            }
            let pid = Pid::from_raw(100 + self.spawned.len() as i32);
            self.spawned.push(pid);
            Ok(pid)
        }
        fn exit_of(&mut self, pid: Pid) -> Option<Exit> {
            let at = self.exits.iter().position(|(p, _)| *p == pid)?;
            Some(self.exits.remove(at).1)
        }
        fn kill_watched(&mut self, pid: Pid) {
            self.killed.push(pid);
        }
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn check(t0: Instant) -> SelfCheck {
        SelfCheck::new(vec!["/bin/check".into()], ms(1000), t0)
    }

    #[test]
    fn passes_on_the_first_success() {
        let (t0, mut kids) = (Instant::now(), Fake::default());
        let mut c = check(t0);
        c.start_due(&mut kids, t0);
        assert_eq!(kids.spawned.len(), 1);
        assert_eq!(c.wake_at(), t0 + ms(1000), "the deadline while it runs");
        assert_eq!(c.verdict(&mut kids, t0 + ms(5)), None, "still running");
        kids.exits.push((kids.spawned[0], Exit::Code(0)));
        assert_eq!(c.verdict(&mut kids, t0 + ms(10)), Some(Verdict::Passed));
    }

    #[test]
    fn a_failed_try_is_retried_soon_until_the_deadline() {
        let (t0, mut kids) = (Instant::now(), Fake::default());
        let mut c = check(t0);
        c.start_due(&mut kids, t0);
        kids.exits.push((kids.spawned[0], Exit::Code(1)));
        assert_eq!(c.verdict(&mut kids, t0 + ms(10)), None, "tries again");
        assert_eq!(c.wake_at(), t0 + ms(30));
        c.start_due(&mut kids, t0 + ms(20));
        assert_eq!(kids.spawned.len(), 1, "not before the retry delay");
        c.start_due(&mut kids, t0 + ms(30));
        assert_eq!(kids.spawned.len(), 2);
        c.start_due(&mut kids, t0 + ms(40));
        assert_eq!(kids.spawned.len(), 2, "one try at a time");
        kids.exits.push((kids.spawned[1], Exit::Signal(9)));
        assert_eq!(c.verdict(&mut kids, t0 + ms(1000)), Some(Verdict::Failed));
    }

    #[test]
    fn a_try_running_at_the_deadline_is_killed() {
        let (t0, mut kids) = (Instant::now(), Fake::default());
        let mut c = check(t0);
        c.start_due(&mut kids, t0);
        assert_eq!(c.verdict(&mut kids, t0 + ms(999)), None);
        assert_eq!(c.verdict(&mut kids, t0 + ms(1000)), Some(Verdict::Failed));
        assert_eq!(kids.killed, kids.spawned);
    }

    #[test]
    fn a_command_that_cannot_start_is_retried_later() {
        let (t0, mut kids) = (Instant::now(), Fake::default());
        kids.spawn_fails = true;
        let mut c = check(t0);
        c.start_due(&mut kids, t0);
        assert_eq!(c.wake_at(), t0 + ms(500));
        assert_eq!(c.verdict(&mut kids, t0 + ms(10)), None);
        kids.spawn_fails = false;
        c.start_due(&mut kids, t0 + ms(500));
        assert_eq!(kids.spawned.len(), 1);
        assert_eq!(c.tries, 2);
    }

    /// Past the deadline between two tries (the last one failed just
    /// before it), the next try still runs and decides.
    #[test]
    fn between_tries_the_deadline_waits_for_the_next_try() {
        let (t0, mut kids) = (Instant::now(), Fake::default());
        let mut c = check(t0);
        c.start_due(&mut kids, t0);
        kids.exits.push((kids.spawned[0], Exit::Code(1)));
        assert_eq!(c.verdict(&mut kids, t0 + ms(995)), None);
        assert_eq!(c.verdict(&mut kids, t0 + ms(1005)), None, "no try running");
        c.start_due(&mut kids, t0 + ms(1015));
        kids.exits.push((kids.spawned[1], Exit::Code(0)));
        assert_eq!(c.verdict(&mut kids, t0 + ms(1016)), Some(Verdict::Passed));
    }

    /// A check whose command never starts fails at its deadline like any
    /// other, rather than retrying for ever (the VM would never power off).
    #[test]
    fn a_command_that_never_starts_fails_at_the_deadline() {
        let (t0, mut kids) = (Instant::now(), Fake::default());
        kids.spawn_fails = true;
        let mut c = check(t0);
        let mut now = t0;
        while now < t0 + ms(1000) {
            c.start_due(&mut kids, now);
            assert_eq!(c.verdict(&mut kids, now), None);
            now += ms(100);
        }
        c.start_due(&mut kids, now);
        assert_eq!(c.verdict(&mut kids, now), Some(Verdict::Failed));
    }
}
