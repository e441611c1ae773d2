//! Feeds arbitrary bytes, seeded with UKIs, to inspect, verify and sign:
//! none may panic, hang or over-allocate; sign refuses exactly what verify
//! refuses (bar an image already signed), and what it signs verifies.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mvirt_uki::inspect;
use mvirt_uki::sign::{self, Identity, SignError};

/// The tests' RSA-512 identity: signing stays cheap, so the fuzzer spends
/// its time on the PE side.
fn identity() -> &'static Identity {
    static IDENTITY: OnceLock<Identity> = OnceLock::new();
    IDENTITY.get_or_init(|| {
        Identity::from_pem_min_bits(
            include_str!("../../tests/data/fast.key"),
            "fast.key",
            include_str!("../../tests/data/fast.pem"),
            "fast.pem",
            512,
        )
        .expect("the test identity loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let report = inspect::inspect(data, "fuzz");
    let verified = inspect::verify(data, "fuzz", &[]);
    let clean = matches!(&verified, Ok(p) if p.is_empty());
    let already_signed = report.as_ref().is_ok_and(|r| r.signed);
    match sign::sign(data, "fuzz", identity()) {
        Ok(signed) => {
            assert!(clean, "signed an image verify refuses: {verified:?}");
            let after = inspect::verify(&signed, "signed", &[]).expect("the signed image parses");
            assert!(after.is_empty(), "the signed image fails verify: {after:?}");
            assert!(matches!(
                sign::sign(&signed, "signed", identity()),
                Err(SignError::AlreadySigned { .. })
            ));
        }
        Err(SignError::AlreadySigned { .. }) => assert!(already_signed),
        Err(e) => assert!(!clean, "refused an image verify accepts: {e}"),
    }
});
