// SPDX-License-Identifier: MIT

mod attribute;
mod config;
mod header;
mod message;
pub(crate) mod param;
mod stats;
#[cfg(test)]
mod tests;

pub use self::{
    attribute::NeighbourTableAttribute,
    config::{NeighbourTableConfig, NeighbourTableConfigBuffer},
    header::{NeighbourTableHeader, NeighbourTableMessageBuffer},
    message::NeighbourTableMessage,
    param::NeighbourTableParameter,
    stats::{NeighbourTableStats, NeighbourTableStatsBuffer},
};
