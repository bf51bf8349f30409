//! The use cases as the officer meets them, from the command line or the app.

use super::grading::GradeRequest;
use super::resources::{self, FieldText, ItemInput, ResourceEdit};
use super::*;
use crate::grading::Answers;
use crate::i18n::Lang;
use crate::model::{DataItem, GradeOrigin};
use crate::ops::overview::overview;
use crate::overview::Overview;
use crate::rules::Context;
use crate::store::Workspace;

const USCC: &str = "115201110091453295";

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open_or_create(&dir.path().join("t.mulu")).unwrap();
    (dir, ws)
}

fn view(ws: &Workspace) -> Overview {
    overview(ws, &Context::now(Lang::Zh)).unwrap()
}

fn rules_on<'a>(o: &'a Overview, field: &str) -> Vec<&'a str> {
    let all = o.catalog_findings.iter().chain(o.resources.iter().flat_map(|r| r.findings.iter()));
    all.filter(|f| f.field.as_deref() == Some(field)).map(|f| f.rule).collect()
}

fn set_agency(ws: &mut Workspace, key: &str, text: &str) -> crate::Result<bool> {
    resources::set_agency(ws, &[FieldText::new(key, text)])
}

fn named(name: &str) -> ResourceEdit {
    ResourceEdit { fields: vec![FieldText::new("name", name)], ..Default::default() }
}

#[test]
fn an_agency_field_is_normalised_saved_and_checked() {
    let (_d, mut ws) = workspace();
    set_agency(&mut ws, "uscc", " 11520111009145329x ").unwrap();
    assert_eq!(ws.agency().unwrap().uscc.as_deref(), Some("11520111009145329X"), "upper-cased, trimmed");
    assert!(!rules_on(&view(&ws), "agency.uscc").is_empty(), "a wrong code is a finding");
    set_agency(&mut ws, "uscc", USCC).unwrap();
    assert!(rules_on(&view(&ws), "agency.uscc").is_empty(), "fixed");
    set_agency(&mut ws, "level", "乡镇").unwrap();
    assert!(set_agency(&mut ws, "colour", "red").is_err());
    let changes = ws.history(None, 50).unwrap().len();
    assert!(!set_agency(&mut ws, "level", "乡镇").unwrap());
    assert_eq!(ws.history(None, 50).unwrap().len(), changes, "an unchanged value writes nothing");
}

#[test]
fn a_new_resource_gets_the_next_code_and_the_agency_as_provider() {
    let (_d, mut ws) = workspace();
    for (k, v) in [("name", "青岩镇人民政府"), ("uscc", USCC), ("code_prefix", "352111009")] {
        set_agency(&mut ws, k, v).unwrap();
    }
    let a = resources::add(&mut ws, &named("  村级集体资产台账 ")).unwrap();
    let b = resources::add(&mut ws, &named("低保名册")).unwrap();
    let r = ws.resource(a).unwrap().resource;
    assert_eq!(r.name, "村级集体资产台账");
    assert_eq!(r.code.as_deref(), Some("352111009/000001"));
    assert_eq!(r.provider_name.as_deref(), Some("青岩镇人民政府"));
    assert_eq!(r.provider_code.as_deref(), Some(USCC));
    assert_eq!(ws.resource(b).unwrap().resource.code.as_deref(), Some("352111009/000002"));
    let blank = resources::add(&mut ws, &named("   ")).unwrap_err();
    assert_eq!(blank.field(), Some("name"), "a name given blank is refused");
    assert_eq!(ws.resources().unwrap().len(), 2, "and nothing is added");
}

