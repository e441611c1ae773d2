// SPDX-License-Identifier: MIT

#[cfg(test)]
mod fw_mark;
#[cfg(test)]
mod iif_oif;
#[cfg(test)]
mod l3mdev;
#[cfg(test)]
mod on_boot_rules;
#[cfg(test)]
mod sport_dport;
#[cfg(test)]
mod src_dst;
#[cfg(test)]
mod tun_id;
