mod certificate_visitor;
mod crl_visitor;

pub use certificate_visitor::*;
pub use crl_visitor::*;
