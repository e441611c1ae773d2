// SPDX-License-Identifier: MIT

mod attribute;
mod header;
mod message;
#[cfg(test)]
mod tests;

pub use self::{
    attribute::NsidAttribute,
    header::{NsidHeader, NsidMessageBuffer},
    message::NsidMessage,
};
