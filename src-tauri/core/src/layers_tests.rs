//! The core's modules depend on each other one way (issue 12): the error module is a leaf, the
//! model depends on no rule, the package's trust on no store, the header mapping on no importer.
//! Read from the sources: every `crate::…` and `super::…` path outside test code is an edge
//! from its file to the file of the longest module prefix it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Each non-test source file (`model/fields.rs`), its module path and its code before its tests.
fn sources() -> Vec<(String, Vec<String>, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, Vec<String>, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            if rel.contains("tests") {
                continue;
            }
            if path.is_dir() {
                walk(&path, root, out);
            } else if rel.ends_with(".rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let mut module: Vec<String> = rel.trim_end_matches(".rs").split('/').map(str::to_string).collect();
                if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                    module.pop();
                }
                out.push((rel, module, code_of(&text)));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out
}

/// The text without comments and without the test module at its end.
fn code_of(text: &str) -> String {
    let mut code = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        code.push_str(line.split("//").next().unwrap_or(""));
        code.push('\n');
    }
    code
}

/// The paths of a `use` tree or an expression path starting at `rest` (after `crate::`),
/// braces expanded: `a::{b, c::d}` → `a::b`, `a::c::d`.
fn paths(rest: &str) -> Vec<Vec<String>> {
    fn tree(s: &[char], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        let mut segs = prefix;
        loop {
            while *i < s.len() && s[*i].is_whitespace() {
                *i += 1;
            }
            if *i < s.len() && s[*i] == '{' {
                *i += 1;
                loop {
                    tree(s, i, segs.clone(), out);
                    while *i < s.len() && s[*i].is_whitespace() {
                        *i += 1;
                    }
                    match s.get(*i) {
                        Some(',') => *i += 1,
                        Some('}') => {
                            *i += 1;
                            return;
                        }
                        _ => return,
                    }
                    while *i < s.len() && s[*i].is_whitespace() {
                        *i += 1;
                    }
                    if s.get(*i) == Some(&'}') {
                        *i += 1;
                        return;
                    }
                }
            }
            let start = *i;
            while *i < s.len() && (s[*i].is_alphanumeric() || s[*i] == '_') {
                *i += 1;
            }
            if start == *i {
                out.push(segs);
                return;
            }
            segs.push(s[start..*i].iter().collect());
            if s.get(*i) == Some(&':') && s.get(*i + 1) == Some(&':') {
                *i += 2;
            } else {
                out.push(segs);
                return;
            }
        }
    }
    let chars: Vec<char> = rest.chars().take(400).collect();
    let mut out = Vec::new();
    tree(&chars, &mut 0, Vec::new(), &mut out);
    out
}

/// Which file depends on which. A path through a `mod.rs` to a name it re-exports
/// (`model::Resource`) is an edge to the file that defines it; a module's `pub use` lines are
/// no edges of its own.
fn graph() -> Graph {
    let files = sources();
    let by_module: BTreeMap<Vec<String>, String> = files.iter().map(|(f, m, _)| (m.clone(), f.clone())).collect();
    let direct = |segs: &[String]| (1..=segs.len()).rev().find_map(|n| Some((by_module.get(&segs[..n])?.clone(), n)));
    // Each module's re-exports: (module, name) → the file defining it.
    let mut exports: BTreeMap<(Vec<String>, String), String> = BTreeMap::new();
    for (_, module, code) in &files {
        for (at, _) in code.match_indices("pub use ") {
            for p in paths(&code[at + 8..]) {
                let p = if p.first().is_some_and(|s| s == "super") {
                    module[..module.len().saturating_sub(1)].iter().cloned().chain(p.into_iter().skip(1)).collect()
                } else if p.first().is_some_and(|s| s == "crate") {
                    p.into_iter().skip(1).collect()
                } else {
                    module.iter().cloned().chain(p).collect::<Vec<_>>()
                };
                if let (Some(name), Some((file, _))) = (p.last(), direct(&p)) {
                    exports.insert((module.clone(), name.clone()), file);
                }
            }
        }
    }
    let resolve = |segs: &[String]| {
        let (file, n) = direct(segs)?;
        match segs.get(n) {
            Some(name) => Some(exports.get(&(segs[..n].to_vec(), name.clone())).cloned().unwrap_or(file)),
            None => Some(file),
        }
    };
    let mut g = Graph::new();
    for (file, module, code) in &files {
        let deps = g.entry(file.clone()).or_default();
        let starts = ["crate::", "super::", "self::", "use "].into_iter().flat_map(|w| code.match_indices(w));
        for (at, word) in starts {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') || code[..at].ends_with("pub ") {
                continue;
            }
            // `use child::…` (a path relative to this module) or `self::`: from here.
            let base: Vec<String> = match word {
                "crate::" => vec![],
                "super::" => module[..module.len().saturating_sub(1)].to_vec(),
                _ => module.clone(),
            };
            for p in paths(&code[at + word.len()..]) {
                let p: Vec<String> = match p.first().map(String::as_str) {
                    Some("crate") => p[1..].to_vec(),
                    Some("super") => {
                        module[..module.len().saturating_sub(1)].iter().cloned().chain(p[1..].to_vec()).collect()
                    }
                    _ => base.iter().cloned().chain(p).collect(),
                };
                if let Some(target) = resolve(&p).filter(|t| t != file) {
                    deps.insert(target);
                }
            }
        }
    }
    g
}

