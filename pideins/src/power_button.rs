//! The ACPI power button: a press powers the machine off cleanly.
//!
//! The kernel's ACPI button driver (CONFIG_ACPI_BUTTON) reports a press as
//! KEY_POWER on an input device named "Power Button", which evdev
//! (CONFIG_INPUT_EVDEV) exposes as /dev/input/eventN. That is what QEMU's
//! `system_powerdown`, cloud-hypervisor's `vm.power-button` and a cloud's
//! "stop instance" press, and what a VM host must obey to stop gracefully.
//! Without it, a hypervisor waiting for the guest to power off has to kill
//! it.

use std::fs::File;
use std::io::Read;
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::log;

/// The name the ACPI button driver gives both of its power buttons (the
/// fixed-hardware one, LNXPWRBN, and the PNP0C0C device).
pub const DEVICE_NAME: &str = "Power Button";

/// `struct input_event` on 64-bit Linux: a timeval (16 bytes), then type,
/// code (u16) and value (i32).
const EVENT_LEN: usize = 24;
const EV_KEY: u16 = 1;
const KEY_POWER: u16 = 116;
/// value 1 is a press (0 a release, 2 autorepeat).
const PRESS: i32 = 1;

/// The open power-button event devices.
#[derive(Default)]
pub struct PowerButtons {
    devices: Vec<(PathBuf, File)>,
}

impl PowerButtons {
    /// Opens every event device named [`DEVICE_NAME`]: `sys_input` is
    /// /sys/class/input, `dev_input` is /dev/input. Missing directories mean
    /// no buttons (a kernel without evdev): logged, not fatal.
    pub fn open(sys_input: &Path, dev_input: &Path) -> PowerButtons {
        let mut devices = Vec::new();
        for event in power_button_events(sys_input) {
            let path = dev_input.join(&event);
            let file = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC | libc::O_NOCTTY)
                .open(&path);
            match file {
                Ok(file) => devices.push((path, file)),
                Err(e) => log!("power button {}: {e}", path.display()),
            }
        }
        match devices.as_slice() {
            [] => log!("no power button found (no \"{DEVICE_NAME}\" input device)"),
            found => log!(
                "power button: {}",
                found
                    .iter()
                    .map(|(p, _)| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
        PowerButtons { devices }
    }

    /// The descriptors to poll for input.
    pub fn fds(&self) -> impl Iterator<Item = BorrowedFd<'_>> {
        self.devices.iter().map(|(_, f)| f.as_fd())
    }

    /// Reads whatever events are waiting (never blocks) and says whether
    /// one of them was a press of the power key.
    pub fn pressed(&mut self) -> bool {
        let mut pressed = false;
        for (_, file) in &mut self.devices {
            pressed |= drain(file);
        }
        pressed
    }
}

/// The `eventN` names under `sys_input` whose device is a power button.
fn power_button_events(sys_input: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(sys_input) else {
        return Vec::new();
    };
    let mut events: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.starts_with("event"))
        .filter(|name| {
            std::fs::read_to_string(sys_input.join(name).join("device/name"))
                .is_ok_and(|n| n.trim() == DEVICE_NAME)
        })
        .collect();
    events.sort();
    events
}

/// Reads events until the device has none left; true if a power-key press
/// was among them.
fn drain(file: &mut File) -> bool {
    let mut pressed = false;
    let mut buf = [0u8; EVENT_LEN * 16];
    // Whole events only: evdev never returns part of one.
    while let Ok(n @ 1..) = file.read(&mut buf) {
        pressed |= buf[..n].chunks_exact(EVENT_LEN).any(is_power_press);
    }
    pressed
}

/// Whether one `struct input_event` is the power key going down.
fn is_power_press(event: &[u8]) -> bool {
    let u16_at = |i: usize| u16::from_ne_bytes([event[i], event[i + 1]]);
    let value = i32::from_ne_bytes([event[20], event[21], event[22], event[23]]);
    u16_at(16) == EV_KEY && u16_at(18) == KEY_POWER && value == PRESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: u16, code: u16, value: i32) -> Vec<u8> {
        let mut e = vec![0u8; 16];
        e.extend(kind.to_ne_bytes());
        e.extend(code.to_ne_bytes());
        e.extend(value.to_ne_bytes());
        e
    }

    #[test]
    fn only_a_press_of_the_power_key_counts() {
        assert!(is_power_press(&event(EV_KEY, KEY_POWER, 1)));
        assert!(!is_power_press(&event(EV_KEY, KEY_POWER, 0)), "release");
        assert!(!is_power_press(&event(EV_KEY, KEY_POWER, 2)), "repeat");
        assert!(!is_power_press(&event(EV_KEY, 30, 1)), "KEY_A");
        assert!(!is_power_press(&event(0, KEY_POWER, 1)), "EV_SYN");
    }

    /// A sysfs and /dev/input laid out in a temporary directory; the
    /// "devices" are regular files holding events.
    fn fake(names: &[(&str, &str)], events: &[u8]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (event, name) in names {
            let device = dir.path().join("sys").join(event).join("device");
            std::fs::create_dir_all(&device).unwrap();
            std::fs::write(device.join("name"), format!("{name}\n")).unwrap();
            std::fs::create_dir_all(dir.path().join("dev")).unwrap();
            std::fs::write(dir.path().join("dev").join(event), events).unwrap();
        }
        std::fs::create_dir_all(dir.path().join("sys/mice")).unwrap();
        dir
    }

    #[test]
    fn finds_the_power_buttons_by_name_and_reads_a_press() {
        let mut events = event(4, 4, 0x70); // EV_MSC before the key, as evdev sends
        events.extend(event(EV_KEY, KEY_POWER, 1));
        events.extend(event(0, 0, 0));
        let dir = fake(
            &[
                ("event0", "Power Button"),
                ("event1", "AT Translated Set 2 keyboard"),
            ],
            &events,
        );
        let found = power_button_events(&dir.path().join("sys"));
        assert_eq!(found, ["event0"]);
        let mut buttons = PowerButtons::open(&dir.path().join("sys"), &dir.path().join("dev"));
        assert_eq!(buttons.fds().count(), 1);
        assert!(buttons.pressed());
        // Read to the end: nothing more to report.
        assert!(!buttons.pressed());
    }

    #[test]
    fn a_release_alone_does_nothing_and_no_sysfs_means_no_buttons() {
        let dir = fake(&[("event3", "Power Button")], &event(EV_KEY, KEY_POWER, 0));
        let mut buttons = PowerButtons::open(&dir.path().join("sys"), &dir.path().join("dev"));
        assert!(!buttons.pressed());
        let none = PowerButtons::open(Path::new("/nonexistent/sys"), Path::new("/dev/input"));
        assert_eq!(none.fds().count(), 0);
    }

    #[test]
    fn a_partial_trailing_event_is_ignored() {
        let mut events = event(EV_KEY, KEY_POWER, 1);
        events.truncate(EVENT_LEN - 1);
        let dir = fake(&[("event0", "Power Button")], &events);
        let mut buttons = PowerButtons::open(&dir.path().join("sys"), &dir.path().join("dev"));
        assert!(!buttons.pressed());
    }
}
