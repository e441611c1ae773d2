//! Deterministic newc cpio archives for the initramfs, built from a spec.
//!
//! - [`newc`]: the format (writer and reader), nothing else.
//! - [`spec`]: the TOML spec of what goes where.
//! - [`check`]: what an archive may hold; one validator for build, verify,
//!   list and extract.
//! - [`scan`]: the one checking pass verify, list and extract read with.
//! - [`plan`]: the spec's meaning and the canonical, reproducible record list.
//! - [`compress`]: gzip / zstd / none.
//! - [`archive`]: build, list and verify whole archives.
//! - [`extract`]: extraction that touches nothing outside its target.

pub mod archive;
pub mod check;
pub mod compress;
pub mod extract;
pub mod newc;
pub mod pgzip;
pub mod plan;
pub mod scan;
pub mod spec;

use std::path::Path;

pub use archive::{entries, list, verify, ArchiveError, Entries, Listing, Verdict};
pub use compress::Compression;
pub use extract::{extract, extract_from, Devices, ExtractOptions, Extracted};
pub use plan::{Inputs, PlanError};
pub use spec::{Spec, SpecError};

/// Any error of [`build`].
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Spec(#[from] SpecError),
    #[error("{spec}")]
    Plan {
        spec: std::path::PathBuf,
        source: PlanError,
    },
    #[error(transparent)]
    Archive(#[from] ArchiveError),
}

/// Builds `output` from the spec file at `spec_path`: parse, plan, write
/// atomically. Relative sources resolve against the spec's directory.
pub fn build(
    spec_path: &Path,
    inputs: &Inputs,
    mtime: u32,
    compression: Compression,
    output: &Path,
) -> Result<usize, BuildError> {
    let spec = Spec::load(spec_path)?;
    let base = spec_path.parent().unwrap_or(Path::new("."));
    let records = plan::plan(&spec, base, inputs, mtime).map_err(|source| BuildError::Plan {
        spec: spec_path.into(),
        source,
    })?;
    archive::write_archive_file(&records, compression, output)?;
    Ok(records.len())
}
