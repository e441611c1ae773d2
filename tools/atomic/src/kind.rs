//! Names of file types, for errors that say what was found.

use std::fs::FileType;
use std::os::unix::fs::FileTypeExt;

/// What a file is, with its article: "a FIFO", "a directory", ...
pub fn type_name(file_type: FileType) -> &'static str {
    if file_type.is_file() {
        "a regular file"
    } else if file_type.is_dir() {
        "a directory"
    } else if file_type.is_symlink() {
        "a symlink"
    } else if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else {
        "a file of unknown type"
    }
}
