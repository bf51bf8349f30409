//! Every code an [`Error`](crate::error::Error) can carry, for the UI's generated `ErrorCode`
//! type: a code renamed or removed here fails the UI's build wherever it is named. A test reads
//! `Error::code` and fails on a code missing from this list or listed but never produced.

pub const CODES: &[&str] = &[
    "workspace.missing",
    "workspace.foreign",
    "workspace.corrupt",
    "workspace.newer",
    "workspace.read_only",
    "workspace.exists",
    "workspace.busy",
    "disk.full",
    "io",
    "store",
    "store.decode",
    "field.unknown",
    "field.invalid",
    "resource.not_found",
    "resource.ambiguous",
    "system.not_found",
    "agency.missing",
    "sheet.unreadable",
    "sheet.no_header",
    "sheet.no_name_column",
    "sheet.not_found",
    "sheet.write",
    "sheet.too_large",
    "undo.unsupported",
    "bulk.field",
    "key.generate",
    "key.exists",
    "key.unreadable",
    "key.passphrase",
    "key.passphrase_empty",
    "key.passphrase_mismatch",
    "key.no_passphrase",
    "key.public_unreadable",
    "key.trust_not_found",
    "key.trust_ambiguous",
    "package.no_uscc",
    "package.findings",
    "package.secrecy",
    "package.write",
    "verify.unreadable",
    "key.fingerprint_mismatch",
    "key.not_trustable",
    "cancelled",
    "output.workspace",
    "output.key",
    "output.input",
    "output.directory",
    "output.other_kind",
];

/// The TypeScript union of the codes.
pub fn typescript() -> String {
    let union: Vec<String> = CODES.iter().map(|c| format!("\"{c}\"")).collect();
    format!("export type ErrorCode = {};\n", union.join(" | "))
}

#[cfg(test)]
mod tests {
    /// The string literals `Error::code` returns, read from its source (the variants cannot be
    /// listed at run time without building one of each).
    fn produced() -> std::collections::BTreeSet<String> {
        let src = include_str!("error.rs");
        let start = src.find("pub fn code(&self)").expect("Error::code");
        let body = &src[start..];
        let body = &body[..body.find("\n    }\n").expect("its end")];
        body.split("=> \"").skip(1).map(|s| s[..s.find('"').unwrap()].to_string()).collect()
    }

    #[test]
    fn every_code_is_listed_once_and_every_listed_code_is_produced() {
        let listed: std::collections::BTreeSet<String> = super::CODES.iter().map(|c| c.to_string()).collect();
        assert_eq!(listed.len(), super::CODES.len(), "a code listed twice");
        assert_eq!(listed, produced(), "error_codes::CODES and Error::code disagree");
    }
}
