//! How a resource is stored: its JSON without the members that say nothing.
//!
//! The public JSON (`mulu show --json`, the app, packages) spells every field, an empty one as
//! `null` or `[]`. Stored that way a resource of a city catalog is ~2.2 KB, so SQLite fits one
//! per 4 KB page; without its `null` and `[]` members it is ~1.3 KB, three to a page, and a
//! city-sized import writes a third of the pages. Reading needs nothing special: every model
//! struct is `#[serde(default)]`, where a missing `Option` is `None` and a missing `Vec` empty —
//! exactly what `null` and `[]` said. (`false` and `{}` stay: for an `Option<bool>` or an
//! `Option<struct>` they differ from a missing member.)

use serde::Serialize;

use crate::error::Result;

/// The stored form of `value`.
pub(crate) fn encode<T: Serialize>(value: &T) -> Result<String> {
    Ok(compact(serde_json::to_string(value)?))
}

/// Drops the `null` and `[]` members of every object in `json`, which must be what serde_json
/// writes (no whitespace). Array elements are kept: their positions mean something.
pub(crate) fn compact(json: String) -> String {
    let b = json.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    match value(b, 0, &mut out) {
        // Anything unexpected (it never is) keeps the JSON as it was: still a valid document.
        Some(end) if end == b.len() => String::from_utf8(out).unwrap_or(json),
        _ => json,
    }
}

/// Copies the value at `i` to `out`, compacted; returns where it ends.
fn value(b: &[u8], i: usize, out: &mut Vec<u8>) -> Option<usize> {
    match *b.get(i)? {
        b'{' => object(b, i, out),
        b'[' => array(b, i, out),
        b'"' => {
            let end = string_end(b, i)?;
            out.extend_from_slice(&b[i..end]);
            Some(end)
        }
        _ => {
            let len = b[i..].iter().position(|&c| matches!(c, b',' | b'}' | b']')).unwrap_or(b.len() - i);
            out.extend_from_slice(&b[i..i + len]);
            Some(i + len)
        }
    }
}

fn object(b: &[u8], mut i: usize, out: &mut Vec<u8>) -> Option<usize> {
    out.push(b'{');
    i += 1;
    if *b.get(i)? == b'}' {
        out.push(b'}');
        return Some(i + 1);
    }
    let mut first = true;
    loop {
        let key_end = string_end(b, i)?;
        if *b.get(key_end)? != b':' {
            return None;
        }
        let v = key_end + 1;
        let rest = &b[v..];
        let empty = [&b"null"[..], b"[]"]
            .into_iter()
            .find(|e| rest.starts_with(e) && matches!(rest.get(e.len()), Some(b',' | b'}')));
        i = match empty {
            Some(e) => v + e.len(),
            None => {
                if !first {
                    out.push(b',');
                }
                first = false;
                out.extend_from_slice(&b[i..v]);
                value(b, v, out)?
            }
        };
        match *b.get(i)? {
            b',' => i += 1,
            b'}' => {
                out.push(b'}');
                return Some(i + 1);
            }
            _ => return None,
        }
    }
}

fn array(b: &[u8], mut i: usize, out: &mut Vec<u8>) -> Option<usize> {
    out.push(b'[');
    i += 1;
    if *b.get(i)? == b']' {
        out.push(b']');
        return Some(i + 1);
    }
    loop {
        i = value(b, i, out)?;
        match *b.get(i)? {
            b',' => {
                out.push(b',');
                i += 1;
            }
            b']' => {
                out.push(b']');
                return Some(i + 1);
            }
            _ => return None,
        }
    }
}

/// The end of the string starting at `i` (just past its closing quote).
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    if *b.get(i)? != b'"' {
        return None;
    }
    let mut j = i + 1;
    loop {
        j += memchr::memchr2(b'"', b'\\', &b[j..])?;
        if b[j] == b'\\' {
            j += 2;
        } else {
            return Some(j + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataItem, Grading, Resource};

    #[test]
    fn drops_null_and_empty_members_only() {
        let c = |s: &str| compact(s.to_string());
        assert_eq!(c(r#"{"a":null,"b":1,"c":[],"d":"x"}"#), r#"{"b":1,"d":"x"}"#);
        assert_eq!(c(r#"{"a":null}"#), "{}");
        assert_eq!(c(r#"{"a":{"b":null,"c":false},"e":{}}"#), r#"{"a":{"c":false},"e":{}}"#);
        assert_eq!(c(r#"[null,[],{"a":null},1]"#), r#"[null,[],{},1]"#, "array elements stay");
        assert_eq!(c(r#"{"k":"say \"null\", ok","n":[null]}"#), r#"{"k":"say \"null\", ok","n":[null]}"#);
        assert_eq!(c(r#"{"nullable":"null","x":nullx}"#), r#"{"nullable":"null","x":nullx}"#, "only whole values");
        assert_eq!(c(r#"{"a":"\\","b":null}"#), r#"{"a":"\\"}"#, "an escaped backslash ends no string");
        assert_eq!(c(r#"{"a":"#), r#"{"a":"#, "not JSON: kept as it was");
    }

    #[test]
    fn a_stored_resource_reads_back_equal() {
        let mut cat = crate::sample::large_catalog(40, 3);
        let r = &mut cat.resources[3];
        // The members whose empty value is not the default must survive.
        r.grading = Some(Grading { state_secret: Some(false), ..Default::default() });
        r.items.push(DataItem { name: "空".into(), ..Default::default() });
        r.related_codes = vec![String::new()];
        for r in &cat.resources {
            let stored = encode(r).unwrap();
            assert!(stored.len() < serde_json::to_string(r).unwrap().len() || !stored.contains("null"));
            let back: Resource = serde_json::from_str(&stored).unwrap();
            assert_eq!(&back, r, "{stored}");
        }
        let empty = Resource::default();
        assert_eq!(serde_json::from_str::<Resource>(&encode(&empty).unwrap()).unwrap(), empty);
    }
}
