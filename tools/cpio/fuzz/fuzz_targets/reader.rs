//! Feeds arbitrary bytes to the newc reader (and the decompressors in
//! front of it): it must return errors, never panic, hang or over-allocate.
#![no_main]

use std::io::Read;

use libfuzzer_sys::fuzz_target;
use mvirt_cpio::newc::Reader;

fuzz_target!(|data: &[u8]| {
    let Ok((input, _)) = mvirt_cpio::compress::open_decompressed(data) else {
        return;
    };
    // Bound decompression so a bomb cannot exhaust memory.
    let mut reader = Reader::new(input.take(1 << 24));
    for _ in 0..10_000 {
        match reader.next_entry() {
            Ok(Some(entry)) => {
                if entry.name == mvirt_cpio::newc::TRAILER {
                    break;
                }
                if reader.read_data(&mut std::io::sink()).is_err() {
                    break;
                }
            }
            Ok(None) | Err(_) => break,
        }
    }
});
