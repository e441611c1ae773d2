//! `mvirt`: the command line of an mvirt-os host (thin shell over the lib).

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match mvirt_cli::run(&args, &mut std::io::stdout()) {
        Ok(code) => std::process::ExitCode::from(code),
        Err(e) => {
            eprintln!("mvirt: error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
