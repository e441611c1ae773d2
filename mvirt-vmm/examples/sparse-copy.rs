//! `sparse-copy SRC DST`: the copy a VM's disk from an image gets
//! (mvirt_vmm::vms::disks::sparse_copy), for bench/disk-copy.sh.

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, src, dst] = args.as_slice() else {
        eprintln!("usage: sparse-copy SRC DST");
        std::process::exit(2);
    };
    let mut src = std::fs::File::open(src)?;
    let mut dst = std::fs::File::create(dst)?;
    let written = mvirt_vmm::vms::disks::sparse_copy(&mut src, &mut dst)?;
    dst.sync_all()?;
    println!("{written}");
    Ok(())
}
