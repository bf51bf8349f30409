//! A bureau's summary (汇总) records: the latest approved package of each agency, read with its
//! catalog in one query, and the district government's approvals of the summary.

use rusqlite::params;

use super::bureau::{received_row, Received, RECEIVED};
use super::Workspace;
use crate::error::Result;

/// The government's approval of a summary (Guiyang measures Art. 14).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct SummaryApproval {
    pub approved_by: String,
    /// `YYYY-MM-DD`.
    pub approved_on: String,
    /// 文号.
    pub document: String,
    /// The received packages the approved summary was made of.
    pub packages: Vec<String>,
    pub recorded_at: String,
}

impl Workspace {
    /// Each agency's latest approved package (by sequence) with its catalog JSON, by agency name.
    pub fn latest_approved(&self) -> Result<Vec<(Received, String)>> {
        let sql = format!(
            "{RECEIVED} p WHERE decision = 'approved' AND sequence = (SELECT max(sequence) FROM received_package q
                 WHERE q.agency_uscc = p.agency_uscc AND q.decision = 'approved')
             ORDER BY agency_name, agency_uscc"
        );
        let mut st = self.conn().prepare(&sql)?;
        let heads: Vec<Received> = st.query_map([], received_row)?.collect::<rusqlite::Result<_>>()?;
        let mut cat = self.conn().prepare("SELECT catalog FROM received_package WHERE package_id = ?1")?;
        let mut out = Vec::with_capacity(heads.len());
        for h in heads {
            let c: String = cat.query_row([&h.package_id], |r| r.get(0))?;
            out.push((h, c));
        }
        Ok(out)
    }

    /// Records the government's approval of the summary made of `approval.packages`.
    pub fn record_summary_approval(&mut self, approval: &SummaryApproval) -> Result<()> {
        let packages = serde_json::to_string(&approval.packages)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO summary_approval(approved_by, approved_on, document, packages, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![approval.approved_by, approval.approved_on, approval.document, packages, approval.recorded_at],
            )?;
            let set = super::changelog::begin(tx, "summary.approve")?;
            let v = serde_json::to_value(approval)?;
            super::changelog::record_diff(tx, set, "summary", None, &serde_json::Value::Null, &v)?;
            Ok(())
        })
    }

    /// The latest approval of the summary, if any.
    pub fn summary_approval(&self) -> Result<Option<SummaryApproval>> {
        use rusqlite::OptionalExtension;
        let row = self
            .conn()
            .query_row(
                "SELECT approved_by, approved_on, document, packages, recorded_at FROM summary_approval
                 ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?, r.get(4)?)),
            )
            .optional()?;
        Ok(match row {
            None => None,
            Some((approved_by, approved_on, document, packages, recorded_at)) => Some(SummaryApproval {
                approved_by,
                approved_on,
                document,
                packages: serde_json::from_str(&packages)?,
                recorded_at,
            }),
        })
    }
}