#[test]
fn fields_and_items_are_set_and_findings_follow() {
    let (_d, mut ws) = workspace();
    let id = resources::add(&mut ws, &named("低保名册")).unwrap();
    assert!(rules_on(&view(&ws), "sharing.type").contains(&"field.required"));
    let ctx = Context::now(Lang::Zh);
    assert!(resources::findings(&ws, id, &ctx).unwrap().iter().any(|f| f.rule == "field.required"));
    resources::set_field(&mut ws, id, "sharing.type", "无条件").unwrap();
    let kind = ws.resource(id).unwrap().resource.sharing.kind.map(|k| k.as_str().to_string());
    assert_eq!(kind.as_deref(), Some("无条件共享"));
    assert!(rules_on(&view(&ws), "sharing.type").is_empty());

    let items = [
        ItemInput { name: "姓名".into(), data_type: "字符串".into(), length: "20".into(), ..Default::default() },
        ItemInput { name: "公民身份号码".into(), data_type: "C".into(), ..Default::default() },
        ItemInput {
            name: "备注".into(), data_type: "文本型".into(), is_personal: Some(true), ..Default::default()
        },
    ];
    resources::set_items(&mut ws, id, &items).unwrap();
    let r = ws.resource(id).unwrap().resource;
    assert_eq!(r.items.len(), 3);
    assert_eq!(r.items[0].data_type.as_ref().map(|t| t.as_str()), Some("C"), "normalised to the code");
    assert!(r.items[0].is_personal && !r.items[0].is_identifier, "flags from the name");
    assert!(r.items[1].is_identifier && r.items[1].is_personal);
    assert!(r.items[2].is_personal && !r.items[2].is_identifier, "flags as the officer set them");
    assert_eq!(rules_on(&view(&ws), "items[2].data_type"), ["item.data_type.domain"], "kept, reported at its cell");

    resources::remove(&mut ws, id).unwrap();
    assert!(resources::set_field(&mut ws, id, "name", "x").is_err(), "gone");
}

#[test]
fn an_edit_appends_and_removes_items_and_fails_whole() {
    let (_d, mut ws) = workspace();
    let item = |n: &str| DataItem { name: n.into(), ..DataItem::default() };
    let new = ResourceEdit { replace_items: Some(vec![item("姓名"), item("住址")]), ..named("低保名册") };
    let id = resources::add(&mut ws, &new).unwrap();
    let change = ResourceEdit {
        fields: vec![FieldText::new("abstract", "低保对象名册")],
        add_items: vec![item("联系电话")],
        remove_items: vec![" 住址 ".into()],
        ..Default::default()
    };
    assert!(resources::edit(&mut ws, id, &change).unwrap());
    let r = ws.resource(id).unwrap().resource;
    let names: Vec<_> = r.items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["姓名", "联系电话"]);
    let wrong = ResourceEdit {
        fields: vec![FieldText::new("abstract", "改了")],
        remove_items: vec!["无此项".into()],
        ..Default::default()
    };
    assert_eq!(resources::edit(&mut ws, id, &wrong).unwrap_err().field(), Some("items"));
    assert_eq!(ws.resource(id).unwrap().resource, r, "a refused edit saves none of it");
}

#[test]
fn a_bulk_edit_is_one_change_set() {
    let (_d, mut ws) = workspace();
    let ids = [resources::add(&mut ws, &named("甲")).unwrap(), resources::add(&mut ws, &named("乙")).unwrap()];
    assert_eq!(resources::bulk_set(&mut ws, &ids, "update_cycle", "每月").unwrap(), 2);
    ws.undo().unwrap();
    for id in ids {
        assert!(ws.resource(id).unwrap().resource.update_cycle.is_none(), "one undo reverts both");
    }
}

fn add(ws: &mut Workspace, name: &str, personal: bool) -> i64 {
    let mut r = crate::sample::resource();
    r.name = name.into();
    r.sensitivity = None;
    r.grading = None;
    r.items = vec![DataItem { name: "姓名".into(), is_personal: personal, ..DataItem::default() }];
    ws.add_resource(r).unwrap()
}

fn grade(ids: &[i64], answers: &Answers, chosen: Option<&str>, reason: Option<&str>) -> GradeRequest {
    GradeRequest {
        ids: ids.to_vec(),
        answers: answers.clone(),
        chosen: chosen.map(Into::into),
        reason: reason.map(Into::into),
    }
}

#[test]
fn personal_items_prefill_the_answer_and_suggest_internal() {
    let (_d, mut ws) = workspace();
    let id = add(&mut ws, "低保名册", true);
    let a = grading::start(&ws, id).unwrap();
    assert_eq!(a.personal_or_commercial, Some(true));
    let s = grading::suggest(&ws, &[id], &a, Lang::Zh).unwrap();
    assert_eq!(s[0].sensitivity, "内部");
    assert!(s[0].open_types.contains(&"有条件开放".to_string()), "{:?}", s[0].open_types);
}

