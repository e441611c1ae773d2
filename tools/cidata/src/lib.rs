//! NoCloud seed volumes: a FAT file system labelled `CIDATA` whose root
//! holds `meta-data`, `user-data`, `network-config` and `vendor-data`,
//! the files cloud-init's NoCloud datasource reads (and cloud-hypervisor's
//! own scripts make with `mkdosfs -n CIDATA` + `mcopy`). Written and read
//! here in Rust with the `fatfs` crate: no mtools or mkfs at run time.
//!
//! - [`image`] makes a volume from a [`Seed`]: FAT12, sized to its files,
//!   byte for byte the same for the same seed (fixed volume id, timestamps
//!   of fatfs' epoch, files in name order).
//! - [`read`] reads one back from an untrusted image: bounded in size
//!   ([`MAX_VOLUME`], [`MAX_FILE`]), read from a private in-memory copy
//!   (fatfs needs a writable disk; the device is never written), only the
//!   root's regular files of known names, and a parser panic on a hostile
//!   image is caught and reported as a corrupt volume.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

/// The volume label cloud-init looks for (it also accepts `cidata`).
pub const LABEL: &str = "CIDATA";

/// The files a NoCloud seed may hold.
pub const NAMES: [&str; 4] = ["meta-data", "user-data", "network-config", "vendor-data"];

/// The largest file of a seed.
pub const MAX_FILE: u64 = 1 << 20;

/// The largest volume [`read`] takes (a seed is a few KiB; FAT12 ends at
/// 32 MiB with 8 KiB clusters).
pub const MAX_VOLUME: u64 = 64 << 20;

/// What a seed holds: file name → content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seed {
    pub files: BTreeMap<String, Vec<u8>>,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0:?} is not a NoCloud seed file (one of meta-data, user-data, network-config, vendor-data)")]
    UnknownName(String),
    #[error("{name}: {size} bytes, more than the {MAX_FILE} a seed file may have")]
    TooLarge { name: String, size: u64 },
    #[error("the volume is {0} bytes, more than {MAX_VOLUME}")]
    VolumeTooLarge(u64),
    #[error("not a FAT volume, or a damaged one: {0}")]
    Corrupt(String),
    #[error("the volume is labelled {0:?}, not CIDATA")]
    WrongLabel(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl Seed {
    /// Adds a file, checking its name and size.
    pub fn add(&mut self, name: &str, content: Vec<u8>) -> Result<(), Error> {
        if !NAMES.contains(&name) {
            return Err(Error::UnknownName(name.into()));
        }
        check_size(name, content.len() as u64)?;
        self.files.insert(name.into(), content);
        Ok(())
    }
}

fn check_size(name: &str, size: u64) -> Result<(), Error> {
    if size > MAX_FILE {
        return Err(Error::TooLarge {
            name: name.into(),
            size,
        });
    }
    Ok(())
}

/// The label as FAT stores it: 11 bytes, space padded.
fn label_bytes() -> [u8; 11] {
    let mut label = [b' '; 11];
    label[..LABEL.len()].copy_from_slice(LABEL.as_bytes());
    label
}

/// The volume's size: its files rounded up to clusters, plus room for the
/// FATs and the root directory, in whole MiB (at least 1).
fn volume_size(seed: &Seed) -> u64 {
    let data: u64 = seed
        .files
        .values()
        .map(|c| (c.len() as u64).div_ceil(4096) * 4096)
        .sum();
    (data + (256 << 10)).div_ceil(1 << 20).max(1) << 20
}

/// The volume image of `seed` (see the crate's doc).
pub fn image(seed: &Seed) -> Result<Vec<u8>, Error> {
    for (name, content) in &seed.files {
        if !NAMES.contains(&name.as_str()) {
            return Err(Error::UnknownName(name.clone()));
        }
        check_size(name, content.len() as u64)?;
    }
    let mut disk = Cursor::new(vec![0u8; volume_size(seed) as usize]);
    let options = fatfs::FormatVolumeOptions::new()
        .fat_type(fatfs::FatType::Fat12)
        .volume_label(label_bytes())
        .volume_id(0x6d76_6964); // "mvid": fixed, so the same seed gives the same bytes
    fatfs::format_volume(&mut disk, options)?;
    disk.set_position(0);
    {
        let fs = fatfs::FileSystem::new(&mut disk, fatfs::FsOptions::new())?;
        for (name, content) in &seed.files {
            let mut file = fs.root_dir().create_file(name)?;
            file.write_all(content)?;
            file.flush()?;
        }
        fs.unmount()?;
    }
    Ok(disk.into_inner())
}

/// How much of a device [`boot_label`] and [`iso9660_cidata`] need.
pub const HEAD: u64 = 0x8800;

/// The volume label of a FAT boot sector (the first 512 bytes of `head`),
/// spaces trimmed; None when `head` holds no FAT boot sector with an
/// extended BPB. Cheap enough to ask of every block device.
pub fn boot_label(head: &[u8]) -> Option<String> {
    let bs = head.get(..512)?;
    if bs[510..512] != [0x55, 0xaa] {
        return None;
    }
    let at = if bs[38] == 0x29 && bs[54..57] == *b"FAT" {
        43
    } else if bs[66] == 0x29 && bs[82..87] == *b"FAT32" {
        71
    } else {
        return None;
    };
    Some(
        String::from_utf8_lossy(&bs[at..at + 11])
            .trim_end()
            .to_string(),
    )
}

/// Whether `head` (its first [`HEAD`] bytes) is an iso9660 volume labelled
/// cidata: NoCloud's other form, which this reader does not read.
pub fn iso9660_cidata(head: &[u8]) -> bool {
    let label = head.get(0x8028..0x8048).map(String::from_utf8_lossy);
    head.get(0x8001..0x8006) == Some(b"CD001")
        && label.is_some_and(|l| l.trim_end().eq_ignore_ascii_case(LABEL))
}

/// Reads the seed of the volume `source` holds (a device or an image
/// file, read to its end). Files of other names are skipped, as cloud-init
/// skips them; directories too. The label must be CIDATA or cidata.
pub fn read(source: impl Read) -> Result<Seed, Error> {
    let mut bytes = Vec::new();
    source.take(MAX_VOLUME + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_VOLUME {
        return Err(Error::VolumeTooLarge(bytes.len() as u64));
    }
    // fatfs is not written against hostile images: a panic in it becomes
    // an error here, never the caller's end.
    let result = std::panic::catch_unwind(move || read_volume(bytes));
    result.unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the FAT reader failed".into());
        Err(Error::Corrupt(why))
    })
}

