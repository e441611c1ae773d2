//! pideins — "PID eins", the init of mvirt-os. See the library docs.

fn main() {
    pideins::run()
}
