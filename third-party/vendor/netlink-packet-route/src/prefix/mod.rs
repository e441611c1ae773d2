// SPDX-License-Identifier: MIT

mod attribute;
mod cache_info;
mod header;
mod message;
#[cfg(test)]
mod tests;

pub use attribute::PrefixAttribute;
pub use cache_info::CacheInfo;
pub use header::PrefixMessageBuffer;
pub use message::PrefixMessage;
