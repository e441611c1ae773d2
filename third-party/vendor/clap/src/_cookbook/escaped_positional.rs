//! # Example (Builder API)
//!
//! ```rust
#![doc = include_str!("../../examples/escaped-positional.rs")]
//! ```
//!
#![doc = include_str!("../../examples/escaped-positional.md")]
