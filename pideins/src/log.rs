//! Console logging: every line starts with `pideins: `, so a serial log
//! reads as a story and tests can find our lines among the kernel's.

use std::io::Write;

/// Writes one line to stderr (the console). Errors are ignored: PID 1 has
/// nowhere else to report them.
pub fn line(args: std::fmt::Arguments<'_>) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "pideins: {args}");
}

/// `log!("mounted {} on {}", what, path)`.
#[macro_export]
macro_rules! log {
    ($($arg:tt)*) => {
        $crate::log::line(format_args!($($arg)*))
    };
}
