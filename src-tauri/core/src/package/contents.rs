//! A package as the bureau's reviewer sees it: the verdict, and what the package says about
//! itself (bag-info, its catalog, its changes since the last package). Everything shown is read
//! from the very bytes the verification checked, and only from an intact package: a broken one
//! shows its problems, never contents that may have been forged.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::bagit;
use super::build::{CATALOG_JSON, CHANGES_JSON};
use super::keys;
use super::problems::problem_text;
use super::trust::{Trust, TrustedKey};
use super::verify::{verify_keeping, Kept, Limits, Verdict, Verification};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::catalog::{View, SCHEMA_VERSION};
use crate::model::{Catalog, Resource};

/// The payload files a review shows.
pub const SHOWN: [&str; 2] = [CATALOG_JSON, CHANGES_JSON];

/// The most rows one page may ask for.
pub const MAX_PAGE: usize = 500;

/// A package opened for review.
#[derive(Debug)]
pub struct Opened {
    verification: Verification,
    facts: Option<Facts>,
    catalog: Option<Catalog>,
    signer_pem: Option<String>,
}

/// What an intact package says about itself. Counts come from its catalog; what only bag-info
/// records is `None` when the package does not record it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Facts {
    /// The catalog JSON could be read; when not (a newer catalog schema, too large to hold),
    /// `resources` is bag-info's count and the lists are empty.
    pub catalog_readable: bool,
    pub resources: usize,
    /// Resources in the sharing and the open catalog.
    pub sharing: Option<usize>,
    pub open: Option<usize>,
    pub items: Option<usize>,
    pub systems: Option<usize>,
    /// 涉密 resources (`Mulu-Classified-Count`).
    pub classified: Option<usize>,
    /// Validation at packaging time.
    pub errors: Option<usize>,
    pub warnings: Option<usize>,
    pub packaged_with_errors: bool,
    /// Resources with the secrecy review, and who reviewed.
    pub secrecy_reviewed: Option<usize>,
    pub secrecy_reviewers: Vec<String>,
    pub period: Option<String>,
    pub division_code: Option<String>,
    pub agency_level: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub previous_package: Option<String>,
    pub changes: Option<ChangeCounts>,
}

/// `data/changes.json` in numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChangeCounts {
    /// The agency's first package: every resource is "added".
    pub first: bool,
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    /// Fields of the agency profile that changed.
    pub agency: usize,
}

/// What the review screen shows, in one language.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Review {
    pub verification: Verification,
    /// `None` for a broken package.
    pub facts: Option<Facts>,
}

/// One page of one of the package's three catalogs.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ResourcePage {
    pub total: usize,
    pub offset: usize,
    pub rows: Vec<Resource>,
}

/// Verifies the package at `path` and keeps what a review shows of it.
pub fn open(path: &Path, trust: &Trust, limits: &Limits, lang: Lang) -> Result<Opened> {
    let (verification, kept) = verify_keeping(path, trust, limits, lang, &SHOWN)?;
    Ok(Opened::from_verified(verification, kept))
}

impl Opened {
    /// What a review shows of a package verified with `kept` (the catalog and changes files
    /// among them): nothing of its contents when it is broken.
    pub fn from_verified(verification: Verification, mut kept: Kept) -> Opened {
        let signer_pem = kept.signer_pem.take();
        if verification.verdict == Verdict::Broken {
            return Opened { verification, facts: None, catalog: None, signer_pem };
        }
        let catalog = kept
            .payload
            .get(CATALOG_JSON)
            .and_then(|b| serde_json::from_slice::<Catalog>(b).ok())
            .filter(|c| c.schema_version <= SCHEMA_VERSION);
        let changes = kept.payload.get(CHANGES_JSON).and_then(|b| serde_json::from_slice::<Value>(b).ok());
        let info = kept.bag_info.unwrap_or_default();
        let facts = facts(catalog.as_ref(), &info, changes.as_ref());
        Opened { verification, facts: Some(facts), catalog, signer_pem }
    }

    /// The package's catalog, when it is intact and readable.
    pub fn catalog(&self) -> Option<&Catalog> {
        self.catalog.as_ref()
    }

    /// The verification, as made.
    pub fn verification(&self) -> &Verification {
        &self.verification
    }
}

