//! Packages from the command line: `mulu key`, `mulu trust`, `mulu secrecy confirm`,
//! `mulu package` and `mulu verify` (issue 5). Human output in the chosen language on stdout,
//! progress and the key fingerprint on stderr; `verify` exits 0 (intact and trusted),
//! 3 (intact, signer unknown) or 2 (broken).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use mulu_core::ops::package::PackageRequest;
use mulu_core::ops::{self, secrecy::Selection};
use mulu_core::output::{check_output, OutputKind};
use mulu_core::package::{keys, Step, Verdict, Verification};
use mulu_core::store::{self, Workspace};
use mulu_core::{Error, Lang, Result};

use crate::args::Command;
use crate::print::{self, out};
use crate::Outcome;

#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// 生成 SM2 签名密钥（私钥以口令加密保存）/ make an SM2 key pair (private key stored encrypted)
    New {
        /// 私钥文件 / the key file to create
        #[arg(long)]
        out: PathBuf,
    },
    /// 输出公钥（stdout 或 --out）及其指纹（stderr）/ print the public key (stdout or --out) and its
    /// fingerprint (stderr)
    Export {
        keyfile: PathBuf,
        /// 写入公钥文件而非 stdout / write the public key to this file, not stdout
        #[arg(long)]
        out: Option<PathBuf>,
        /// 覆盖已存在的其他类型文件（工作区、私钥和输入文件仍不覆盖）/ replace an existing file of
        /// another kind (never the workspace, a private key or an input)
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum TrustCommand {
    /// 信任某单位的签名公钥 / trust a public key for an agency's packages
    Add {
        /// 公钥文件（PEM）/ public key file
        public_key: PathBuf,
        /// 该单位的统一社会信用代码 / the agency's USCC
        #[arg(long)]
        agency: String,
        /// 持有人或单位名称 / who holds the key
        #[arg(long)]
        name: String,
    },
    /// 列出信任的公钥 / list trusted keys
    List {},
    /// 移除信任的公钥（指纹或名称）/ remove a trusted key (fingerprint or name)
    Rm { key: String },
}

#[derive(Subcommand, Debug)]
pub enum SecrecyCommand {
    /// 记录保密审查 / record the secrecy review
    Confirm(ConfirmArgs),
}

#[derive(Args, Debug)]
pub struct ConfirmArgs {
    /// 全部资源 / every resource
    #[arg(long, conflicts_with = "resource", required_unless_present = "resource")]
    pub all: bool,
    /// 资源代码、名称或 #编号，可重复 / resource code, name or #id, repeatable
    #[arg(long, num_args = 1.., required_unless_present = "all")]
    pub resource: Vec<String>,
    /// 审查人 / the reviewer
    #[arg(long)]
    pub reviewer: String,
}

/// The passphrase: `MULU_PASSPHRASE`, or asked on the terminal (twice when `confirm`).
/// Never echoed, logged or stored.
pub(crate) fn passphrase(lang: Lang, confirm: bool) -> Result<String> {
    if let Ok(p) = std::env::var("MULU_PASSPHRASE") {
        return if p.is_empty() { Err(Error::PassphraseEmpty) } else { Ok(p) };
    }
    let ask = |prompt: &str| rpassword::prompt_password(prompt).map_err(|_| Error::PassphraseUnavailable);
    let p = ask(lang.pick("请输入私钥口令：", "Key passphrase: "))?;
    if p.is_empty() {
        return Err(Error::PassphraseEmpty);
    }
    if confirm && ask(lang.pick("请再次输入口令：", "Repeat the passphrase: "))? != p {
        return Err(Error::PassphraseMismatch);
    }
    Ok(p)
}

pub fn run(command: Command, workspace: Option<&Path>, json: bool, lang: Lang) -> Result<Outcome> {
    let ws_path = || workspace.map(Path::to_path_buf).unwrap_or_else(store::default_path);
    match command {
        Command::Key(KeyCommand::New { out }) => {
            // An existing file is never replaced (`keys` refuses it); the workspace is named.
            ops::keys::check_place(&out, &ws_path())?;
            let pass = passphrase(lang, true)?;
            let fp = ops::keys::create(&out, &ws_path(), &pass)?;
            out!(
                "{}{}",
                lang.pick("已生成签名密钥（私钥已加密）：", "Signing key made (private key encrypted): "),
                out.display()
            );
            out!("{}{fp}", lang.pick("公钥指纹：", "Fingerprint: "));
            out!(
                "{}",
                lang.pick(
                    "用 `mulu key export 密钥文件 > 公钥.pem` 导出公钥交给区数据局，并电话核对指纹。请牢记口令：忘记后无法恢复。",
                    "Give the bureau the public key from `mulu key export KEYFILE > public.pem` and read them the fingerprint by phone. Keep the passphrase: it cannot be recovered."
                )
            );
            Ok(Outcome::Ok)
        }
        Command::Key(KeyCommand::Export { keyfile, out, force }) => {
            if let Some(out) = &out {
                check_output(out, OutputKind::PublicKey, Some(&ws_path()), &[&keyfile], force)?;
            }
            let pass = passphrase(lang, false)?;
            let key = keys::read_key_file(&keyfile, &pass)?;
            let public = key.public_key();
            let pem = keys::public_pem(&public);
            match &out {
                Some(out) => mulu_core::fsutil::atomic_write(out, |tmp| {
                    std::fs::write(tmp, pem.as_bytes()).map_err(|e| Error::io(out, e))
                })?,
                None => {
                    let _ = std::io::stdout().lock().write_all(pem.as_bytes());
                }
            }
            eprintln!("{}{}", lang.pick("公钥指纹：", "Fingerprint: "), keys::grouped(&keys::fingerprint(&public)));
            Ok(Outcome::Ok)
        }
        Command::Trust(cmd) => trust(cmd, &ws_path(), json, lang),
        Command::Secrecy(SecrecyCommand::Confirm(a)) => {
            let mut ws = Workspace::open(&ws_path())?;
            let which = if a.all {
                Selection::All
            } else {
                Selection::Ids(a.resource.iter().map(|s| ops::resources::find(&ws, s)).collect::<Result<Vec<i64>>>()?)
            };
            let n = ops::secrecy::confirm(&mut ws, which, &a.reviewer)?;
            match lang {
                Lang::Zh => out!("已记录 {n} 个资源的保密审查（审查人：{}）。", a.reviewer.trim()),
                Lang::En => out!("Secrecy review recorded for {n} resources (reviewer: {}).", a.reviewer.trim()),
            }
            Ok(Outcome::Ok)
        }
        Command::Package { key, out, allow_findings, force, incomplete_reason } => {
            // Refused before the workspace is opened and the passphrase asked for.
            check_output(&out, OutputKind::Package, Some(&ws_path()), &[&key], force)?;
            let reason = incomplete_reason.as_deref();
            make_package(&ws_path(), &key, &out, Flags { allow_findings, force, reason }, lang)
        }
        Command::Verify { package, trust } => verify(&package, &trust, workspace, json, lang),
        _ => unreachable!("commands.rs dispatches only package commands here"),
    }
}

fn trust(cmd: TrustCommand, path: &Path, json: bool, lang: Lang) -> Result<Outcome> {
    let mut ws = Workspace::open(path)?;
    match cmd {
        TrustCommand::Add { public_key, agency, name } => {
            let key = ops::trust::add_file(&mut ws, &public_key, &agency, &name, lang)?;
            out!("{}{} ({})", lang.pick("已信任公钥：", "Key trusted: "), key.name, key.agency_uscc);
            out!("{}{}", lang.pick("指纹：", "Fingerprint: "), keys::grouped(&key.fingerprint));
        }
        TrustCommand::List {} => {
            let keys_ = ops::trust::list(&ws)?;
            if json {
                print::json(&keys_)?;
            } else if keys_.is_empty() {
                out!("{}", lang.pick("信任列表为空。", "No trusted keys."));
            } else {
                for k in keys_ {
                    out!("{}  {}  {}", k.agency_uscc, k.name, keys::grouped(&k.fingerprint));
                }
            }
        }
        TrustCommand::Rm { key } => {
            let k = ops::trust::remove(&mut ws, &key)?;
            out!("{}{} ({})", lang.pick("已移除信任的公钥：", "Trusted key removed: "), k.name, k.agency_uscc);
        }
    }
    Ok(Outcome::Ok)
}

fn step_text(s: Step, lang: Lang) -> &'static str {
    match s {
        Step::Workbook => lang.pick("正在生成目录工作簿…", "Writing the catalog workbook…"),
        Step::CatalogJson => {
            lang.pick("正在写入目录 JSON、校验结果和变更…", "Writing the catalog JSON, findings and changes…")
        }
        Step::Manifests => lang.pick("正在计算 SHA-256 清单…", "Computing the SHA-256 manifests…"),
        Step::Signing => lang.pick("正在用 SM2 签名…", "Signing with SM2…"),
        Step::Zip => lang.pick("正在写入 zip…", "Writing the zip…"),
    }
}