fn read_volume(bytes: Vec<u8>) -> Result<Seed, Error> {
    let corrupt = |e: std::io::Error| Error::Corrupt(e.to_string());
    let fs =
        fatfs::FileSystem::new(Cursor::new(bytes), fatfs::FsOptions::new()).map_err(corrupt)?;
    let label = fs.volume_label();
    let label = label.trim_end();
    if label != LABEL && label != "cidata" {
        return Err(Error::WrongLabel(label.into()));
    }
    let mut seed = Seed::default();
    for entry in fs.root_dir().iter() {
        let entry = entry.map_err(corrupt)?;
        let name = entry.file_name();
        if !entry.is_file() || !NAMES.contains(&name.as_str()) {
            continue;
        }
        check_size(&name, entry.len())?;
        let mut content = Vec::new();
        entry
            .to_file()
            .take(MAX_FILE + 1)
            .read_to_end(&mut content)
            .map_err(corrupt)?;
        check_size(&name, content.len() as u64)?;
        seed.files.insert(name, content);
    }
    Ok(seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Seed {
        let mut s = Seed::default();
        s.add(
            "meta-data",
            b"instance-id: i-1\nlocal-hostname: h1\n".to_vec(),
        )
        .unwrap();
        s.add("user-data", b"#cloud-config\n".to_vec()).unwrap();
        s
    }

    #[test]
    fn a_seed_reads_back_and_is_the_same_bytes_each_time() {
        let img = image(&seed()).unwrap();
        assert_eq!(img.len(), 1 << 20);
        assert_eq!(read(&img[..]).unwrap(), seed());
        assert_eq!(img, image(&seed()).unwrap());
    }

    #[test]
    fn names_and_sizes_are_checked_on_both_sides() {
        let mut s = Seed::default();
        assert!(matches!(
            s.add("../etc/passwd", vec![]),
            Err(Error::UnknownName(_))
        ));
        let big = vec![b'x'; MAX_FILE as usize + 1];
        assert!(matches!(
            s.add("user-data", big),
            Err(Error::TooLarge { .. })
        ));
        s.files.insert("evil".into(), vec![]);
        assert!(matches!(image(&s), Err(Error::UnknownName(_))));
        let huge = vec![0u8; MAX_VOLUME as usize + 1];
        assert!(matches!(read(&huge[..]), Err(Error::VolumeTooLarge(_))));
    }

    #[test]
    fn a_big_file_gets_a_volume_that_holds_it() {
        let mut s = Seed::default();
        s.add("user-data", vec![b'a'; MAX_FILE as usize]).unwrap();
        let img = image(&s).unwrap();
        assert_eq!(read(&img[..]).unwrap(), s);
    }

    #[test]
    fn the_boot_sector_label_is_read_cheaply_and_iso9660_is_recognised() {
        let img = image(&seed()).unwrap();
        assert_eq!(boot_label(&img).as_deref(), Some(LABEL));
        assert_eq!(boot_label(&img[..511]), None);
        assert_eq!(boot_label(&[0u8; 4096]), None);
        let mut no_sig = img.clone();
        no_sig[510] = 0;
        assert_eq!(boot_label(&no_sig), None);
        assert!(!iso9660_cidata(&img));
        let mut iso = vec![0u8; HEAD as usize];
        iso[0x8001..0x8006].copy_from_slice(b"CD001");
        iso[0x8028..0x8048].copy_from_slice(format!("{:<32}", "cidata").as_bytes());
        assert!(iso9660_cidata(&iso));
        assert!(!iso9660_cidata(&iso[..0x8030]));
    }

    #[test]
    fn garbage_and_damaged_volumes_are_errors_not_panics() {
        assert!(matches!(read(&[0u8; 4096][..]), Err(Error::Corrupt(_))));
        assert!(matches!(read(&[][..]), Err(Error::Corrupt(_))));
        let good = image(&seed()).unwrap();
        // Every single byte of the first 64 KiB flipped, one at a time.
        for at in (0..65536).step_by(7) {
            let mut bad = good.clone();
            bad[at] ^= 0xff;
            let _ = read(&bad[..]);
        }
    }
}
