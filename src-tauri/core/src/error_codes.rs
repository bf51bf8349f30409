//! Every code an [`Error`](crate::error::Error) can carry, as the UI's generated `ErrorCode`
//! type: a code renamed or removed fails the UI's build wherever it is named. The codes are the
//! `[error]` entries of `data/messages.toml` (their one home; `error_tests` checks them against
//! `Error::code` both ways).

/// The codes, sorted.
pub fn codes() -> Vec<&'static str> {
    crate::messages::file().error.keys().map(String::as_str).collect()
}

/// The TypeScript union of the codes.
pub fn typescript() -> String {
    let union: Vec<String> = codes().iter().map(|c| format!("\"{c}\"")).collect();
    format!("export type ErrorCode = {};\n", union.join(" | "))
}
