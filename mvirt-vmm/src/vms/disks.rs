//! Disks made from pushed images: each VM that names `--disk image:NAME`
//! gets its own copy of the image, so the image stays pristine for the
//! next VM, and `--disk-size` grows that copy.
//!
//! A copy, not a qcow2 overlay: cloud-hypervisor boots either, but a
//! copy keeps working when the image's name is pushed again or deleted,
//! needs no image format in this daemon, and is sparse (only the image's
//! data is written: its holes, found with SEEK_DATA/SEEK_HOLE, and its
//! blocks of zeros stay holes), so a 2 GiB image holding 400 MiB costs
//! 400 MiB. A qcow2 image is
//! copied as it is (and cannot be grown here). Copies are written as
//! temporary files beside their final names and renamed only when the VM
//! is recorded: a refused create leaves nothing.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use mvirt_api::VmSpec;
use rustix::fs::SeekFrom as RSeek;

use super::{refuse, Refusal};

/// The directory of the copies, under the state directory.
pub const DISKS_DIR: &str = "disks";

/// The smallest and largest size `--disk-size` may ask for.
const MAX_DISK_SIZE: u64 = 16 << 40;

/// The copy of disk `index` of VM `name`.
pub fn path_of(state_dir: &Path, name: &str, index: usize) -> PathBuf {
    state_dir
        .join(DISKS_DIR)
        .join(format!("{name}-{index}.img"))
}

/// The copies a create makes, not yet under their final names.
pub(super) struct Copies(Vec<mvirt_atomic::Output>);

impl Copies {
    /// Renames every copy to its final name.
    pub(super) fn commit(self) -> Result<(), Refusal> {
        mvirt_atomic::commit_all(self.0)
            .map_err(|e| refuse(507, format!("saving a disk copy: {e}")))
    }
}

fn is_qcow2(file: &mut File) -> std::io::Result<bool> {
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic)?;
    file.rewind()?;
    Ok(n == 4 && magic == *b"QFI\xfb")
}

/// Writes `chunk` at `dst`'s position, skipping (seeking over) the 4 KiB
/// blocks that are all zeros, as `cp --sparse=always` does; returns the
/// bytes written.
/// Whether `block` is all zeros (an OR over it, which the compiler
/// vectorizes; no early exit, so a block costs the same either way).
fn is_zero(block: &[u8]) -> bool {
    block.iter().fold(0u8, |acc, &b| acc | b) == 0
}

fn write_sparse(dst: &mut File, chunk: &[u8]) -> std::io::Result<u64> {
    let mut written = 0;
    let mut blocks = chunk.chunks(4096).peekable();
    while let Some(first) = blocks.next() {
        // A run of blocks that are all zeros, or all not: one seek or one write.
        let zero = is_zero(first);
        let mut len = first.len();
        while let Some(next) = blocks.next_if(|b| is_zero(b) == zero) {
            len += next.len();
        }
        let start = first.as_ptr() as usize - chunk.as_ptr() as usize;
        if zero {
            dst.seek(SeekFrom::Current(len as i64))?;
        } else {
            dst.write_all(&chunk[start..start + len])?;
            written += len as u64;
        }
    }
    Ok(written)
}

/// Copies `src` into `dst`, writing only its data: the holes of `src`
/// (found with SEEK_DATA/SEEK_HOLE) and its blocks of zeros stay holes in
/// `dst`, whose length is set to `src`'s.
pub fn sparse_copy(src: &mut File, dst: &mut File) -> std::io::Result<u64> {
    let len = src.metadata()?.len();
    let mut at = 0u64;
    let mut written = 0u64;
    let mut buf = vec![0u8; 1 << 20];
    while at < len {
        let data = match rustix::fs::seek(&*src, RSeek::Data(at)) {
            Ok(d) => d,
            Err(rustix::io::Errno::NXIO) => break, // only a hole is left
            Err(e) => return Err(e.into()),
        };
        let hole = rustix::fs::seek(&*src, RSeek::Hole(data)).map_err(std::io::Error::from)?;
        src.seek(SeekFrom::Start(data))?;
        dst.seek(SeekFrom::Start(data))?;
        let mut left = hole.min(len) - data;
        while left > 0 {
            let want = left.min(buf.len() as u64) as usize;
            let n = src.read(&mut buf[..want])?;
            if n == 0 {
                break; // the file shrank under us: stop at its end
            }
            written += write_sparse(dst, &buf[..n])?;
            left -= n as u64;
        }
        at = hole;
    }
    dst.set_len(len)?;
    Ok(written)
}

