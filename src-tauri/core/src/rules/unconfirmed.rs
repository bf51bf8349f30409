//! Grades the officer has not confirmed: a spreadsheet or a scan proposes a grade, the agency
//! decides it (G Art. 9). Step 4 shows the same resources as "to confirm".

use crate::model::domain::Domain;
use crate::model::{GradeOrigin, Resource};

use super::Sink;

pub(super) fn check(r: &Resource, sink: &mut Sink) {
    // An unknown grade is already an error of its own (field.domain).
    let (Some(grade), Some(origin)) = (r.sensitivity(), r.unconfirmed_grade()) else { return };
    let lang = sink.lang();
    let from = match origin {
        GradeOrigin::Import => lang.pick("导入的表格", "an imported spreadsheet"),
        GradeOrigin::Scan => lang.pick("对数据文件的扫描", "a scan of the data file"),
    };
    sink.emit("grade.unconfirmed", Some("sensitivity"), &[("grade", grade.label(lang)), ("origin", from)]);
}
