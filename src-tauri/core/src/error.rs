//! The core's errors. Each has a stable code (what the UI and scripts switch on), a sentence in
//! the person's language saying what to do, and the field it concerns where there is one.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::{Face, Lang};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("workspace not found: {}", path.display())]
    WorkspaceMissing { path: PathBuf },
    #[error("not a Mulu workspace: {} ({reason})", path.display())]
    NotAWorkspace { path: PathBuf, reason: &'static str },
    #[error("workspace is damaged: {} ({detail})", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("workspace {} has schema {found}, newer than {supported}", path.display())]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },
    #[error("workspace location is read-only: {}", path.display())]
    ReadOnly { path: PathBuf },
    #[error("workspace already exists: {}", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("workspace is busy: {}", path.display())]
    Busy { path: PathBuf },
    /// The disk holding `path` is full: nothing was written, what was there is intact.
    #[error("disk full: {}", path.display())]
    DiskFull { path: PathBuf },
    #[error("i/o error on {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data could not be read: {0}")]
    Decode(#[from] serde_json::Error),
    #[error("unknown field: {field}")]
    UnknownField { field: String },
    #[error("invalid value for {field}: {value} (expected {expected})")]
    InvalidValue { field: String, value: String, expected: String },
    #[error("no resource matches {selector}")]
    ResourceNotFound { selector: String },
    #[error("{count} resources match {selector}")]
    AmbiguousResource { selector: String, count: usize },
    #[error("no information system named {name}")]
    SystemNotFound { name: String },
    #[error("no agency profile yet")]
    NoAgency,
    #[error("cannot read spreadsheet {}: {reason}", file.display())]
    SheetUnreadable { file: PathBuf, reason: String },
    #[error("no header found in {} ({sheet})", file.display())]
    NoHeader { file: PathBuf, sheet: String },
    #[error("no resource name column in {} ({sheet})", file.display())]
    NoNameColumn { file: PathBuf, sheet: String },
    #[error("no sheet {sheet} in {}", file.display())]
    SheetNotFound { file: PathBuf, sheet: String, sheets: Vec<String> },
    #[error("cannot write spreadsheet: {reason}")]
    SheetWrite { reason: String },
    #[error("cannot undo {action}")]
    UndoUnsupported { action: String },
    #[error("{field} cannot be set on several resources at once")]
    NotBulk { field: String },
    #[error("sheet {sheet} of {} has more than {max} rows", file.display())]
    SheetTooLarge { file: PathBuf, sheet: String, max: u32 },
    #[error("cannot make a key: {reason}")]
    KeyGenerate { reason: String },
    #[error("key file already exists: {}", path.display())]
    KeyExists { path: PathBuf },
    #[error("not an encrypted Mulu key file: {}", path.display())]
    KeyUnreadable { path: PathBuf },
    #[error("wrong passphrase for {}", path.display())]
    KeyPassphrase { path: PathBuf },
    #[error("empty passphrase")]
    PassphraseEmpty,
    #[error("the passphrases differ")]
    PassphraseMismatch,
    #[error("no passphrase: no terminal and no MULU_PASSPHRASE")]
    PassphraseUnavailable,
    #[error("not a public key: {}", path.display())]
    PublicKeyUnreadable { path: PathBuf },
    #[error("no trusted key matches {selector}")]
    TrustNotFound { selector: String },
    #[error("{count} trusted keys match {selector}")]
    TrustAmbiguous { selector: String, count: usize },
    #[error("the agency profile has no USCC")]
    PackageNoUscc,
    #[error("validation found {errors} errors")]
    PackageHasErrors { errors: usize, resources: usize },
    #[error("{} resources lack the secrecy review", resources.len())]
    PackageUnreviewed { resources: Vec<String> },
    #[error("cannot write the package: {reason}")]
    PackageWrite { reason: String },
    #[error("cannot read {}: {reason}", path.display())]
    VerifyUnreadable { path: PathBuf, reason: String },
    #[error("the fingerprint read aloud differs from the signer's")]
    FingerprintMismatch,
    #[error("the signer of this package cannot be trusted ({reason})")]
    NotTrustable { reason: &'static str },
    /// An output that would destroy what it must not (the workspace, a key, an input) or a file
    /// of another kind (`reason`: `workspace`, `key`, `input`, `directory`, `other-kind`; `found`:
    /// what the file holds, see `fsutil::Found::name`).
    #[error("will not write {}: {reason}", path.display())]
    OutputRefused { path: PathBuf, reason: &'static str, found: Option<&'static str> },
    /// The person stopped a long read (an import, a scan) before it finished.
    #[error("cancelled")]
    Cancelled,
    /// A workbook over one of the limits that bound an import's memory (`sheets::limits`).
    #[error("{} is over the import limit on {what:?} ({max})", file.display())]
    SheetLimit { file: PathBuf, what: crate::sheets::limits::Limit, max: u64 },
    /// A text longer than a spreadsheet cell holds, met while writing the catalog workbook.
    #[error("{field} of {resource} has {len} characters, more than a cell holds ({max})")]
    CellTooLong { resource: String, field: String, len: usize, max: usize },
}

/// The field key of a field path, for its label: `items[2].description` → `item.description`;
/// others as they are.
fn field_key(path: &str) -> std::borrow::Cow<'_, str> {
    match path.strip_prefix("items[").and_then(|rest| rest.split_once("].")) {
        Some((_, k)) => format!("item.{k}").into(),
        None => path.into(),
    }
}

/// The error as it crosses the IPC boundary or is printed with `--json`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        match source.kind() {
            std::io::ErrorKind::StorageFull => Error::DiskFull { path: path.to_path_buf() },
            _ => Error::Io { path: path.to_path_buf(), source },
        }
    }

    /// This error from an operation on the workspace at `path`: a database failure is told
    /// apart (full disk, read-only, locked, damaged) and named with the file.
    pub fn in_workspace(self, path: &Path) -> Self {
        match self {
            Error::Sqlite(e) => crate::store::classify(path, e),
            other => other,
        }
    }

    pub fn invalid(field: &str, value: &str, expected: &str) -> Self {
        Error::InvalidValue { field: field.into(), value: value.into(), expected: expected.into() }
    }

    /// Stable code, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WorkspaceMissing { .. } => "workspace.missing",
            Error::NotAWorkspace { .. } => "workspace.foreign",
            Error::Corrupt { .. } => "workspace.corrupt",
            Error::NewerSchema { .. } => "workspace.newer",
            Error::ReadOnly { .. } => "workspace.read_only",
            Error::AlreadyExists { .. } => "workspace.exists",
            Error::Busy { .. } => "workspace.busy",
            Error::DiskFull { .. } => "disk.full",
            Error::Io { .. } => "io",
            Error::Sqlite(_) => "store",
            Error::Decode(_) => "store.decode",
            Error::UnknownField { .. } => "field.unknown",
            Error::InvalidValue { .. } => "field.invalid",
            Error::ResourceNotFound { .. } => "resource.not_found",
            Error::AmbiguousResource { .. } => "resource.ambiguous",
            Error::SystemNotFound { .. } => "system.not_found",
            Error::NoAgency => "agency.missing",
            Error::SheetUnreadable { .. } => "sheet.unreadable",
            Error::NoHeader { .. } => "sheet.no_header",
            Error::NoNameColumn { .. } => "sheet.no_name_column",
            Error::SheetNotFound { .. } => "sheet.not_found",
            Error::SheetWrite { .. } => "sheet.write",
            Error::SheetTooLarge { .. } => "sheet.too_large",
            Error::UndoUnsupported { .. } => "undo.unsupported",
            Error::NotBulk { .. } => "bulk.field",
            Error::KeyGenerate { .. } => "key.generate",
            Error::KeyExists { .. } => "key.exists",
            Error::KeyUnreadable { .. } => "key.unreadable",
            Error::KeyPassphrase { .. } => "key.passphrase",
            Error::PassphraseEmpty => "key.passphrase_empty",
            Error::PassphraseMismatch => "key.passphrase_mismatch",
            Error::PassphraseUnavailable => "key.no_passphrase",
            Error::PublicKeyUnreadable { .. } => "key.public_unreadable",
            Error::TrustNotFound { .. } => "key.trust_not_found",
            Error::TrustAmbiguous { .. } => "key.trust_ambiguous",
            Error::PackageNoUscc => "package.no_uscc",
            Error::PackageHasErrors { .. } => "package.findings",
            Error::PackageUnreviewed { .. } => "package.secrecy",
            Error::PackageWrite { .. } => "package.write",
            Error::VerifyUnreadable { .. } => "verify.unreadable",
            Error::FingerprintMismatch => "key.fingerprint_mismatch",
            Error::NotTrustable { .. } => "key.not_trustable",
            Error::Cancelled => "cancelled",
            Error::OutputRefused { reason, .. } => match *reason {
                "workspace" => "output.workspace",
                "key" => "output.key",
                "input" => "output.input",
                "directory" => "output.directory",
                _ => "output.other_kind",
            },
            Error::CellTooLong { .. } => "sheet.cell_too_long",
            Error::SheetLimit { .. } => "sheet.limit",
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::UnknownField { field }
            | Error::InvalidValue { field, .. }
            | Error::NotBulk { field }
            | Error::CellTooLong { field, .. } => Some(field),
            _ => None,
        }
    }

    /// A sentence for the person at the command line, in their language, saying what happened
    /// and what to do.
    pub fn message(&self, lang: Lang) -> String {
        self.message_in(lang, Face::Cli)
    }

    /// The same sentence for the person in `face`: what to do is said in that face's terms
    /// (a `mulu` command, or the app's step that fixes it).
    pub fn message_in(&self, lang: Lang, face: Face) -> String {
        let zh = lang == Lang::Zh;
        // What to do: at the command line, or in the app.
        let todo = |cli: [&'static str; 2], app: [&'static str; 2]| {
            let pair = if face == Face::Cli { cli } else { app };
            if zh {
                pair[0]
            } else {
                pair[1]
            }
        };
        match self {
            Error::WorkspaceMissing { path } => {
                if zh {
                    format!("找不到工作区文件 {}。请检查路径{}", path.display(), todo(["，或先用 `mulu init` 新建工作区。", ""], ["。", ""]))
                } else {
                    format!("No workspace at {}. Check the path{}", path.display(), todo(["", ", or create one with `mulu init`."], ["", "."]))
                }
            }
            Error::NotAWorkspace { path, reason } => {
                if zh {
                    format!(
                        "{} 不是目录工作区文件（{}），未作任何修改。请选择以 .mulu 结尾的工作区文件。",
                        path.display(),
                        foreign_reason(reason, lang)
                    )
                } else {
                    format!(
                        "{} is not a Mulu workspace ({}); it was left untouched. Choose a .mulu workspace file.",
                        path.display(),
                        foreign_reason(reason, lang)
                    )
                }
            }
            Error::Corrupt { path, detail } => {
                if zh {
                    format!("工作区 {} 已损坏（{detail}），未作任何修改。请从同目录下的 .mulu-backups 文件夹中恢复最近的备份。", path.display())
                } else {
                    format!("Workspace {} is damaged ({detail}); it was left untouched. Restore the latest copy from the .mulu-backups folder beside it.", path.display())
                }
            }
            Error::NewerSchema { path, found, supported } => {
                if zh {
                    format!("工作区 {} 由更新版本的目录程序创建（数据版本 {found}，本程序最高支持 {supported}），请升级程序后再打开。", path.display())
                } else {
                    format!("Workspace {} was written by a newer Mulu (data version {found}; this one reads up to {supported}). Upgrade Mulu to open it.", path.display())
                }
            }
            Error::ReadOnly { path } => {
                if zh {
                    format!("工作区 {} 所在位置不可写（只读文件或只读文件夹），未作任何修改。请把它复制到可写的文件夹后再打开。", path.display())
                } else {
                    format!("Workspace {} is in a read-only place; it was left untouched. Copy it to a folder you can write to, then open it.", path.display())
                }
            }
            Error::AlreadyExists { path } => {
                if zh {
                    format!(
                        "工作区 {} 已存在，已有的目录没有被覆盖。{}",
                        path.display(),
                        todo(["要修改机构信息请使用 `mulu agency set`。", ""], ["请直接打开它。", ""])
                    )
                } else {
                    format!("Workspace {} already exists and was not overwritten. {}", path.display(), todo(["", "Use `mulu agency set` to change the agency profile."], ["", "Open it instead."]))
                }
            }
            Error::Busy { path } => {
                if zh {
                    format!("工作区 {} 正被另一个程序使用，请稍后再试。", path.display())
                } else {
                    format!("Workspace {} is in use by another program; try again shortly.", path.display())
                }
            }
            Error::DiskFull { path } => {
                if zh {
                    format!("{} 所在的磁盘已满，无法写入：没有保存任何修改，已有的内容完好。请清理磁盘空间（或换到有空间的磁盘）后重试。", path.display())
                } else {
                    format!("The disk holding {} is full, so nothing could be written: no change was saved, and what was there is intact. Free some disk space (or use another disk), then try again.", path.display())
                }
            }
            Error::Io { path, source } => {
                if zh {
                    format!("读写 {} 时出错：{source}。请检查文件权限和磁盘空间。", path.display())
                } else {
                    format!(
                        "Could not read or write {}: {source}. Check permissions and free disk space.",
                        path.display()
                    )
                }
            }
            Error::Sqlite(e) => {
                if zh {
                    format!("数据库操作失败：{e}。所做修改未保存，请重试；如反复出现，请从备份恢复。")
                } else {
                    format!("A database operation failed: {e}. Nothing was saved; try again, and restore a backup if it keeps happening.")
                }
            }
            Error::Decode(e) => {
                if zh {
                    format!("工作区中的数据无法读取：{e}。请从备份恢复。")
                } else {
                    format!("Data in the workspace could not be read: {e}. Restore a backup.")
                }
            }
            Error::UnknownField { field } => {
                if zh {
                    format!("没有名为“{field}”的字段。")
                } else {
                    format!("There is no field named “{field}”.")
                }
            }
            Error::InvalidValue { field, value, expected } => {
                let label = crate::model::fields::label(field, lang);
                if zh {
                    format!("“{label}”的值“{value}”无法识别，应为：{expected}。")
                } else {
                    format!("“{label}” cannot be “{value}”; expected: {expected}.")
                }
            }
            Error::ResourceNotFound { selector } => {
                if zh {
                    format!("没有找到代码或名称为“{selector}”的资源。{}", todo(["可用 `mulu show` 查看全部资源。", ""], ["它可能已被删除，请刷新资源列表。", ""]))
                } else {
                    format!("No resource has the code or name “{selector}”. {}", todo(["", "`mulu show` lists them all."], ["", "It may have been deleted; refresh the resource list."]))
                }
            }
            Error::AmbiguousResource { selector, count } => {
                if zh {
                    format!(
                        "有 {count} 个资源的代码或名称为“{selector}”，{}",
                        todo(["请改用内部编号（#编号，见 `mulu show`）指定。", ""], ["请在资源列表中选定其中一个。", ""])
                    )
                } else {
                    format!("{count} resources have the code or name “{selector}”; {}", todo(["", "name one by its number (#N, see `mulu show`)."], ["", "pick one in the resource list."]))
                }
            }
            Error::SystemNotFound { name } => {
                if zh {
                    format!("没有名为“{name}”的信息系统。")
                } else {
                    format!("There is no information system named “{name}”.")
                }
            }
            Error::NoAgency => todo(
                ["尚未填写机构信息，请先运行 `mulu init`。", "No agency profile yet: run `mulu init` first."],
                ["尚未填写机构信息，请先在第 1 步“机构信息”中填写。", "No agency profile yet: fill in step 1, Agency, first."],
            )
            .to_string(),
            Error::SheetUnreadable { file, reason } => {
                let why = match reason.as_str() {
                    "not-a-spreadsheet" => lang
                        .pick(
                            "不是电子表格文件（支持 .xlsx、.xlsm、.xls、.ods）",
                            "it is not a spreadsheet (.xlsx, .xlsm, .xls and .ods are supported)",
                        )
                        .to_string(),
                    "zip-bomb" => lang
                        .pick(
                            "文件解压后异常巨大，疑似恶意文件",
                            "it would unpack to an abnormal size, like a zip bomb",
                        )
                        .to_string(),
                    other => other.to_string(),
                };
                if zh {
                    format!(
                        "无法读取 {}：{why}。请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入。未导入任何内容。",
                        file.display()
                    )
                } else {
                    format!("Cannot read {}: {why}. Open it in Excel or WPS, save it as .xlsx and import again. Nothing was imported.", file.display())
                }
            }
            Error::NoHeader { file, sheet } => {
                if zh {
                    format!("在 {} 的工作表“{sheet}”前 40 行中找不到表头（至少两列可识别的列名，如“信息资源名称”“信息资源代码”）。请检查列名，或用表头映射指定各列。未导入任何内容。", file.display())
                } else {
                    format!("No header found in the first 40 rows of sheet “{sheet}” of {} (two recognisable column names such as 信息资源名称, 信息资源代码). Check the column names or map the columns by hand. Nothing was imported.", file.display())
                }
            }
            Error::NoNameColumn { file, sheet } => {
                if zh {
                    format!("{} 的工作表“{sheet}”没有“信息资源名称”列，无法确定每行属于哪个资源。请添加该列或在表头映射中指定。未导入任何内容。", file.display())
                } else {
                    format!("Sheet “{sheet}” of {} has no resource-name column (信息资源名称), so rows cannot be told apart. Add it or map it by hand. Nothing was imported.", file.display())
                }
            }
            Error::SheetNotFound { file, sheet, sheets } => {
                if zh {
                    format!("{} 中没有名为“{sheet}”的工作表。现有工作表：{}。", file.display(), sheets.join("、"))
                } else {
                    format!("{} has no sheet named “{sheet}”. Its sheets: {}.", file.display(), sheets.join(", "))
                }
            }
            Error::UndoUnsupported { action } => {
                let what = match action.as_str() {
                    "system.put" | "system.remove" => lang.pick("信息系统的修改", "a change of information systems"),
                    other => other,
                };
                // The app has no screen for systems, trusted keys or package records.
                let advice = todo(
                    ["信息系统、信任列表和报送记录请直接修改。", "edit systems, trusted keys and package records directly."],
                    ["如需改回，请修改来源表格后重新导入，或用命令行修改。", "to change it back, correct the source workbook and import it again, or use the command line."],
                );
                if zh {
                    format!("最近一次修改（{what}）不能撤销：{advice}")
                } else {
                    format!("The last change ({what}) cannot be undone: {advice}")
                }
            }
            Error::NotBulk { field } => {
                let label = crate::model::fields::label(field, lang);
                if zh {
                    format!("“{label}”每个资源各不相同，不能批量设置；请在各资源的表单中逐个填写。")
                } else {
                    format!("“{label}” is particular to each resource and cannot be set on several at once; fill it in each resource's form.")
                }
            }
            Error::SheetTooLarge { file, sheet, max } => {
                if zh {
                    format!("{} 的工作表“{sheet}”超过 {max} 行，不像是一份目录。请检查是否选错了文件，或把表格拆分后分批导入。未导入任何内容。", file.display())
                } else {
                    format!("Sheet “{sheet}” of {} has more than {max} rows, which is not a catalog. Check the file, or split it and import the parts. Nothing was imported.", file.display())
                }
            }
            Error::SheetWrite { reason } => {
                if zh {
                    format!("写入电子表格失败：{reason}。未留下不完整的文件，请检查磁盘空间后重试。")
                } else {
                    format!("Writing the spreadsheet failed: {reason}. No partial file was left; check free space and try again.")
                }
            }
            Error::KeyGenerate { reason } => {
                if zh {
                    format!("无法生成或加密密钥（{reason}），未写入任何文件。请重试。")
                } else {
                    format!("Could not make or encrypt the key ({reason}); nothing was written. Try again.")
                }
            }
            Error::KeyExists { path } => {
                if zh {
                    format!("密钥文件 {} 已存在，未覆盖（覆盖会永久丢失原私钥）。请换一个文件名。", path.display())
                } else {
                    format!("Key file {} already exists and was not overwritten (that would lose its private key for good). Choose another name.", path.display())
                }
            }
            Error::KeyUnreadable { path } => {
                if zh {
                    format!("{} 不是目录程序的加密私钥文件（应以 BEGIN ENCRYPTED PRIVATE KEY 开头）。{}", path.display(), todo(["请选择 `mulu key new` 生成的密钥文件。", ""], ["请选择在第 1 步生成并保存的密钥文件。", ""]))
                } else {
                    format!("{} is not an encrypted Mulu key file (it should start with BEGIN ENCRYPTED PRIVATE KEY). {}", path.display(), todo(["", "Choose the file `mulu key new` made."], ["", "Choose the key file made and saved in step 1."]))
                }
            }
            Error::KeyPassphrase { path } => {
                if zh {
                    format!("密钥文件 {} 的口令不正确，请重新输入。", path.display())
                } else {
                    format!("Wrong passphrase for key file {}; enter it again.", path.display())
                }
            }
            Error::PassphraseEmpty => lang
                .pick("口令不能为空：私钥只以口令加密的形式保存。", "The passphrase cannot be empty: the private key is only ever stored encrypted with it.")
                .to_string(),
            Error::PassphraseMismatch => lang
                .pick("两次输入的口令不一致，未生成密钥，请重试。", "The two passphrases differ; no key was made. Try again.")
                .to_string(),
            Error::PassphraseUnavailable => lang
                .pick(
                    "无法输入口令：没有终端。请在终端中运行，或用环境变量 MULU_PASSPHRASE 提供口令。",
                    "Cannot ask for the passphrase: there is no terminal. Run it in a terminal, or give it in MULU_PASSPHRASE.",
                )
                .to_string(),
            Error::PublicKeyUnreadable { path } => {
                if zh {
                    format!("{} 不是公钥文件（应以 BEGIN PUBLIC KEY 开头{}）。", path.display(), todo(["，可用 `mulu key export` 导出", ""], ["", ""]))
                } else {
                    format!("{} is not a public key file (it should start with BEGIN PUBLIC KEY{}).", path.display(), todo(["", "; `mulu key export` writes one"], ["", ""]))
                }
            }
            Error::TrustNotFound { selector } => {
                if zh {
                    format!("信任列表中没有指纹或名称为“{selector}”的公钥。{}", todo(["可用 `mulu trust list` 查看。", ""], ["", ""]))
                } else {
                    format!("No trusted key has the fingerprint or name “{selector}”. {}", todo(["", "`mulu trust list` shows them."], ["", ""]))
                }
            }
            Error::TrustAmbiguous { selector, count } => {
                if zh {
                    format!("信任列表中有 {count} 个公钥匹配“{selector}”，请给出更长的指纹。")
                } else {
                    format!("{count} trusted keys match “{selector}”; give more of the fingerprint.")
                }
            }
            Error::PackageNoUscc => todo(
                [
                    "机构信息中没有统一社会信用代码，无法编号报送包。请先用 `mulu agency set --uscc` 填写。",
                    "The agency profile has no USCC, so the package cannot be numbered. Set it with `mulu agency set --uscc` first.",
                ],
                [
                    "机构信息中没有统一社会信用代码，无法编号报送包。请先在第 1 步“机构信息”中填写。",
                    "The agency profile has no USCC, so the package cannot be numbered. Fill it in at step 1, Agency, first.",
                ],
            )
            .to_string(),
            Error::PackageHasErrors { errors, resources } => {
                if zh {
                    format!("校验发现 {errors} 个错误（涉及 {resources} 个资源），未打包。{}", todo(["请用 `mulu validate` 查看并修正；确需带错报送时加 --allow-findings（将记录在 bag-info.txt 中）。", ""], ["请在第 5 步“校验”中查看并修正。", ""]))
                } else {
                    format!("Validation found {errors} errors (in {resources} resources); nothing was packaged. {}", todo(["", "See them with `mulu validate` and fix them, or add --allow-findings to package anyway (recorded in bag-info.txt)."], ["", "See them at step 5, Check, and fix them."]))
                }
            }
            Error::PackageUnreviewed { resources } => {
                let shown: Vec<&str> = resources.iter().take(20).map(String::as_str).collect();
                let more = resources.len().saturating_sub(shown.len());
                if zh {
                    let tail = if more > 0 { format!(" 等（另有 {more} 个）") } else { String::new() };
                    format!("以下 {} 个资源自上次修改后尚未通过保密审查，未打包：{}{tail}。{}", resources.len(), shown.join("、"), todo(["请审查后运行 `mulu secrecy confirm --resource 代码 --reviewer 姓名`（或 --all）。", ""], ["请在本步的“保密审查”中审查并确认。", ""]))
                } else {
                    let tail = if more > 0 { format!(" and {more} more") } else { String::new() };
                    format!("{} resources have not passed the secrecy review since their last edit, so nothing was packaged: {}{tail}. {}", resources.len(), shown.join(", "), todo(["", "After the review run `mulu secrecy confirm --resource CODE --reviewer NAME` (or --all)."], ["", "Review and confirm them under Secrecy review in this step."]))
                }
            }
            Error::PackageWrite { reason } => {
                if zh {
                    format!("写入报送包失败：{reason}。未留下不完整的文件，请检查磁盘空间后重试。")
                } else {
                    format!("Writing the package failed: {reason}. No partial file was left; check free space and try again.")
                }
            }
            Error::VerifyUnreadable { path, reason } => {
                if zh {
                    format!("无法读取 {}（{reason}）。请检查路径。", path.display())
                } else {
                    format!("Cannot read {} ({reason}). Check the path.", path.display())
                }
            }
            Error::FingerprintMismatch => lang
                .pick(
                    "输入的指纹与本包签名公钥的指纹不一致，未加入信任列表。请让报送单位重新逐组读出；仍不一致时，请勿信任此包。",
                    "The fingerprint entered differs from the key that signed this package; it was not trusted. Ask the agency to read it out again group by group; if it still differs, do not trust this package.",
                )
                .to_string(),
            Error::NotTrustable { reason } => match *reason {
                "broken" => lang.pick(
                    "包已损坏或被改动，不能信任其签名人。请让报送单位重新发送。",
                    "The package is broken or was changed, so its signer cannot be trusted. Ask the agency to send it again.",
                ),
                "other_agency" => lang.pick(
                    "此签名公钥在信任列表中属于另一单位，不能再信任为本包单位的签名人。请先与两个单位核实。",
                    "This key is trusted for another agency and cannot also sign for this package's agency. Check with both agencies first.",
                ),
                _ => lang.pick(
                    "包中没有注明报送单位的统一社会信用代码，签名人无法与单位对应，不能加入信任列表。",
                    "The package does not name its agency's USCC, so its signer cannot be tied to an agency and trusted.",
                ),
            }
            .to_string(),
            Error::Cancelled => lang.pick("已取消，未作任何修改。", "Cancelled; nothing was changed.").to_string(),
            Error::OutputRefused { path, reason, found } => crate::output::refusal(path, reason, *found, lang, face),
            Error::SheetLimit { file, what, max } => {
                use crate::sheets::limits::Limit;
                let mib = |n: &u64| format!("{} MiB", n >> 20);
                let (part, limit) = match what {
                    Limit::SharedStringsBytes => (lang.pick("共享字符串表（sharedStrings.xml）解压后的大小", "its shared-string table (sharedStrings.xml), unpacked,"), mib(max)),
                    Limit::SharedStrings => (lang.pick("共享字符串的条数", "the number of its shared strings"), max.to_string()),
                    Limit::StringBytes => (lang.pick("单个单元格文本的大小", "the size of one cell's text"), mib(max)),
                    Limit::TextBytes => (lang.pick("全部单元格文本的总量", "the text of all its cells"), mib(max)),
                };
                if zh {
                    format!("{} 的{part}超过导入上限 {limit}，远超任何目录，疑似异常或恶意文件。未导入任何内容。请用 Excel 或 WPS 打开检查；确为目录时，请拆分后分批导入。", file.display())
                } else {
                    format!("In {}, {part} is over the import limit of {limit}, far beyond any catalog; the file looks damaged or hostile. Nothing was imported. Open it in Excel or WPS to check; if it is a catalog, split it and import the parts.", file.display())
                }
            }
            Error::CellTooLong { resource, field, len, max } => {
                let key = field_key(field);
                let label = crate::model::fields::label(&key, lang);
                let advice = todo(
                    ["请精简该字段（`mulu validate` 在该字段报告 field.cell_limit）后重试。", "Shorten the field (`mulu validate` reports it as field.cell_limit) and try again."],
                    ["请在第 5 步“校验”中找到该字段并精简后重试。", "Find the field at step 5, Check, shorten it and try again."],
                );
                if zh {
                    format!("“{resource}”的“{label}”（{field}）有 {len} 个字符，超过电子表格单元格最多能容纳的 {max} 个字符，无法写入表格，未留下任何文件。{advice}")
                } else {
                    format!("“{label}” ({field}) of “{resource}” has {len} characters, more than the {max} a spreadsheet cell holds, so the workbook cannot be written; no file was left. {advice}")
                }
            }
        }
    }

    /// What the app receives: the code to switch on, and the message in the app's terms.
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        self.payload_in(lang, Face::App)
    }

    pub fn payload_in(&self, lang: Lang, face: Face) -> ErrorPayload {
        ErrorPayload {
            code: self.code().into(),
            message: self.message_in(lang, face),
            field: self.field().map(str::to_string),
        }
    }
}

