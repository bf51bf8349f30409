//! The guard every output goes through (CLI exports, packages, keys, saved mappings, and the
//! app's save dialogs): an output never replaces the workspace, a key, or the command's own
//! input, nor — unless forced — a file of another kind than the one being written.

use std::path::Path;

use crate::error::{Error, Result};

/// What an output file is, to tell a file already at its path that may be replaced (one of the
/// same kind: the person is writing it again) from one that must not be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// An .xlsx workbook (the catalog workbook, the fill-in template).
    Workbook,
    /// A submission package (报送包): a zip holding one bag.
    Package,
    /// JSON (the DCAT file, a saved header mapping).
    Json,
    /// A PEM public key.
    PublicKey,
    /// An encrypted PEM private key (never replaced: `keys` refuses any existing file).
    PrivateKey,
}

/// What a file already at an output path holds, judged by its content, not its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Empty,
    Workbook,
    Package,
    /// Some other zip (an .ods, a damaged package, an archive).
    Zip,
    Json,
    PublicKey,
    PrivateKey,
    /// A SQLite database (a Mulu workspace or another program's).
    Database,
    Other,
}

impl Found {
    fn is(self, kind: OutputKind) -> bool {
        matches!(
            (self, kind),
            (Found::Empty, _)
                | (Found::Workbook, OutputKind::Workbook)
                | (Found::Package, OutputKind::Package)
                | (Found::Json, OutputKind::Json)
                | (Found::PublicKey, OutputKind::PublicKey)
        )
    }

    /// The stable name used in the error (and translated there).
    pub fn name(self) -> &'static str {
        match self {
            Found::Empty => "empty",
            Found::Workbook => "workbook",
            Found::Package => "package",
            Found::Zip => "zip",
            Found::Json => "json",
            Found::PublicKey => "public-key",
            Found::PrivateKey => "private-key",
            Found::Database => "database",
            Found::Other => "other",
        }
    }
}

/// What the file at `path` holds (`None`: there is no file).
pub fn sniff_kind(path: &Path) -> Option<Found> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).ok()?;
    let mut head = Vec::with_capacity(4096);
    f.by_ref().take(4096).read_to_end(&mut head).ok()?;
    if head.is_empty() {
        return Some(Found::Empty);
    }
    if head.starts_with(b"SQLite format 3\0") {
        return Some(Found::Database);
    }
    let text = String::from_utf8_lossy(&head);
    if text.contains("-----BEGIN") {
        if text.contains("PRIVATE KEY-----") {
            return Some(Found::PrivateKey);
        }
        if text.contains("BEGIN PUBLIC KEY-----") {
            return Some(Found::PublicKey);
        }
    }
    if head.starts_with(b"PK") {
        if crate::package::sniff::sniff(path) == crate::package::sniff::Sniffed::Package {
            return Some(Found::Package);
        }
        let workbook = std::fs::File::open(path)
            .ok()
            .and_then(|f| zip::ZipArchive::new(std::io::BufReader::new(f)).ok())
            .is_some_and(|z| z.index_for_name("xl/workbook.xml").is_some());
        return Some(if workbook { Found::Workbook } else { Found::Zip });
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let whole = std::fs::read(path).ok()?;
        if serde_json::from_slice::<serde_json::Value>(&whole).is_ok() {
            return Some(Found::Json);
        }
    }
    Some(Found::Other)
}

/// `path` made absolute with its links resolved; for a file not there yet, its folder's.
fn resolve(path: &Path) -> std::path::PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir).map(|d| d.join(name)).unwrap_or(abs),
        _ => abs,
    }
}

/// Whether `a` and `b` name one file: the same resolved path, or (for existing files on unix)
/// the same device and inode, which also catches hard links.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if resolve(a) == resolve(b) {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// The files that are the workspace: the database, its write-ahead log, shared memory and
/// rollback journal. Its backups folder is checked apart.
fn workspace_files(ws: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![ws.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut s = ws.as_os_str().to_owned();
        s.push(suffix);
        out.push(s.into());
    }
    out
}