fn facts(catalog: Option<&Catalog>, info: &[(String, String)], changes: Option<&Value>) -> Facts {
    let text = |k: &str| bagit::field(info, k).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    let count = |k: &str| text(k).and_then(|v| v.parse::<usize>().ok());
    let of = |f: &dyn Fn(&Catalog) -> usize| catalog.map(f);
    Facts {
        catalog_readable: catalog.is_some(),
        resources: of(&|c| c.resources.len()).or_else(|| count("Mulu-Resource-Count")).unwrap_or(0),
        sharing: of(&|c| c.view(View::Sharing).count()),
        open: of(&|c| c.view(View::Open).count()),
        items: of(&|c| c.resources.iter().map(|r| r.items.len()).sum()),
        systems: of(&|c| c.systems.len()),
        classified: count("Mulu-Classified-Count"),
        errors: count("Mulu-Validation-Errors"),
        warnings: count("Mulu-Validation-Warnings"),
        packaged_with_errors: text("Mulu-Packaged-With-Errors").as_deref() == Some("yes"),
        secrecy_reviewed: of(&|c| c.resources.iter().filter(|r| r.secrecy_review.is_some()).count()),
        secrecy_reviewers: text("Mulu-Secrecy-Reviewers")
            .map(|v| v.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect())
            .unwrap_or_default(),
        period: text("Mulu-Catalog-Period"),
        division_code: text("Mulu-Division-Code"),
        agency_level: text("Mulu-Agency-Level"),
        contact_name: text("Contact-Name"),
        contact_phone: text("Contact-Phone"),
        previous_package: text("Mulu-Previous-Package").filter(|p| p != "none"),
        changes: changes.map(|v| {
            let n = |k: &str| v.get(k).and_then(Value::as_array).map_or(0, Vec::len);
            ChangeCounts {
                first: v.get("previous").is_none_or(Value::is_null),
                added: n("added"),
                removed: n("removed"),
                changed: n("changed"),
                agency: n("agency"),
            }
        }),
    }
}

impl Opened {
    pub fn verdict(&self) -> Verdict {
        self.verification.verdict
    }

    /// The review in `lang` (the problems' explanations re-read; nothing is verified again).
    pub fn review(&self, lang: Lang) -> Review {
        let mut verification = self.verification.clone();
        for p in &mut verification.problems {
            p.message = problem_text(&p.code, lang).to_string();
        }
        Review { verification, facts: self.facts.clone() }
    }

    /// Rows `offset..offset + limit` (at most [`MAX_PAGE`]) of one of the package's catalogs.
    pub fn page(&self, view: View, offset: usize, limit: usize) -> ResourcePage {
        let Some(c) = &self.catalog else { return ResourcePage { total: 0, offset: 0, rows: vec![] } };
        let total = c.view(view).count();
        let rows = c.view(view).skip(offset).take(limit.min(MAX_PAGE)).cloned().collect();
        ResourcePage { total, offset, rows }
    }

    /// Compares the fingerprint heard over the phone with the signer's, group by group.
    pub fn check_fingerprint(&self, heard: &str) -> keys::FingerprintCheck {
        keys::compare_fingerprint(heard, self.verification.fingerprint.as_deref().unwrap_or_default())
    }

