// SPDX-License-Identifier: MIT

mod bpf;
mod cls_u32;
mod flower;
mod matchall;
mod u32_flags;

pub use u32_flags::{TcU32OptionFlags, TcU32SelectorFlags};

pub use self::{
    bpf::{TcBpfFlags, TcFilterBpf, TcFilterBpfOption},
    cls_u32::{
        TcFilterU32, TcFilterU32Option, TcU32Key, TcU32Selector,
        TcU32SelectorBuffer,
    },
    flower::{
        TcFilterFlower, TcFilterFlowerMplsLseOption, TcFilterFlowerMplsOption,
        TcFilterFlowerOption,
    },
    matchall::{TcFilterMatchAll, TcFilterMatchAllOption},
};