/// Refuses to write `out` when it would destroy what it must not: the open workspace (or its
/// log, or anything in its backups folder), a private key file, or one of the command's own
/// `inputs` — always; and a file of another kind than `kind` (a workbook where a package is
/// written, a workspace where a workbook is) unless `force`. Every output of the CLI and the
/// app goes through here before anything is written.
pub fn check_output(
    out: &Path,
    kind: OutputKind,
    workspace: Option<&Path>,
    inputs: &[&Path],
    force: bool,
) -> Result<()> {
    let refuse = |reason: &'static str, found: Option<Found>| {
        Err(Error::OutputRefused { path: out.to_path_buf(), reason, found: found.map(Found::name) })
    };
    if out.is_dir() {
        return refuse("directory", None);
    }
    if let Some(ws) = workspace {
        if workspace_files(ws).iter().any(|f| same_file(out, f)) {
            return refuse("workspace", None);
        }
        // The backups folder as named beside the workspace and beside its resolved path.
        let target = resolve(out);
        let in_backups = [ws.to_path_buf(), resolve(ws)]
            .iter()
            .map(|w| resolve(&crate::store::backup_dir(w)))
            .any(|dir| target.starts_with(&dir));
        if in_backups {
            return refuse("workspace", None);
        }
    }
    if inputs.iter().any(|i| same_file(out, i)) {
        return refuse("input", None);
    }
    let Some(found) = sniff_kind(out) else { return Ok(()) };
    if kind == OutputKind::PrivateKey {
        // A key is only ever written where there was nothing.
        return Err(Error::KeyExists { path: out.to_path_buf() });
    }
    if found == Found::PrivateKey {
        return refuse("key", Some(found));
    }
    if found == Found::Database && !force {
        return refuse("other-kind", Some(found));
    }
    if !found.is(kind) && !force {
        return refuse("other-kind", Some(found));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_never_replace_the_workspace_a_key_or_an_input() {
        let d = tempfile::tempdir().unwrap();
        let ws = d.path().join("镇.mulu");
        drop(crate::store::Workspace::create(&ws).unwrap());
        let refused =
            |out: &Path, kind, inputs: &[&Path], force| match check_output(out, kind, Some(&ws), inputs, force) {
                Err(Error::OutputRefused { reason, .. }) => Some(reason),
                Err(e) => panic!("{e:?}"),
                Ok(()) => None,
            };
        // The workspace, however it is named, whatever is forced.
        assert_eq!(refused(&ws, OutputKind::Workbook, &[], true), Some("workspace"));
        std::fs::create_dir(d.path().join("sub")).unwrap();
        assert_eq!(refused(&d.path().join("./sub/../镇.mulu"), OutputKind::Workbook, &[], true), Some("workspace"));
        let mut wal = ws.clone().into_os_string();
        wal.push("-wal");
        assert_eq!(refused(Path::new(&wal), OutputKind::Json, &[], true), Some("workspace"), "its log, not there yet");
        let backup = crate::store::backup_dir(&ws).join("x.xlsx");
        assert_eq!(refused(&backup, OutputKind::Workbook, &[], true), Some("workspace"), "its backups");
        #[cfg(unix)]
        {
            let link = d.path().join("link.xlsx");
            std::os::unix::fs::symlink(&ws, &link).unwrap();
            assert_eq!(refused(&link, OutputKind::Workbook, &[], true), Some("workspace"), "a symbolic link");
            let hard = d.path().join("hard.xlsx");
            std::fs::hard_link(&ws, &hard).unwrap();
            assert_eq!(refused(&hard, OutputKind::Workbook, &[], true), Some("workspace"), "a hard link");
        }
        // A private key, by its content, whatever its name.
        let key = d.path().join("签名.zip");
        std::fs::write(&key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n")
            .unwrap();
        assert_eq!(refused(&key, OutputKind::Package, &[], true), Some("key"));
        // The command's own input.
        let input = d.path().join("in.json");
        std::fs::write(&input, "{}").unwrap();
        assert_eq!(refused(&input, OutputKind::Json, &[&input], true), Some("input"));
        assert_eq!(refused(&input, OutputKind::Json, &[], false), None, "same kind, not an input: replaced");
        // Another kind of file: only with force.
        let notes = d.path().join("notes.xlsx");
        std::fs::write(&notes, "会议纪要").unwrap();
        assert_eq!(refused(&notes, OutputKind::Workbook, &[], false), Some("other-kind"));
        assert_eq!(refused(&notes, OutputKind::Workbook, &[], true), None);
        let other_ws = d.path().join("other.xlsx");
        std::fs::copy(&ws, &other_ws).unwrap();
        assert_eq!(refused(&other_ws, OutputKind::Workbook, &[], false), Some("other-kind"), "another workspace");
        assert_eq!(refused(d.path(), OutputKind::Workbook, &[], true), Some("directory"));
        assert_eq!(refused(&d.path().join("new.xlsx"), OutputKind::Workbook, &[], false), None);
    }

    #[test]
    fn kinds_are_told_by_content() {
        let d = tempfile::tempdir().unwrap();
        let wb = d.path().join("a.bin");
        crate::sheets::export_template(&crate::model::Agency::default(), &wb).unwrap();
        assert_eq!(sniff_kind(&wb), Some(Found::Workbook));
        let j = d.path().join("j.txt");
        std::fs::write(&j, " [1, 2]").unwrap();
        assert_eq!(sniff_kind(&j), Some(Found::Json));
        std::fs::write(&j, "{ not json").unwrap();
        assert_eq!(sniff_kind(&j), Some(Found::Other));
        std::fs::write(&j, "").unwrap();
        assert_eq!(sniff_kind(&j), Some(Found::Empty));
        assert_eq!(sniff_kind(&d.path().join("none")), None);
    }
}