/// Every file `from` reaches.
fn reach(g: &Graph, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(f) = todo.pop() {
        for d in g.get(&f).into_iter().flatten() {
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    seen
}

#[test]
fn the_graph_is_read() {
    let g = graph();
    // Known edges, so that a parser that finds nothing cannot pass the tests below.
    assert!(g["model/fields.rs"].contains("error.rs"), "{:?}", g["model/fields.rs"]);
    assert!(g["sheets/import.rs"].contains("sheets/header.rs"));
    assert!(g["ops/trust.rs"].contains("store/trust.rs"));
    assert!(g["rules/identity.rs"].contains("model/names.rs"));
    assert!(g["model/resource.rs"].contains("model/domain.rs"), "a name re-exported by a mod.rs");
    assert_eq!(paths("a::{b, c::{d, e}}, x"), [vec!["a", "b"], vec!["a", "c", "d"], vec!["a", "c", "e"]]);
}

#[test]
fn the_error_module_is_a_leaf() {
    let from_error = reach(&graph(), "error.rs");
    let allowed: BTreeSet<String> = ["i18n.rs", "sheets/limit_kind.rs"].into_iter().map(str::to_string).collect();
    assert!(
        from_error.is_subset(&allowed),
        "error.rs reaches {:?}: errors carry keys and names; their words are looked up in error_text.rs",
        from_error.difference(&allowed).collect::<Vec<_>>()
    );
}

#[test]
fn no_named_cycle_comes_back() {
    let g = graph();
    // (from, what it must not reach, where the shared thing lives instead)
    let forbidden = [
        ("model/fields.rs", "rules/", "what an item's name says: model/names.rs"),
        ("model/fields.rs", "store/", "the model holds no I/O"),
        ("package/trust.rs", "store/", "the clock is passed in (`now`)"),
        ("sheets/header.rs", "sheets/import.rs", "the sheet report: sheets/report.rs; limits: sheets/limits.rs"),
        ("sheets/limits.rs", "sheets/import.rs", "the row limits live in sheets/limits.rs"),
    ];
    for (from, not, instead) in forbidden {
        let bad: Vec<_> = reach(&g, from).into_iter().filter(|f| f.starts_with(not)).collect();
        assert!(bad.is_empty(), "{from} depends on {bad:?}; {instead}");
    }
}

#[test]
fn no_new_cycle() {
    let g = graph();
    // The few mutual dependencies left, each within one module (a type and its table).
    let known: [&[&str]; 5] = [
        &["ids/code.rs", "model/resource.rs"],
        &["model/fields.rs", "model/labels.rs", "model/registry.rs"],
        // The workbook reader and the limits it checks before and while reading (`whole`: the
        // formats calamine loads whole, measured first).
        &["sheets/limits.rs", "sheets/long_text.rs", "sheets/source.rs", "sheets/whole.rs"],
        &["sheets/import.rs", "sheets/roles.rs"],
        &["store/search.rs", "store/write.rs"],
    ];
    let mut cycles: Vec<Vec<String>> = Vec::new();
    for f in g.keys() {
        let r = reach(&g, f);
        if r.contains(f) {
            let mut comp: Vec<String> = r.into_iter().filter(|d| reach(&g, d).contains(f)).collect();
            comp.sort();
            if !cycles.contains(&comp) {
                cycles.push(comp);
            }
        }
    }
    let known: Vec<Vec<String>> = known.iter().map(|c| c.iter().map(|s| s.to_string()).collect()).collect();
    let new: Vec<_> = cycles.iter().filter(|c| !known.contains(c)).collect();
    assert!(new.is_empty(), "new dependency cycles {new:?}: move what they share into a leaf module");
}