fn disk_error(what: &str, e: std::io::Error) -> Refusal {
    let status = match e.raw_os_error() {
        Some(libc::ENOSPC | libc::EDQUOT | libc::EROFS) => 507,
        _ => 500,
    };
    refuse(status, format!("{what}: {e}"))
}

/// Copies each disk of `spec` that `bases` names (index, image blob) into
/// the VM's own file under `state_dir`, grows the first to the spec's
/// `disk_size`, and points the spec at the copies.
pub(super) fn prepare(
    spec: &mut VmSpec,
    bases: &[(usize, PathBuf)],
    state_dir: &Path,
) -> Result<Copies, Refusal> {
    if spec.disk_size.is_some() && bases.is_empty() {
        return Err(refuse(
            400,
            "--disk-size grows a disk made from an image (--disk image:NAME); this VM has none",
        ));
    }
    if let Some(size) = spec.disk_size {
        if size > MAX_DISK_SIZE {
            return Err(refuse(
                400,
                format!("--disk-size {size} is more than {MAX_DISK_SIZE} bytes"),
            ));
        }
    }
    if bases.is_empty() {
        return Ok(Copies(Vec::new()));
    }
    let dir = state_dir.join(DISKS_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| disk_error("creating the disks directory", e))?;
    let mut copies = Vec::new();
    for (n, (index, base)) in bases.iter().enumerate() {
        let dest = path_of(state_dir, &spec.name, *index);
        let what = format!("disk {index} from {}", base.display());
        let mut src = File::open(base).map_err(|e| disk_error(&what, e))?;
        let mut out =
            mvirt_atomic::Output::create(&dest, 0o600).map_err(|e| disk_error(&what, e))?;
        let qcow2 = is_qcow2(&mut src).map_err(|e| disk_error(&what, e))?;
        sparse_copy(&mut src, out.file()).map_err(|e| disk_error(&what, e))?;
        if let (0, Some(size)) = (n, spec.disk_size) {
            let len = out
                .file()
                .metadata()
                .map_err(|e| disk_error(&what, e))?
                .len();
            if qcow2 {
                return Err(refuse(400, format!("{what}: a qcow2 image cannot be grown here; push a raw image for --disk-size")));
            }
            if size < len {
                return Err(refuse(
                    400,
                    format!("--disk-size {size} is smaller than the image ({len} bytes)"),
                ));
            }
            out.file().set_len(size).map_err(|e| disk_error(&what, e))?;
        }
        // Flushed here, before the daemon's table is locked for the commit.
        out.file().sync_all().map_err(|e| disk_error(&what, e))?;
        spec.disks[*index] = dest.display().to_string();
        copies.push(out);
    }
    Ok(Copies(copies))
}

/// Removes the copies of VM `name` (at its delete).
pub(super) fn remove(state_dir: &Path, spec: &VmSpec) {
    for index in 0..spec.disks.len() {
        let path = path_of(state_dir, &spec.name, index);
        if spec.disks[index] == path.display().to_string() {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    #[test]
    fn a_sparse_image_is_copied_sparse_and_equal() {
        let dir = tempfile::tempdir().unwrap();
        let src_path = dir.path().join("base");
        let mut src = File::create(&src_path).unwrap();
        src.set_len(64 << 20).unwrap();
        for at in [0u64, 10 << 20, (64 << 20) - 4096] {
            src.seek(SeekFrom::Start(at)).unwrap();
            src.write_all(&[0xa5; 4096]).unwrap();
        }
        drop(src);
        let mut src = File::open(&src_path).unwrap();
        let dst_path = dir.path().join("copy");
        let mut dst = File::create(&dst_path).unwrap();
        let written = sparse_copy(&mut src, &mut dst).unwrap();
        drop(dst);
        assert!(
            written < 1 << 20,
            "{written} bytes written for 12 KiB of data"
        );
        assert_eq!(
            std::fs::read(&src_path).unwrap(),
            std::fs::read(&dst_path).unwrap()
        );
        let blocks = std::fs::metadata(&dst_path).unwrap().blocks() * 512;
        assert!(blocks < 4 << 20, "the copy holds {blocks} bytes");
    }
}
