//! Empty: this package only carries the dependency list Reindeer reads.
