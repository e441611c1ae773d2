//! A "prelude" for users of the x509-parser crate.

pub use crate::certificate::*;
pub use crate::certification_request::*;
pub use crate::cri_attributes::*;
pub use crate::error::*;
pub use crate::extensions::*;
pub use crate::objects::*;
pub use crate::pem::*;
pub use crate::revocation_list::*;
pub use crate::time::*;
pub use crate::utils::*;
#[cfg(feature = "validate")]
pub use crate::validate::*;
pub use crate::x509::*;
pub use crate::*;

pub use asn1_rs::FromDer;
