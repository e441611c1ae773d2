//! PKIX Name types

mod dirstr;
mod dp;
mod ediparty;
mod general;
mod other;

pub use dirstr::DirectoryString;
pub use dp::DistributionPointName;
pub use ediparty::EdiPartyName;
pub use general::{GeneralName, GeneralNames};
pub use other::OtherName;
