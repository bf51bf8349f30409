//! The problems a verification can find: each a stable code (`verify.*`, what scripts and the
//! app switch on) with its explanation in both languages, listed in docs/package-format.md §6.

use crate::i18n::Lang;

/// A problem code's explanation in `lang` (a review shown again in another language re-reads it).
pub fn problem_text(code: &str, lang: Lang) -> &'static str {
    match code {
        "verify.not_zip" => lang.pick("不是 zip 文件，不是目录报送包。", "Not a zip file, so not a Mulu package."),
        "verify.truncated" => lang.pick(
            "zip 文件不完整（可能传输或复制时被截断），请让报送单位重新发送。",
            "The zip file is incomplete (cut short in transfer or copying); ask the agency to send it again.",
        ),
        "verify.not_a_package" => lang.pick(
            "不是目录报送包：应为一个文件夹，内含 BagIt 包（bagit.txt 等）。",
            "Not a Mulu package: expected one folder holding a BagIt bag (bagit.txt and so on).",
        ),
        "verify.unsafe_name" => lang.pick(
            "包内有不安全的文件名（绝对路径、“..”、反斜杠、百分号或非 NFC），拒绝处理。",
            "An entry has an unsafe name (absolute, “..”, backslash, percent sign or not NFC); refused.",
        ),
        "verify.non_utf8_name" => lang.pick(
            "包内文件名不是 UTF-8 编码（或未设置 UTF-8 标志）。",
            "An entry name is not UTF-8 (or lacks the zip UTF-8 flag).",
        ),
        "verify.symlink" => lang.pick("包内有符号链接，拒绝处理。", "An entry is a symbolic link; refused."),
        "verify.encrypted" => lang.pick("包内有加密条目，拒绝处理。", "An entry is encrypted; refused."),
        "verify.duplicate" => lang.pick("包内有重名文件。", "Two entries have the same name."),
        "verify.zip_bomb" => lang.pick(
            "解压后大小异常（疑似 zip 炸弹），拒绝处理。",
            "It would unpack to an abnormal size (like a zip bomb); refused.",
        ),
        "verify.size_mismatch" => lang.pick(
            "条目的实际大小与 zip 目录记载的不符。",
            "An entry's real size differs from the size the zip directory states.",
        ),
        "verify.entry_unreadable" => lang.pick(
            "条目无法读取（数据损坏或校验和错误）。",
            "An entry cannot be read (damaged data or a bad checksum).",
        ),
        "verify.missing" => lang.pick("缺少文件。", "A file is missing."),
        "verify.unlisted" => lang.pick("有清单中未列出的多余文件。", "An extra file is not listed in the manifests."),
        "verify.digest_mismatch" => lang.pick(
            "文件内容与清单中的 SHA-256 摘要不符：文件在签名后被改动过。",
            "The file's content differs from its SHA-256 in the manifest: it changed after signing.",
        ),
        "verify.manifest_syntax" => lang.pick(
            "清单格式不正确（应为 UTF-8、LF 换行、“摘要  路径”）。",
            "A manifest is malformed (expected UTF-8, LF line ends, “digest  path”).",
        ),
        "verify.bag_info" => lang.pick("bag-info.txt 格式不正确。", "bag-info.txt is malformed."),
        "verify.oxum" => lang.pick(
            "bag-info.txt 中的 Payload-Oxum 与实际的数据文件大小或个数不符。",
            "Payload-Oxum in bag-info.txt does not match the payload's real size or file count.",
        ),
        "verify.unsigned" => lang.pick("包没有签名。", "The package is not signed."),
        "verify.signer_key" => lang.pick("签名者公钥无法读取。", "The signer's public key cannot be read."),
        "verify.signature_encoding" => lang.pick(
            "签名不是 DER 编码的 SM2 签名（例如是原始 r‖s 格式）。",
            "The signature is not a DER-encoded SM2 signature (e.g. raw r‖s).",
        ),
        "verify.bad_signature" => lang.pick(
            "签名无效：标签清单在签名后被改动，或签名不是由所附公钥生成的。",
            "Bad signature: the tag manifest changed after signing, or the signature was not made by the enclosed key.",
        ),
        _ => lang.pick("包有问题。", "The package has a problem."),
    }
}
