//! The few PE/COFF facts the UKI assembler needs beyond what goblin parses:
//! where the header fields it rewrites live, and the image checksum.
//!
//! References: Microsoft PE Format ("Optional Header Windows-Specific
//! Fields", "Section Table"), and the checksum algorithm of imagehlp's
//! CheckSumMappedFile.

use goblin::pe::PE;

/// Size of one section header.
pub const SECTION_HEADER_LEN: usize = 40;
/// Index of the certificate table in the data directories.
pub const CERTIFICATE_TABLE: usize = 4;

/// `IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ`: what ukify gives
/// the sections it adds.
pub const DATA_SECTION: u32 = 0x0000_0040 | 0x4000_0000;

/// File offsets of the header fields a UKI build rewrites.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    pub coff: usize,
    pub optional: usize,
    pub pe32_plus: bool,
    pub section_table: usize,
    pub sections: usize,
}

impl Layout {
    pub fn of(pe: &PE, bytes: &[u8]) -> Layout {
        let coff = pe.header.dos_header.pe_pointer as usize + 4;
        let optional = coff + 20;
        let magic = u16::from_le_bytes([bytes[optional], bytes[optional + 1]]);
        Layout {
            coff,
            optional,
            pe32_plus: magic == 0x20b,
            section_table: optional + pe.header.coff_header.size_of_optional_header as usize,
            sections: pe.header.coff_header.number_of_sections as usize,
        }
    }
    pub fn number_of_sections(&self) -> usize {
        self.coff + 2
    }
    pub fn size_of_initialized_data(&self) -> usize {
        self.optional + 8
    }
    pub fn size_of_image(&self) -> usize {
        self.optional + 56
    }
    pub fn checksum(&self) -> usize {
        self.optional + 64
    }
    /// Offset of data directory `index` (8 bytes: RVA, size).
    pub fn data_directory(&self, index: usize) -> usize {
        self.optional + if self.pe32_plus { 112 } else { 96 } + index * 8
    }
    pub fn section_header(&self, index: usize) -> usize {
        self.section_table + index * SECTION_HEADER_LEN
    }
}

pub fn read_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}

pub fn write_u32(bytes: &mut [u8], at: usize, value: u32) {
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

pub fn write_u16(bytes: &mut [u8], at: usize, value: u16) {
    bytes[at..at + 2].copy_from_slice(&value.to_le_bytes());
}

pub fn align_up(value: u64, align: u64) -> u64 {
    if align <= 1 {
        value
    } else {
        value.div_ceil(align) * align
    }
}

/// The PE image checksum: 16-bit one's-complement-style sum of the file with
/// the checksum field taken as zero, plus the file length.
pub fn checksum(bytes: &[u8], checksum_offset: usize) -> u32 {
    let mut sum: u64 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let word = if i == checksum_offset || i == checksum_offset + 2 {
            0
        } else if i + 1 < bytes.len() {
            u16::from_le_bytes([bytes[i], bytes[i + 1]]) as u64
        } else {
            bytes[i] as u64
        };
        sum += word;
        sum = (sum & 0xffff) + (sum >> 16);
        i += 2;
    }
    sum = (sum & 0xffff) + (sum >> 16);
    (sum as u32).wrapping_add(bytes.len() as u32)
}

/// A section name as stored: at most 8 bytes, NUL-padded.
pub fn section_name(name: &str) -> Option<[u8; 8]> {
    if name.is_empty() || name.len() > 8 || name.contains('\0') {
        return None;
    }
    let mut out = [0u8; 8];
    out[..name.len()].copy_from_slice(name.as_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn align() {
        assert_eq!(align_up(0, 4096), 0);
        assert_eq!(align_up(1, 4096), 4096);
        assert_eq!(align_up(4096, 4096), 4096);
        assert_eq!(align_up(5, 1), 5);
    }

    #[test]
    fn names() {
        assert_eq!(&section_name(".linux").unwrap(), b".linux\0\0");
        assert!(section_name(".toolongname").is_none());
        assert!(section_name("").is_none());
    }

    #[test]
    fn checksum_skips_its_own_field() {
        let mut a = vec![1u8; 64];
        let b = a.clone();
        a[8..12].copy_from_slice(&[9, 9, 9, 9]);
        assert_eq!(checksum(&a, 8), checksum(&b, 8));
        assert_ne!(checksum(&a, 8), checksum(&a, 12));
    }
}
