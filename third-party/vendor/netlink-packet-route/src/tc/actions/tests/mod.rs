// SPDX-License-Identifier: MIT

pub mod action;
pub mod header;
pub mod message;
pub mod mirror;
pub mod nat;
pub mod tunnel_key;
