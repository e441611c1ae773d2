pub use asn1_rs::Oid;
