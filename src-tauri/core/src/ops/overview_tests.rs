//! An overview kept up to date by deltas equals a fresh one, whatever the edits.

use proptest::prelude::*;

use super::*;
use crate::ops::overview::overview;
use crate::ops::resources::{self, FieldText, ResourceEdit};
use crate::ops::secrecy::{self, Selection};

fn ctx() -> Context {
    Context { today: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), lang: Lang::Zh }
}

/// What the window does with a delta (`ui/src/lib/delta.ts` does the same).
fn apply(o: &mut Overview, d: OverviewDelta) {
    if let Some(full) = d.full {
        *o = full;
        return;
    }
    assert_eq!(o.revision, d.base, "a delta applies to the overview it was computed against");
    o.resources.retain(|r| !d.removed.contains(&r.id));
    for row in d.changed {
        match o.resources.iter().position(|r| r.id == row.id) {
            Some(i) => o.resources[i] = row,
            None => o.resources.push(row),
        }
    }
    (o.has_agency, o.agency, o.catalog_findings) = (d.has_agency, d.agency, d.catalog_findings);
    (o.summary, o.rules, o.undo, o.revision) = (d.summary, d.rules, d.undo, d.revision);
}

fn json(o: &Overview) -> serde_json::Value {
    serde_json::to_value(o).unwrap()
}

/// Three resources: two share a code, one cites the first's code, two share a name.
fn sample() -> (tempfile::TempDir, Workspace, Vec<i64>) {
    let d = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(&d.path().join("d.mulu")).unwrap();
    ws.set_agency(&crate::sample::agency()).unwrap();
    let a = crate::sample::resource();
    let mut b = a.clone();
    b.name = "村级集体资产台账".into();
    b.code = Some("352111009/000002".into());
    let mut c = b.clone();
    c.code = Some("352111009/000003".into());
    c.related_codes = vec!["352111009/000001".into()];
    let ids = ws.add_resources(vec![a, b, c]).unwrap();
    (d, ws, ids)
}

#[test]
fn a_code_change_sends_the_other_resource_it_duplicates_and_the_one_citing_it() {
    let (_d, mut ws, ids) = sample();
    let (mut shown_o, s) = open(&ws, &ctx()).unwrap();
    let mut shown = Some(s);
    // #2 takes #1's code: both get code.duplicate; #3 still finds the code it cites.
    resources::set_field(&mut ws, ids[1], "code", "352111009/000001").unwrap();
    let d = after_edit(&ws, &mut shown, Touched::Resources(&ids[1..2]), &ctx()).unwrap();
    assert!(d.full.is_none() && !d.recomputed_all, "a delta, from the touched resources alone");
    let sent: Vec<i64> = d.changed.iter().map(|r| r.id).collect();
    assert!(sent.contains(&ids[0]) && sent.contains(&ids[1]), "{sent:?}");
    let first = d.changed.iter().find(|r| r.id == ids[0]).unwrap();
    assert!(first.findings.iter().any(|f| f.rule == "code.duplicate"), "{:?}", first.findings);
    apply(&mut shown_o, d);
    assert_eq!(json(&shown_o), json(&overview(&ws, &ctx()).unwrap()));

    // #1 is removed: #3's related code is now only #2's, and #2's duplicate clears.
    resources::remove(&mut ws, ids[0]).unwrap();
    let d = after_edit(&ws, &mut shown, Touched::Resources(&ids[..1]), &ctx()).unwrap();
    assert_eq!(d.removed, [ids[0]]);
    assert!(!d.recomputed_all);
    assert!(d.changed.iter().any(|r| r.id == ids[1]), "the duplicate it shared cleared");
    apply(&mut shown_o, d);
    assert_eq!(json(&shown_o), json(&overview(&ws, &ctx()).unwrap()));
}

#[test]
fn an_edit_sends_its_row_even_when_it_reads_the_same_and_so_does_its_undo() {
    let (_d, mut ws, ids) = sample();
    let mut shown = Some(open(&ws, &ctx()).unwrap().1);
    // The abstract is not in the row: the row is sent all the same, so the window asks for the
    // record again and the form shows what was saved.
    resources::set_field(&mut ws, ids[0], "abstract", "新的摘要").unwrap();
    let d = after_edit(&ws, &mut shown, Touched::Resources(&ids[..1]), &ctx()).unwrap();
    assert_eq!(d.changed.iter().map(|r| r.id).collect::<Vec<_>>(), [ids[0]]);
    assert!(d.removed.is_empty());
    // Its undo compares every row: the one it wrote back is sent, no other.
    ws.undo().unwrap().expect("undone");
    let d = after_edit(&ws, &mut shown, Touched::Everything, &ctx()).unwrap();
    assert_eq!(d.changed.iter().map(|r| r.id).collect::<Vec<_>>(), [ids[0]]);
}

#[test]
fn another_programs_write_is_found_and_sent_too() {
    let (_d, mut ws, ids) = sample();
    let (mut shown_o, s) = open(&ws, &ctx()).unwrap();
    let mut shown = Some(s);
    // Another program (the command line) renames #3 meanwhile; the app then edits #1.
    resources::set_field(&mut ws, ids[2], "name", "另一个名称").unwrap();
    resources::set_field(&mut ws, ids[0], "abstract", "新的摘要").unwrap();
    let d = after_edit(&ws, &mut shown, Touched::Resources(&ids[..1]), &ctx()).unwrap();
    assert!(d.full.is_none() && d.recomputed_all, "another program's change is found by comparing all");
    assert!(d.changed.iter().any(|r| r.id == ids[2] && r.name == "另一个名称"), "{:?}", d.changed);
    apply(&mut shown_o, d);
    assert_eq!(json(&shown_o), json(&overview(&ws, &ctx()).unwrap()));
}

