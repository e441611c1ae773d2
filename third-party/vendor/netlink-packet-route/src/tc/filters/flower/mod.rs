// SPDX-License-Identifier: MIT

mod core;
mod mpls;

pub use self::{
    core::{TcFilterFlower, TcFilterFlowerOption},
    mpls::{TcFilterFlowerMplsLseOption, TcFilterFlowerMplsOption},
};