#[test]
fn bulk_grading_applies_to_all_and_an_override_needs_a_reason() {
    let (_d, mut ws) = workspace();
    let ids = [add(&mut ws, "道路养护记录", false), add(&mut ws, "路灯维修记录", false)];
    let answers = Answers { already_public: Some(true), ..Answers::default() };
    let err = grading::apply(&mut ws, &grade(&ids, &answers, Some("内部"), None), Lang::Zh).unwrap_err();
    assert_eq!(err.payload(Lang::Zh).field.as_deref(), Some("grading.reason"));
    assert!(ws.resource(ids[0]).unwrap().resource.grading.is_none(), "a refusal saves nothing");

    grading::apply(&mut ws, &grade(&ids, &answers, Some("公开"), None), Lang::Zh).unwrap();
    for id in ids {
        let r = ws.resource(id).unwrap().resource;
        assert_eq!(r.sensitivity.as_ref().map(|s| s.as_str()), Some("公开"));
        let g = r.grading.unwrap();
        assert_eq!(g.already_public, Some(true));
        assert!(g.reason.is_some(), "the suggestion's reason is kept");
    }
    let why = Some("含未公开的养护合同金额");
    grading::apply(&mut ws, &grade(&ids[..1], &answers, Some("内部"), why), Lang::Zh).unwrap();
    let g = ws.resource(ids[0]).unwrap().resource.grading.unwrap();
    assert_eq!(g.reason.as_deref(), why);
    assert_eq!(g.suggested.as_ref().map(|s| s.as_str()), Some("公开"));

    ws.undo().unwrap();
    let undone = ws.undo().unwrap().unwrap();
    assert_eq!(undone.action, "resource.grade", "grading is named in the history");
    for id in ids {
        assert!(ws.resource(id).unwrap().resource.sensitivity.is_none(), "one undo ungrades both");
    }
}

/// The command line grades many resources at once without naming a grade: each takes the
/// suggestion for the answers, its reason naming that resource's own personal items.
#[test]
fn without_a_chosen_grade_each_resource_takes_the_suggestion() {
    let (_d, mut ws) = workspace();
    let ids = [add(&mut ws, "低保名册", true), add(&mut ws, "路灯维修记录", false)];
    let answers = Answers { state_secret: Some(false), personal_or_commercial: Some(true), ..Answers::default() };
    assert_eq!(grading::apply(&mut ws, &grade(&ids, &answers, None, None), Lang::Zh).unwrap(), 2);
    let graded = |id| ws.resource(id).unwrap().resource;
    for id in ids {
        assert_eq!(graded(id).sensitivity.map(|s| s.as_str().to_string()).as_deref(), Some("内部"));
        assert_eq!(Answers::from(&graded(id).grading.unwrap()), answers, "the answers as given are kept");
    }
    assert!(graded(ids[0]).grading.unwrap().reason.unwrap().contains("姓名"), "its personal item named");
    assert!(!graded(ids[1]).grading.unwrap().reason.unwrap().contains("姓名"));
}

#[test]
fn the_questionnaire_and_the_confirm_button_both_confirm_an_imported_grade() {
    let (_d, mut ws) = workspace();
    let ids = [add(&mut ws, "道路养护记录", false), add(&mut ws, "路灯维修记录", false)];
    for &id in &ids {
        ws.edit_resource(id, |r| {
            crate::model::fields::set(r, "sensitivity", "公开")?;
            r.mark_grade_unconfirmed(GradeOrigin::Import);
            Ok(())
        })
        .unwrap();
    }
    let to_confirm = |ws: &Workspace| view(ws).resources.iter().filter(|r| r.grade_unconfirmed.is_some()).count();
    assert_eq!(to_confirm(&ws), 2);
    let answers = Answers { already_public: Some(true), ..Answers::default() };
    grading::apply(&mut ws, &grade(&ids[..1], &answers, Some("公开"), None), Lang::Zh).unwrap();
    assert_eq!(to_confirm(&ws), 1, "answering the questionnaire confirms");
    assert_eq!(grading::confirm(&mut ws, &ids).unwrap(), [ids[1]], "the other one, by the button");
    assert_eq!(to_confirm(&ws), 0);
    assert_eq!(ws.undo().unwrap().unwrap().action, crate::store::GRADE_CONFIRM_ACTION);
    assert_eq!(to_confirm(&ws), 1);
}

