//! The expected TPM PCR 11 (sha256 bank) of a UKI, as systemd-stub measures
//! it and `systemd-measure calculate` predicts it.
//!
//! For each UKI section the stub knows, in the stub's fixed order (not the
//! PE order), PCR 11 is extended with sha256(name + NUL), then with
//! sha256(content). Boot phases ("enter-initrd", ...) are extended after,
//! one word at a time. Extending is `pcr = sha256(pcr || digest)`.
//!
//! The section list is that of systemd 252 (Debian 12's stub and
//! systemd-measure): it does not know `.uname`, so `.uname` is not measured.

use sha2::{Digest, Sha256};

/// Sections systemd 252's stub measures, in its order (`.pcrsig` never is).
pub const SECTIONS: &[&str] = &[
    ".linux", ".osrel", ".cmdline", ".initrd", ".splash", ".dtb", ".pcrpkey",
];

/// The phases `systemd-measure calculate` reports by default.
pub const DEFAULT_PHASES: &[&str] = &[
    "enter-initrd",
    "enter-initrd:leave-initrd",
    "enter-initrd:leave-initrd:sysinit",
    "enter-initrd:leave-initrd:sysinit:ready",
];

fn extend(pcr: &mut [u8; 32], digest: &[u8]) {
    let mut h = Sha256::new();
    h.update(&pcr[..]);
    h.update(digest);
    pcr.copy_from_slice(&h.finalize());
}

/// PCR 11 after the sections. `content(name)` gives a section's bytes, or
/// `None` when the UKI lacks it.
pub fn sections<'a>(content: impl Fn(&str) -> Option<&'a [u8]>) -> [u8; 32] {
    let mut pcr = [0u8; 32];
    for name in SECTIONS {
        let Some(data) = content(name) else { continue };
        let mut tagged = name.as_bytes().to_vec();
        tagged.push(0);
        extend(&mut pcr, &Sha256::digest(&tagged));
        extend(&mut pcr, &Sha256::digest(data));
    }
    pcr
}

/// PCR 11 after the sections and then a phase path like
/// "enter-initrd:leave-initrd".
pub fn with_phase(mut pcr: [u8; 32], phase: &str) -> [u8; 32] {
    for word in phase.split(':').filter(|w| !w.is_empty()) {
        extend(&mut pcr, &Sha256::digest(word.as_bytes()));
    }
    pcr
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    /// Values printed by Debian 12's systemd-measure 252 for
    /// --linux=<"a"> --osrel=<"NAME=x\n"> --bank=sha256.
    #[test]
    fn matches_systemd_measure_252() {
        let pcr = sections(|name| match name {
            ".linux" => Some(&b"a"[..]),
            ".osrel" => Some(&b"NAME=x\n"[..]),
            _ => None,
        });
        assert_eq!(
            hex(&with_phase(pcr, "enter-initrd")),
            "a3b3004ac467935c8856dfa023593dd1c89f6cbdb8c9d6e6cd50690bcd3e3df7"
        );
        assert_eq!(
            hex(&with_phase(pcr, "enter-initrd:leave-initrd:sysinit:ready")),
            "76e1649a020b3e6b348ed6f84c92a51f5f5a0de9279b3fcf201b999eb3367c1a"
        );
    }
}