/// How `mulu package` was asked to make the package.
struct Flags<'a> {
    allow_findings: bool,
    force: bool,
    /// Why it is made while the year's full maintenance is incomplete.
    reason: Option<&'a str>,
}

fn make_package(path: &Path, key: &Path, out: &Path, flags: Flags, lang: Lang) -> Result<Outcome> {
    let Flags { allow_findings, force, reason } = flags;
    let mut ws = Workspace::open(path)?;
    // Refuse before asking for the passphrase.
    ops::package::check(&ws, allow_findings, lang)?;
    ops::maintenance::gate(&ws, reason)?;
    let passphrase = passphrase(lang, false)?;
    let loud = ops::catalog::count(&ws)? >= 1000;
    let req = PackageRequest { key, passphrase: &passphrase, out, allow_findings, force };
    let m = ops::package::make_with_reason(&mut ws, &req, reason, &mut |s| {
        if loud {
            eprintln!("{}", step_text(s, lang));
        }
    })?
    .made;
    match lang {
        Lang::Zh => {
            out!("已生成报送包：{}", out.display());
            out!("编号：{}（第 {} 次报送）", m.package_id, m.sequence);
            out!("资源：{} 个；变更：新增 {}、删除 {}、修改 {}", m.resources, m.added, m.removed, m.changed);
            if m.errors > 0 {
                out!("注意：带 {} 个校验错误报送（已记录在 bag-info.txt）。", m.errors);
            }
            if m.classified > 0 {
                out!("注意：含 {} 个涉密资源，请通过涉密渠道报送。", m.classified);
            }
            out!("签名公钥指纹：{}", m.fingerprint);
        }
        Lang::En => {
            out!("Package written: {}", out.display());
            out!("Identifier: {} (package no. {})", m.package_id, m.sequence);
            out!(
                "Resources: {}; changes: {} added, {} removed, {} changed",
                m.resources,
                m.added,
                m.removed,
                m.changed
            );
            if m.errors > 0 {
                out!("Note: packaged with {} validation errors (recorded in bag-info.txt).", m.errors);
            }
            if m.classified > 0 {
                out!(
                    "Note: it holds {} classified resources; send it through the channel for classified material.",
                    m.classified
                );
            }
            out!("Signing key fingerprint: {}", m.fingerprint);
        }
    }
    Ok(Outcome::Ok)
}