#[test]
fn nothing_shown_or_another_language_answers_whole() {
    let (_d, ws, _) = sample();
    let mut shown = None;
    assert!(after_edit(&ws, &mut shown, Touched::Everything, &ctx()).unwrap().full.is_some());
    let en = Context { lang: Lang::En, ..ctx() };
    assert!(after_edit(&ws, &mut shown, Touched::Resources(&[]), &en).unwrap().full.is_some());
    assert!(after_edit(&ws, &mut shown, Touched::Resources(&[]), &en).unwrap().full.is_none());
}

/// One edit of the property test, on resource `which` (modulo how many there are).
#[derive(Debug, Clone)]
enum Op {
    Set { which: usize, key: &'static str, value: &'static str },
    Bulk { key: &'static str, value: &'static str },
    Add { name: &'static str },
    Remove { which: usize },
    Agency { value: &'static str },
    Review,
    Behind { which: usize, value: &'static str },
}

const NAMES: &[&str] = &["村级集体资产台账", "镇级财政预算公开信息", "  村级集体资产台账 ", "", "户籍人口"];
const CODES: &[&str] = &["352111009/000001", "352111009/000002", "352111009/000009", "", "bad"];

fn op() -> impl Strategy<Value = Op> {
    let key_value = prop_oneof![
        proptest::sample::select(NAMES).prop_map(|v| ("name", v)),
        proptest::sample::select(CODES).prop_map(|v| ("code", v)),
        proptest::sample::select(CODES).prop_map(|v| ("related_codes", v)),
        proptest::sample::select(&["", "财政一体化系统", "不动产登记系统"][..]).prop_map(|v| ("source_system", v)),
        proptest::sample::select(&["", "有条件共享", "不予共享"][..]).prop_map(|v| ("sharing.type", v)),
        proptest::sample::select(&["", "花溪区青岩镇人民政府", "别的单位"][..]).prop_map(|v| ("provider_name", v)),
    ];
    prop_oneof![
        4 => (0..8usize, key_value.clone()).prop_map(|(which, (key, value))| Op::Set { which, key, value }),
        1 => key_value.prop_map(|(key, value)| Op::Bulk { key, value }),
        1 => proptest::sample::select(NAMES).prop_map(|name| Op::Add { name }),
        1 => (0..8usize).prop_map(|which| Op::Remove { which }),
        1 => proptest::sample::select(&["花溪区青岩镇人民政府", "别的单位"][..]).prop_map(|value| Op::Agency { value }),
        1 => Just(Op::Review),
        1 => (0..8usize, proptest::sample::select(CODES)).prop_map(|(which, value)| Op::Behind { which, value }),
    ]
}

/// Runs `op`; returns what the app would say it touched: these ids, or (`None`) everything.
fn run(ws: &mut Workspace, op: &Op) -> Option<Vec<i64>> {
    let ids: Vec<i64> = ws.resources().unwrap().iter().map(|s| s.id).collect();
    let pick = |w: usize| (!ids.is_empty()).then(|| ids[w % ids.len()]);
    match *op {
        Op::Set { which, key, value } => {
            let id = pick(which)?;
            let _ = resources::set_field(ws, id, key, value);
            Some(vec![id])
        }
        Op::Bulk { key, value } => {
            let some: Vec<i64> = ids.iter().copied().step_by(2).collect();
            let _ = resources::bulk_set(ws, &some, key, value);
            Some(some)
        }
        Op::Add { name } => {
            let new = ResourceEdit { fields: vec![FieldText::new("name", name)], ..Default::default() };
            Some(resources::add(ws, &new).map(|id| vec![id]).unwrap_or_default())
        }
        Op::Remove { which } => {
            let id = pick(which)?;
            resources::remove(ws, id).unwrap();
            Some(vec![id])
        }
        Op::Agency { value } => {
            resources::set_agency(ws, &[FieldText::new("name", value)]).unwrap();
            None
        }
        Op::Review => {
            let some: Vec<i64> = ids.iter().copied().step_by(3).collect();
            let _ = secrecy::confirm(ws, Selection::from_option(Some(some.clone())), "王五");
            Some(some)
        }
        // Another program's edit: the app is told nothing (an empty touch), and must notice.
        Op::Behind { which, value } => {
            if let Some(id) = pick(which) {
                let _ = resources::set_field(ws, id, "code", value);
            }
            Some(Vec::new())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn an_overview_kept_by_deltas_equals_a_fresh_one(ops in proptest::collection::vec(op(), 1..14)) {
        let (_d, mut ws, _) = sample();
        let (mut o, s) = open(&ws, &ctx()).unwrap();
        let mut shown = Some(s);
        for op in &ops {
            let told = run(&mut ws, op);
            let touched = told.as_deref().map_or(Touched::Everything, Touched::Resources);
            let d = after_edit(&ws, &mut shown, touched, &ctx()).unwrap();
            prop_assert!(d.full.is_none(), "only the first overview is sent whole");
            // Another program's change is found by comparing all; the app's own never needs it.
            let behind = matches!(op, Op::Behind { .. });
            prop_assert!(told.is_none() || behind || !d.recomputed_all, "{:?} compared all", op);
            apply(&mut o, d);
            prop_assert_eq!(json(&o), json(&overview(&ws, &ctx()).unwrap()), "after {:?}", op);
        }
    }
}
