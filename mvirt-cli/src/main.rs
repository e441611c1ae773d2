//! `mvirt`: the command line of an mvirt-os host (thin shell over the lib).
//! Exit status: 0 on success and when stdout is a closed pipe, 1 on
//! errors, 2 on usage errors.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match mvirt_cli::run(&args, &mut out) {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`mvirt vm list | head -1`): nothing to say.
        Err(e) if mvirt_cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mvirt: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