    /// The trust-list entry for this package's signer, for its agency, once the fingerprint
    /// `heard` over the phone from the agency matches (what `mulu trust add` does with the key
    /// file and the USCC typed by hand). `name` says who holds the key; empty: the agency's name;
    /// `now` is when it is added.
    pub fn trusted_key(&self, name: &str, heard: &str, now: &str) -> Result<TrustedKey> {
        let v = &self.verification;
        let pem = self.signer_pem.as_deref().filter(|_| v.verdict != Verdict::Broken);
        let Some(pem) = pem else { return Err(Error::NotTrustable { reason: "broken" }) };
        let Some(uscc) = v.agency_uscc.as_deref().filter(|u| !u.trim().is_empty()) else {
            return Err(Error::NotTrustable { reason: "no_agency" });
        };
        // One key, one agency: another agency's key signing here is a question for people.
        if v.trusted_for_other_agency.is_some() {
            return Err(Error::NotTrustable { reason: "other_agency" });
        }
        if !self.check_fingerprint(heard).matches {
            return Err(Error::FingerprintMismatch);
        }
        let name = Some(name.trim()).filter(|n| !n.is_empty()).or(v.source_organization.as_deref()).unwrap_or(uscc);
        TrustedKey::from_pem(pem, uscc, name, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-01-01T00:00:00+08:00";
    use crate::package::tests::{bag_of, catalog, zip_bytes};

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn an_intact_package_shows_its_facts_and_catalog_and_its_signer_is_trusted_once_the_fingerprint_matches() {
        let dir = tempfile::tempdir().unwrap();
        let key = keys::generate().unwrap();
        let c = catalog(7);
        let pkg = write(dir.path(), "报送包.zip", &zip_bytes(&bag_of(&c, &key)));

        let opened = open(&pkg, &Trust::default(), &Limits::default(), Lang::Zh).unwrap();
        assert_eq!(opened.verdict(), Verdict::IntactUnknownSigner, "no trust list: the signer is unknown");
        let facts = opened.review(Lang::Zh).facts.expect("an intact package shows its facts");
        assert!(facts.catalog_readable);
        assert_eq!(facts.resources, 7);
        assert_eq!(facts.sharing, Some(c.view(View::Sharing).count()), "the core's views decide");
        assert_eq!(facts.open, Some(c.view(View::Open).count()));
        assert_eq!(facts.classified, Some(1), "recorded in bag-info");
        assert_eq!((facts.secrecy_reviewed, facts.secrecy_reviewers.clone()), (Some(7), vec!["李审查".to_string()]));
        assert_eq!(facts.contact_name.as_deref(), Some("王芳"));
        assert_eq!(facts.previous_package, None, "`none` is no previous package");
        let changes = facts.changes.expect("changes.json read");
        assert!(changes.first && changes.added == 7 && changes.removed == 0);

        let first = opened.page(View::Resource, 0, 5);
        assert_eq!((first.total, first.rows.len()), (7, 5));
        assert_eq!(first.rows[0].name, c.resources[0].name, "catalog order");
        let last = opened.page(View::Resource, 5, 5);
        assert_eq!(last.rows.len(), 2);
        assert_eq!(opened.page(View::Open, 0, 100).total, facts.open.unwrap());

        // Trusting: only what was heard over the phone, all of it, lets the key in.
        let fp = keys::fingerprint(&key.public_key());
        let heard = keys::grouped(&fp);
        assert_eq!(opened.trusted_key("", &heard[..20], NOW).unwrap_err().code(), "key.fingerprint_mismatch");
        let wrong = format!("{}{}", &fp[..63], if fp.ends_with('0') { '1' } else { '0' });
        assert_eq!(opened.trusted_key("", &wrong, NOW).unwrap_err().code(), "key.fingerprint_mismatch");
        let entry = opened.trusted_key("  ", &heard.to_lowercase(), NOW).unwrap();
        assert_eq!(entry.fingerprint, fp);
        assert_eq!(entry.agency_uscc, "115201110091453295", "trusted for the package's agency only");
        assert_eq!(entry.name, "花溪区青岩镇人民政府", "named after the agency when no name is given");

        // Verified again with the key listed: trusted.
        let trust = Trust { listed: vec![entry.clone()], ..Trust::default() };
        let again = open(&pkg, &trust, &Limits::default(), Lang::Zh).unwrap();
        assert_eq!(again.verdict(), Verdict::IntactTrusted);

        // The same key listed for another agency: not silently moved to this one.
        let other = TrustedKey { agency_uscc: "11520111MB1234567X".into(), ..entry };
        let elsewhere = open(&pkg, &Trust { listed: vec![other], ..Trust::default() }, &Limits::default(), Lang::Zh);
        let elsewhere = elsewhere.unwrap();
        assert_eq!(elsewhere.verdict(), Verdict::IntactUnknownSigner);
        assert_eq!(elsewhere.trusted_key("", &heard, NOW).unwrap_err().code(), "key.not_trustable");
    }

    #[test]
    fn a_changed_package_shows_which_file_and_nothing_of_its_contents() {
        let dir = tempfile::tempdir().unwrap();
        let key = keys::generate().unwrap();
        let mut bag = bag_of(&catalog(3), &key);
        let json = &mut bag.get_mut(CATALOG_JSON).unwrap().bytes;
        let at = json.iter().position(|b| *b == b'3').unwrap();
        json[at] = b'4'; // one byte of the catalog, after signing
        let pkg = write(dir.path(), "改过.zip", &zip_bytes(&bag));

        let opened = open(&pkg, &Trust::default(), &Limits::default(), Lang::Zh).unwrap();
        assert_eq!(opened.verdict(), Verdict::Broken);
        let zh = opened.review(Lang::Zh);
        assert!(zh.facts.is_none(), "no contents from a broken package");
        let p = &zh.verification.problems[0];
        assert_eq!((p.code.as_str(), p.path.as_deref()), ("verify.digest_mismatch", Some(CATALOG_JSON)));
        assert!(p.message.contains("被改动"), "{}", p.message);
        let en = opened.review(Lang::En);
        assert!(en.verification.problems[0].message.contains("changed after signing"), "shown again in English");
        assert_eq!(opened.page(View::Resource, 0, 10).total, 0);
        let fp = zh.verification.fingerprint.unwrap();
        assert_eq!(opened.trusted_key("", &fp, NOW).unwrap_err().code(), "key.not_trustable");
    }
}
