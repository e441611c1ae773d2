// SPDX-License-Identifier: MIT

mod af_spec;
mod bond;
mod bridge;
mod message;
mod offload;