#[test]
fn the_secrecy_review_covers_the_selection_or_all() {
    let (_d, mut ws) = workspace();
    let ids = [add(&mut ws, "甲", false), add(&mut ws, "乙", false)];
    let reviewed =
        |ws: &Workspace| ws.resources().unwrap().iter().filter(|s| s.resource.secrecy_review.is_some()).count();
    assert!(secrecy::confirm(&mut ws, secrecy::Selection::Ids(vec![ids[0]]), "  ").is_err(), "a reviewer is named");
    assert_eq!(secrecy::confirm(&mut ws, secrecy::Selection::Ids(vec![ids[0]]), "王芳").unwrap(), 1);
    assert_eq!(reviewed(&ws), 1);
    secrecy::confirm(&mut ws, secrecy::Selection::from_option(None), "王芳").unwrap();
    assert_eq!(reviewed(&ws), 2);
}

#[test]
fn a_package_is_refused_until_reviewed_then_made_and_verified_against_the_trust_list() {
    let dir = tempfile::tempdir().unwrap();
    let wpath = dir.path().join("w.mulu");
    let mut ws = Workspace::open_or_create(&wpath).unwrap();
    ws.set_agency(&crate::sample::agency()).unwrap();
    let id = ws.add_resource(crate::sample::resource()).unwrap();
    let key = dir.path().join("k.pem");
    let secret = crate::package::keys::write_new_key_file(&key, "青岩 2026").unwrap();
    let out = dir.path().join("报送包.zip");
    let req =
        package::PackageRequest {
            key: &key, passphrase: "青岩 2026", out: &out, allow_findings: false, force: false
        };
    assert!(package::check(&ws, false, Lang::Zh).is_err(), "no secrecy review yet");
    assert!(package::make(&mut ws, &req, &mut |_| {}).is_err());
    secrecy::confirm(&mut ws, secrecy::Selection::Ids(vec![id]), "王芳").unwrap();
    package::check(&ws, false, Lang::Zh).unwrap();
    let done = package::make(&mut ws, &req, &mut |_| {}).unwrap();
    assert_eq!((done.made.sequence, done.path.as_str()), (1, out.to_str().unwrap()));
    let into_itself = package::PackageRequest { out: &wpath, ..req.clone() };
    assert!(package::make(&mut ws, &into_itself, &mut |_| {}).is_err(), "never over the workspace");

    let public = dir.path().join("public.pem");
    std::fs::write(&public, crate::package::keys::public_pem(&secret)).unwrap();
    let unknown = package::verify(&out, &[], Some(&wpath), Lang::Zh).unwrap();
    assert_eq!(unknown.verdict, crate::package::Verdict::IntactUnknownSigner);
    assert!(trust::add_file(&mut ws, &public, "not-a-uscc", "青岩镇", Lang::Zh).is_err());
    let agency = crate::sample::agency().uscc.unwrap();
    trust::add_file(&mut ws, &public, &agency, "青岩镇", Lang::Zh).unwrap();
    let trusted = package::verify(&out, &[], Some(&wpath), Lang::Zh).unwrap();
    assert_eq!(trusted.verdict, crate::package::Verdict::IntactTrusted);
    assert_eq!(trust::remove(&mut ws, "青岩镇").unwrap().name, "青岩镇");
    assert!(ws.trusted_keys().unwrap().is_empty());
}