fn verify(pkg: &Path, trust_files: &[PathBuf], workspace: Option<&Path>, json: bool, lang: Lang) -> Result<Outcome> {
    let v = ops::package::verify(pkg, trust_files, workspace, lang)?;
    if json {
        print::json(&v)?;
    } else {
        print_verification(&v, pkg, lang);
    }
    Ok(match v.exit_code {
        0 => Outcome::Ok,
        n => Outcome::Code(n),
    })
}

fn print_verification(v: &Verification, pkg: &Path, lang: Lang) {
    out!("{}{}", lang.pick("核验结果：", "Verdict: "), v.verdict.headline(lang));
    out!("{}{}", lang.pick("文件：", "File: "), pkg.display());
    let row = |zh: &str, en: &str, value: &Option<String>| {
        if let Some(x) = value {
            out!("{}{x}", lang.pick(zh, en));
        }
    };
    row("报送单位：", "Agency: ", &v.source_organization);
    row("统一社会信用代码：", "USCC: ", &v.agency_uscc);
    row("报送包编号：", "Package: ", &v.package_id);
    row("报送次序：", "Sequence: ", &v.sequence);
    row("打包日期：", "Bagged: ", &v.bagging_date);
    row("含涉密资源：", "Contains classified: ", &v.contains_classified);
    row("签名公钥指纹：", "Signer fingerprint: ", &v.fingerprint);
    if let Some(s) = &v.signer {
        out!("{}{}", lang.pick("签名者：", "Signer: "), s.name);
    }
    match v.verdict {
        Verdict::IntactTrusted => {}
        Verdict::IntactUnknownSigner => {
            if let Some(other) = &v.trusted_for_other_agency {
                match lang {
                    Lang::Zh => out!("该公钥在信任列表中属于另一单位（{other}），不能为本包作证。"),
                    Lang::En => out!("This key is trusted for another agency ({other}), not for this package's."),
                }
            }
            out!(
                "{}",
                lang.pick(
                    "内容与签名一致，但签名公钥不在信任列表中。请电话向报送单位核对上面的指纹，核对无误后用 `mulu trust add 公钥.pem --agency 代码 --name 名称` 加入信任列表，或用 --trust 指定公钥。",
                    "The content is exactly as signed, but the signing key is not trusted here. Check the fingerprint above with the agency by phone, then add the key with `mulu trust add PUB.pem --agency USCC --name NAME`, or name it with --trust."
                )
            );
        }
        Verdict::Broken => {
            out!("{}", lang.pick("问题：", "Problems:"));
            for p in &v.problems {
                let at = p.path.as_deref().map(|x| format!("[{x}] ")).unwrap_or_default();
                let detail = p.detail.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
                out!("  {at}{}{detail}  <{}>", p.message, p.code);
            }
            out!(
                "{}",
                lang.pick(
                    "请勿使用此包，请报送单位重新生成并发送。",
                    "Do not use this package; ask the agency to make and send it again."
                )
            );
        }
    }
}