fn foreign_reason(reason: &str, lang: Lang) -> &'static str {
    match reason {
        "empty" => lang.pick("文件为空", "the file is empty"),
        "not-sqlite" => lang.pick("不是数据库文件", "it is not a database file"),
        "other-application" => lang.pick("是其他程序的数据库", "it is another program's database"),
        "truncated" => {
            lang.pick("文件不完整，可能在复制时被截断", "the file is incomplete, perhaps cut short while copying")
        }
        "directory" => lang.pick("这是一个文件夹", "it is a folder"),
        _ => lang.pick("无法识别", "unrecognised"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app has no command line: its advice names a step of the path, never a `mulu` command;
    /// the command line's still does.
    #[test]
    fn advice_in_the_terms_of_the_face() {
        let p = || PathBuf::from("x.mulu");
        let errors = [
            Error::WorkspaceMissing { path: p() },
            Error::AlreadyExists { path: p() },
            Error::ResourceNotFound { selector: "甲".into() },
            Error::AmbiguousResource { selector: "甲".into(), count: 2 },
            Error::NoAgency,
            Error::KeyUnreadable { path: p() },
            Error::PublicKeyUnreadable { path: p() },
            Error::TrustNotFound { selector: "ab".into() },
            Error::PackageNoUscc,
            Error::PackageHasErrors { errors: 3, resources: 2 },
            Error::PackageUnreviewed { resources: vec!["甲".into()] },
        ];
        for e in &errors {
            for lang in [Lang::Zh, Lang::En] {
                let app = e.payload(lang).message;
                assert!(!app.contains("`mulu") && !app.contains(" --"), "{app}");
                assert!(e.message(lang).contains("`mulu "), "{}", e.message(lang));
                assert!(!app.trim().is_empty() && !app.contains("  "), "{app:?}");
            }
        }
        let step = Error::PackageHasErrors { errors: 3, resources: 2 }.payload(Lang::Zh).message;
        assert!(step.contains("第 5 步"), "{step}");
    }
}
