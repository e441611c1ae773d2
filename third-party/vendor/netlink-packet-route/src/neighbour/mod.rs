// SPDX-License-Identifier: MIT

mod address;
mod attribute;
mod cache_info;
mod flags;
mod header;
mod message;
mod state;

#[cfg(test)]
mod tests;

pub use self::{
    address::NeighbourAddress,
    attribute::NeighbourAttribute,
    cache_info::{NeighbourCacheInfo, NeighbourCacheInfoBuffer},
    flags::{NeighbourExtFlags, NeighbourFlags},
    header::{NeighbourHeader, NeighbourMessageBuffer},
    message::NeighbourMessage,
    state::NeighbourState,
};
