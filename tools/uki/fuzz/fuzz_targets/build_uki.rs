//! Feeds arbitrary bytes, seeded with EFI stubs, to the UKI assembler as the
//! stub (and to the kernel reader as the kernel): neither may panic, hang
//! or over-allocate, and any UKI built passes verify with every required
//! section and stays within the stub plus its sections.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mvirt_uki::{assemble, inspect, Part};

/// A kernel stand-in: only its MZ signature matters to verify.
const KERNEL: &[u8] = b"MZ kernel";
const REQUIRED: &[&str] = &[".linux", ".initrd", ".cmdline", ".osrel", ".uname"];

fn part(name: &str, data: &[u8], virtual_size: Option<u32>) -> Part {
    Part {
        name: name.into(),
        data: data.to_vec(),
        virtual_size,
    }
}

fuzz_target!(|stub: &[u8]| {
    let _ = assemble::kernel_size_of_image(stub, "kernel");
    let parts = [
        part(".osrel", b"NAME=x\n", None),
        part(".cmdline", b"quiet", None),
        part(".uname", b"6.12", None),
        part(".initrd", &[7; 700], None),
        part(".linux", KERNEL, Some(0x1_0000)),
    ];
    let Ok(uki) = assemble(stub, "stub", &parts) else {
        return;
    };
    // FileAlignment is at most 64 KiB: each part adds at most that much
    // padding, as does aligning the stub's end.
    let bound = stub.len() + parts.iter().map(|p| p.data.len()).sum::<usize>() + 6 * 0x1_0000;
    assert!(uki.len() <= bound, "{} bytes from a {}-byte stub", uki.len(), stub.len());
    let problems = inspect::verify(&uki, "uki", REQUIRED).expect("the UKI parses");
    assert!(problems.is_empty(), "the UKI fails verify: {problems:?}");
});
