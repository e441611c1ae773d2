//! SIGTERM and SIGINT, the signals that end the daemon (pideins sends
//! SIGTERM at host shutdown), taken synchronously: they are blocked in
//! every thread and one thread waits for them with sigwait(2), so no
//! signal handler runs and the shutdown is ordinary code.
//!
//! The mask must be set before the first thread is made (threads inherit
//! it). Children inherit it too, across exec, and std's `Command` keeps it:
//! every child must be spawned through [`unblocked_in_child`], or a
//! cloud-hypervisor would ignore pideins' last SIGTERM to every process.

use std::mem::MaybeUninit;
use std::os::unix::process::CommandExt;
use std::process::Command;

/// The signals that stop the daemon, blocked in the thread that made this
/// (and every thread it makes afterwards).
#[derive(Clone, Copy)]
pub struct StopSignals {
    set: libc::sigset_t,
}

impl StopSignals {
    /// Blocks SIGTERM and SIGINT in the calling thread.
    pub fn block() -> std::io::Result<StopSignals> {
        let mut set = MaybeUninit::<libc::sigset_t>::uninit();
        // SAFETY: sigemptyset initializes the set it is given; sigaddset
        // and pthread_sigmask get that initialized set.
        let set = unsafe {
            libc::sigemptyset(set.as_mut_ptr());
            libc::sigaddset(set.as_mut_ptr(), libc::SIGTERM);
            libc::sigaddset(set.as_mut_ptr(), libc::SIGINT);
            set.assume_init()
        };
        // SAFETY: a valid set; the old mask is not asked for.
        let r = unsafe { libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) };
        if r != 0 {
            return Err(std::io::Error::from_raw_os_error(r));
        }
        Ok(StopSignals { set })
    }

    /// Waits until one of them is pending and takes it; returns its number.
    /// Call it in a thread that has them blocked (any thread made after
    /// [`StopSignals::block`]).
    pub fn wait(&self) -> std::io::Result<i32> {
        loop {
            let mut sig = 0;
            // SAFETY: a valid set and a valid out pointer.
            match unsafe { libc::sigwait(&self.set, &mut sig) } {
                0 => return Ok(sig),
                libc::EINTR => continue,
                e => return Err(std::io::Error::from_raw_os_error(e)),
            }
        }
    }
}

/// Makes `cmd`'s process start with no signal blocked: it clears the mask
/// it would inherit from the daemon's threads between fork and exec.
pub fn unblocked_in_child(cmd: &mut Command) -> &mut Command {
    // SAFETY: the closure calls only sigemptyset and sigprocmask, which are
    // async-signal-safe, as code between fork and exec must be; it
    // allocates nothing and takes no lock.
    unsafe {
        cmd.pre_exec(|| {
            let mut set = MaybeUninit::<libc::sigset_t>::uninit();
            libc::sigemptyset(set.as_mut_ptr());
            if libc::sigprocmask(libc::SIG_SETMASK, set.as_ptr(), std::ptr::null_mut()) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        })
    }
}

/// "SIGTERM", "SIGINT", or "signal N".
pub fn name(sig: i32) -> String {
    match sig {
        libc::SIGTERM => "SIGTERM".into(),
        libc::SIGINT => "SIGINT".into(),
        n => format!("signal {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sends `sig` to the calling thread only: the other test threads,
    /// which do not block it, never see it.
    fn raise_in_this_thread(sig: i32) {
        // SAFETY: pthread_self is always valid for pthread_kill.
        assert_eq!(unsafe { libc::pthread_kill(libc::pthread_self(), sig) }, 0);
    }

    #[test]
    fn a_blocked_signal_waits_for_sigwait_and_is_taken_there() {
        let got = std::thread::spawn(|| {
            let signals = StopSignals::block().unwrap();
            raise_in_this_thread(libc::SIGINT);
            // Still alive: the signal is pending, not delivered.
            let first = signals.wait().unwrap();
            raise_in_this_thread(libc::SIGTERM);
            (first, signals.wait().unwrap())
        })
        .join()
        .unwrap();
        assert_eq!(got, (libc::SIGINT, libc::SIGTERM));
        assert_eq!(name(libc::SIGTERM), "SIGTERM");
        assert_eq!(name(10), "signal 10");
    }

    /// The SigBlk mask (hex) of a child spawned by `cmd`.
    fn child_mask(mut cmd: Command) -> String {
        let out = cmd
            .args(["^SigBlk:", "/proc/self/status"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        text.split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn children_start_with_no_signal_blocked() {
        // cloud-hypervisor must still end on pideins' final SIGTERM.
        let (plain, cleared) = std::thread::spawn(|| {
            StopSignals::block().unwrap();
            let plain = child_mask(Command::new("grep"));
            let mut cmd = Command::new("grep");
            unblocked_in_child(&mut cmd);
            (plain, child_mask(cmd))
        })
        .join()
        .unwrap();
        // Why the helper exists: std hands the mask down.
        let bits = |sig: i32| 1u64 << (sig - 1);
        let both = bits(libc::SIGINT) | bits(libc::SIGTERM);
        let plain = u64::from_str_radix(&plain, 16).unwrap();
        assert_eq!(plain & both, both, "{plain:x}");
        assert_eq!(cleared, "0000000000000000");
    }
}
