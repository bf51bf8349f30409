//! Whether a text names a legal basis (依据, S Art. 12): a law, regulation, rule or national /
//! provincial document, by its title or its document number. "按规定申请" names nothing. The
//! word lists are data (`[legal_basis]` in `data/domains.toml`).

use crate::model::domain::tables;

fn has_bracketed_title(s: &str) -> bool {
    s.split('《').skip(1).any(|after| after.split_once('》').is_some_and(|(title, _)| !title.trim().is_empty()))
}

/// 国办发〔2016〕51号, 黔府发[2017]5号, 国务院令第708号.
fn has_document_number(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let digits_then_hao = |from: usize| {
        let n = chars[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        n > 0 && chars.get(from + n) == Some(&'号')
    };
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '〔' | '[' | '［' | '(' | '（') {
            let year = chars.get(i + 1..i + 5).is_some_and(|y| y.iter().all(char::is_ascii_digit));
            let close = chars.get(i + 5).is_some_and(|c| matches!(c, '〕' | ']' | '］' | ')' | '）'));
            if year && close && digits_then_hao(i + 6) {
                return true;
            }
        }
        if *c == '令' && chars.get(i + 1) == Some(&'第') && digits_then_hao(i + 2) {
            return true;
        }
    }
    false
}

/// Drops a trailing article reference: 统计法第二十五条 → 统计法.
fn without_article(s: &str) -> &str {
    let numerals = "一二三四五六七八九十百零〇0123456789";
    for (i, _) in s.match_indices('第') {
        let rest = &s[i + '第'.len_utf8()..];
        let n: usize = rest.chars().take_while(|c| numerals.contains(*c)).map(char::len_utf8).sum();
        if n > 0 && rest[n..].starts_with(['条', '款', '项', '章']) {
            return &s[..i];
        }
    }
    s
}

/// A title such as 中华人民共和国统计法 or 贵州省政务数据资源共享管理办法: a known ending with a
/// specific name before it, not only generic words (有关规定, 国家和省相关规定).
fn is_titled(segment: &str) -> bool {
    let w = &tables().legal_basis;
    let mut s = segment.trim_matches(|c: char| c.is_whitespace() || "“”\"'‘’：:。.".contains(c));
    if let Some(lead) = w.lead_words.iter().filter(|l| s.starts_with(l.as_str())).max_by_key(|l| l.len()) {
        s = &s[lead.len()..];
    }
    let s = without_article(s).trim();
    w.title_suffixes.iter().any(|suffix| {
        let Some(name) = s.strip_suffix(suffix.as_str()) else { return false };
        if suffix == "法" && w.law_not_after.iter().any(|n| name.ends_with(n.as_str())) {
            return false;
        }
        let mut specific = name.to_string();
        let mut generic: Vec<&String> = w.generic_words.iter().collect();
        generic.sort_by_key(|g| std::cmp::Reverse(g.len()));
        for g in generic {
            specific = specific.replace(g.as_str(), "");
        }
        specific.chars().count() >= 2
    })
}

/// Whether `text` is a document number (文号) and no more than one: 花府函〔2026〕12号,
/// 国务院令第708号 — an issuer before the year, and nothing after 号 but a closing 文.
pub fn is_document_number(text: &str) -> bool {
    let t = text.trim();
    let Some(end) = t.rfind('号') else { return false };
    let (head, tail) = t.split_at(end + '号'.len_utf8());
    let issuer = head.chars().take_while(|c| !matches!(c, '〔' | '[' | '［' | '(' | '（' | '令')).count();
    has_document_number(head) && matches!(tail, "" | "文") && issuer >= 1 && t.chars().count() <= 40
}

/// Whether `text` names at least one law, regulation, rule or document.
pub fn names_document(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    has_bracketed_title(t) || has_document_number(t) || t.split(['；', ';', '，', ',', '、', '\n', '。']).any(is_titled)
}

#[cfg(test)]
mod tests {
    use super::names_document;

    #[test]
    fn named_documents_count() {
        for b in [
            "《中华人民共和国统计法》",
            "依据《保守国家秘密法》第九条",
            "中华人民共和国统计法",
            "统计法第二十五条",
            "根据贵州省政务数据资源共享管理办法",
            "贵州省大数据发展应用促进条例",
            "国务院关于印发政务信息资源共享管理暂行办法的通知",
            "国发〔2016〕51号",
            "黔府办发[2017]12号文",
            "国务院令第708号",
            "仅限公安部门；依据保密法",
        ] {
            assert!(names_document(b), "{b} names a document");
        }
    }

    #[test]
    fn document_numbers_alone() {
        use super::is_document_number;
        for ok in ["花府函〔2026〕12号", "黔府办发[2017]12号文", "国务院令第708号", " 筑府发（2026）3号 "]
        {
            assert!(is_document_number(ok), "{ok}");
        }
        for no in
            ["", "12号", "〔2026〕12号", "花府函〔2026〕号", "花府函2026年12号", "同意", "花府函〔2026〕12号附件三"]
        {
            assert!(!is_document_number(no), "{no}");
        }
    }

    #[test]
    fn vague_references_do_not() {
        for b in [
            "",
            "按规定申请",
            "按规定",
            "有关规定",
            "根据国家有关规定",
            "依据相关法律法规",
            "国家和省的相关规定",
            "法律法规规定",
            "内部规定",
            "经审批后使用",
            "脱敏方法",
            "按领导要求",
            "第九条",
        ] {
            assert!(!names_document(b), "{b} names no document");
        }
    }
}