#[test]
fn exports_and_a_new_key_never_replace_the_workspace_or_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let wpath = dir.path().join("w.mulu");
    let mut ws = Workspace::open_or_create(&wpath).unwrap();
    ws.set_agency(&crate::sample::agency()).unwrap();
    ws.add_resource(crate::sample::resource()).unwrap();
    let open = ws.catalog().unwrap().view(crate::model::View::Open).count();
    let dcat = dir.path().join("open.jsonld");
    assert_eq!(export::write(&ws, export::ExportKind::Dcat, &dcat, false).unwrap(), open);
    assert_eq!(export::write(&ws, export::ExportKind::Catalog, &dir.path().join("c.xlsx"), false).unwrap(), 1);
    assert!(export::write(&ws, export::ExportKind::Catalog, &wpath, true).is_err(), "never over the workspace");
    assert!(export::write(&ws, export::ExportKind::Catalog, &dcat, false).is_err(), "another kind, not forced");

    let key = dir.path().join("k.pem");
    let fp = keys::create(&key, &wpath, "青岩 2026").unwrap();
    assert_eq!(fp.split(' ').count(), 16, "grouped for reading aloud");
    assert!(keys::check_place(&key, &wpath).is_err(), "an existing key is never replaced");
    assert!(keys::create(&wpath, &wpath, "青岩 2026").is_err());
}

#[test]
fn init_gives_a_new_workspace_its_profile_and_refuses_one_that_has_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.mulu");
    let profile = [FieldText::new("name", "青岩镇人民政府"), FieldText::new("uscc", USCC)];
    let ws = workspace::init(&path, &profile).unwrap();
    assert_eq!(ws.agency().unwrap().name.as_deref(), Some("青岩镇人民政府"));
    drop(ws);
    let err = workspace::init(&path, &profile).err().expect("refused");
    assert_eq!(err.code(), "workspace.exists");
    // A workspace made by an import, without a profile yet, gets one.
    let other = dir.path().join("imported.mulu");
    drop(Workspace::open_or_create(&other).unwrap());
    assert!(workspace::init(&other, &profile).unwrap().has_agency().unwrap());
}

#[test]
fn systems_are_saved_cleaned_listed_and_removed() {
    let (_d, mut ws) = workspace();
    let saved = systems::put(&mut ws, "  社会救助系统 ", true, Some(" "), Lang::Zh).unwrap();
    assert_eq!((saved.name.as_str(), saved.public_funds, saved.description.as_deref()), ("社会救助系统", true, None));
    assert_eq!(systems::put(&mut ws, " ", false, None, Lang::En).unwrap_err().code(), "field.invalid");
    assert_eq!(systems::list(&ws).unwrap(), [saved]);
    systems::remove(&mut ws, "社会救助系统").unwrap();
    assert!(systems::list(&ws).unwrap().is_empty());
    assert_eq!(systems::remove(&mut ws, "社会救助系统").unwrap_err().code(), "system.not_found");
}

#[test]
fn show_search_and_history_read_what_was_written() {
    let (_d, mut ws) = workspace();
    let open = resources::add(&mut ws, &named("农村低保对象名册")).unwrap();
    let closed = resources::add(&mut ws, &named("村级集体资产台账")).unwrap();
    resources::set_field(&mut ws, closed, "sharing.type", "不予共享").unwrap();
    resources::set_field(&mut ws, open, "sharing.type", "无条件共享").unwrap();

    let shown = catalog::show(&ws, crate::model::View::Sharing).unwrap();
    assert_eq!(shown.ids, [open]);
    assert_eq!(shown.catalog.resources.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["农村低保对象名册"]);
    assert_eq!(catalog::show(&ws, crate::model::View::Resource).unwrap().ids, [open, closed]);
    assert_eq!(catalog::views(&ws).unwrap().sharing, [open]);

    assert_eq!(catalog::search_ids(&ws, "低保", 10).unwrap(), [open]);
    assert_eq!(catalog::search(&ws, "台账", 10).unwrap()[0].id, closed);
    assert_eq!(catalog::count(&ws).unwrap(), 2);
    assert_eq!(resources::find(&ws, "村级集体资产台账").unwrap(), closed);

    let before = super::validate::validate(&ws, &Context::now(Lang::Zh)).unwrap();
    assert!(!before.findings.is_empty(), "two bare resources have findings");

    assert_eq!(history::changes(&ws, Some(open), 10).unwrap()[0].path, "sharing.type");
    assert_eq!(history::changes(&ws, Some(9999), 10).unwrap_err().code(), "resource.not_found");
    let undone = history::undo(&mut ws).unwrap().expect("a change to undo");
    assert_eq!(undone.action, "resource.edit");
    assert!(catalog::show(&ws, crate::model::View::Sharing).unwrap().ids.is_empty(), "the last edit reverted");
}
