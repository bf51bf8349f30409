// Generated from the Rust types by mulu-core (src/bindings.rs). Do not edit.

export type Catalog = { schema_version: number, agency: Agency, systems: Array<InfoSystem>, resources: Array<Resource>, };

export type Agency = { name: string | null, 
/**
 * 统一社会信用代码.
 */
uscc: string | null, 
/**
 * 行政区划代码 (GB/T 2260; 6, 9 or 12 digits).
 */
division_code: string | null, level: string | null, 
/**
 * 第一责任人: the agency's principal head, answerable for its government data (G Art. 26).
 */
principal_head: string | null, contact_name: string | null, contact_phone: string | null, 
/**
 * 前段码 assigned by the bureau (类 项 目 [细目]); new resources are numbered under it.
 */
code_prefix: string | null, 
/**
 * 目录期次: the catalog year.
 */
period: string | null, };

export type InfoSystem = { name: string, 
/**
 * Built with public funds (财政资金): such a system must have its resources catalogued (G Art. 17).
 */
public_funds: boolean, 
/**
 * 资金来源: fiscal investment, co-funded, purchased service or operated with public funds.
 */
funding: string | null, description: string | null, };

export type Resource = { 
/**
 * 3 信息资源代码, e.g. `352111009/000001`.
 */
code: string | null, 
/**
 * 2 信息资源名称.
 */
name: string, 
/**
 * 1 信息资源分类; derived from the code when not given.
 */
classification: Classification | null, 
/**
 * 4 信息资源提供方.
 */
provider_name: string | null, 
/**
 * 5 信息资源提供方代码 (the provider's USCC).
 */
provider_code: string | null, 
/**
 * 6 信息资源摘要.
 */
abstract: string | null, 
/**
 * 7 信息资源格式.
 */
format: Format, 
/**
 * 8 信息项信息.
 */
items: Array<DataItem>, 
/**
 * 敏感程度 (G Art. 9).
 */
sensitivity: string | null, 
/**
 * 9 共享属性.
 */
sharing: Sharing, 
/**
 * 10 开放属性.
 */
open: Open, 
/**
 * 11 更新周期.
 */
update_cycle: string | null, 
/**
 * 12 发布日期, ISO `YYYY-MM-DD` when recognised, else as written.
 */
published_on: string | null, 
/**
 * 最近更新日期 (G Art. 21: data kept current), ISO `YYYY-MM-DD` when recognised.
 */
updated_on: string | null, 
/**
 * 13 关联资源代码.
 */
related_codes: Array<string>, 
/**
 * 来源业务 (G Art. 11).
 */
source_business: string | null, 
/**
 * 来源系统: the name of one of the agency's information systems.
 */
source_system: string | null, 
/**
 * 使用要求 (G Art. 11).
 */
usage_requirements: string | null, 
/**
 * 类别 (Guizhou classification-guide category).
 */
category: string | null, 
/**
 * 数据量: number of records.
 */
record_count: string | null, 
/**
 * 数据量: size in GB.
 */
data_volume_gb: string | null, 
/**
 * 备注; unknown spreadsheet columns land here as `列名: 值` lines.
 */
notes: string | null, grading: Grading | null, secrecy_review: SecrecyReview | null, 
/**
 * Registry-only text fields (`stored = "extra"` in data/fields.toml), by key: a field
 * added by its registry entry alone. Left out of the JSON when empty, so files written
 * before it and after it are the same.
 */
extra?: { [key in string]: string }, 
/**
 * 来源: the approved packages this resource came through, the cataloguing agency's first,
 * then each bureau that summarized it (township → district → city). Empty in an agency's
 * own catalog, and then left out of the JSON.
 */
provenance?: Array<Provenance>, };

export type DataItem = { name: string, data_type: string | null, 
/**
 * A positive integer, or `p,s` for numbers; kept as written and checked by the rules.
 */
length: string | null, 
/**
 * The item identifies a person or an organisation (ID number, USCC…).
 */
is_identifier: boolean, 
/**
 * The item is personal information.
 */
is_personal: boolean, description: string | null, };

export type Classification = { class: string | null, item: string | null, category: string | null, subcategory: string | null, };

export type Format = { class: string | null, type: string | null, };

export type Sharing = { type: string | null, 
/**
 * 共享条件: for conditional sharing, who may use it and for what; for 不予共享, the reason.
 */
condition: string | null, 
/**
 * 依据: the law, regulation, rule or document that justifies a restriction.
 */
basis: string | null, method: SharingMethod, };

export type SharingMethod = { class: string | null, type: string | null, };

export type Open = { type: string | null, condition: string | null, 
/**
 * 开放依据: the law or regulation that provides for opening it (G Art. 9: internal data
 * is opened "按照法律法规规定" or desensitised).
 */
basis: string | null, 
/**
 * Declassified (涉密) or desensitised (内部): Art. 9 lets such data be opened.
 */
declassified: boolean, 
/**
 * 开放方式: download, API or on application (G Art. 25; S Art. 8).
 */
method: string | null, 
/**
 * 访问或下载地址: where the data or its API is reached.
 */
address: string | null, 
/**
 * 申请渠道: where and how to apply (for 依申请 and 有条件开放).
 */
apply: string | null, };

export type Grading = { 
/**
 * Where the grade came from while the officer has not confirmed it (G Art. 9: the agency
 * grades its data, a spreadsheet or a scan only proposes); `None` once confirmed. Grades
 * stored before this marker existed read as confirmed.
 */
unconfirmed: GradeOrigin | null, state_secret: boolean | null, legal_restriction: boolean | null, personal_or_commercial: boolean | null, already_public: boolean | null, basis: string | null, suggested: string | null, reason: string | null, };

export type GradeOrigin = "import" | "scan";

export type SecrecyReview = { reviewer: string, at: string, };

export type Provenance = { agency_uscc: string, agency_name: string, 
/**
 * 机构层级 of that agency, as its package states it (乡镇, 区县…).
 */
agency_level: string | null, 
/**
 * The package's `External-Identifier`.
 */
package_id: string, 
/**
 * The SM2 key that signed it (hex fingerprint).
 */
signer_fingerprint: string, 
/**
 * The day the bureau approved it (its receipt's date), `YYYY-MM-DD`.
 */
approved_on: string, };

export type View = "resource" | "sharing" | "open";

export type FieldSpec = { key: string, zh: string, en: string, 
/**
 * Required by the national guide or the Guiyang measures.
 */
required: boolean, 
/**
 * Recommended: the rules remind when it is empty.
 */
recommended: boolean, 
/**
 * The form's help under the field.
 */
help_zh: string, help_en: string, 
/**
 * The value domain the form offers (a member of `Domains`), if any.
 */
domain: string | null, };

export type Domains = { sensitivity: Array<DomainValue>, sharing_type: Array<DomainValue>, open_type: Array<DomainValue>, open_method: Array<DomainValue>, update_cycle: Array<DomainValue>, data_type: Array<DomainValue>, format_class: Array<DomainValue>, method_class: Array<DomainValue>, agency_level: Array<DomainValue>, };

export type Suggestion = { 
/**
 * The suggested grade (stored key: 公开 / 内部 / 涉密).
 */
sensitivity: string, 
/**
 * The sharing type to take when the current one is not allowed.
 */
sharing_type: string, 
/**
 * The sharing types the grade allows.
 */
sharing_types: Array<string>, open_type: string, open_types: Array<string>, 
/**
 * Restricted sharing needs its legal basis (S Art. 12).
 */
needs_basis: boolean, 
/**
 * Conditional opening needs its condition.
 */
needs_open_condition: boolean, 
/**
 * Why, in the person's language.
 */
reason: string, article: string, };

export type Answers = { state_secret: boolean | null, legal_restriction: boolean | null, personal_or_commercial: boolean | null, already_public: boolean | null, basis: string | null, };

export type GradeRequest = { ids: Array<number>, answers: Answers, chosen: string | null, reason: string | null, };

export type FieldText = { key: string, text: string, };

export type ItemInput = { name: string, data_type: string, length: string, description: string, is_identifier: boolean | null, is_personal: boolean | null, };

export type PackageDone = { path: string, package_id: string, sequence: number, resources: number, added: number, removed: number, changed: number, 
/**
 * Validation errors packaged anyway (`allow_findings`), recorded in bag-info.txt.
 */
errors: number, 
/**
 * 涉密 resources: the package must go through the channel for classified material.
 */
classified: number, 
/**
 * The signer's key fingerprint, grouped for reading aloud.
 */
fingerprint: string, };

export type ExportKind = "catalog" | "template" | "dcat";

export type Views = { resource: Array<number>, sharing: Array<number>, open: Array<number>, };

export type Made = { package_id: string, sequence: number, resources: number, added: number, removed: number, changed: number, 
/**
 * Validation errors packaged anyway (`allow_findings`), recorded in bag-info.txt.
 */
errors: number, 
/**
 * 涉密 resources: the package must go through the channel for classified material.
 */
classified: number, 
/**
 * The signer's key fingerprint, grouped for reading aloud.
 */
fingerprint: string, };

export type Review = { verification: Verification, 
/**
 * `None` for a broken package.
 */
facts: Facts | null, };

export type Facts = { 
/**
 * The catalog JSON could be read; when not (a newer catalog schema, too large to hold),
 * `resources` is bag-info's count and the lists are empty.
 */
catalog_readable: boolean, resources: number, 
/**
 * Resources in the sharing and the open catalog.
 */
sharing: number | null, open: number | null, items: number | null, systems: number | null, 
/**
 * 涉密 resources (`Mulu-Classified-Count`).
 */
classified: number | null, 
/**
 * Validation at packaging time.
 */
errors: number | null, warnings: number | null, packaged_with_errors: boolean, 
/**
 * Resources with the secrecy review, and who reviewed.
 */
secrecy_reviewed: number | null, secrecy_reviewers: Array<string>, period: string | null, division_code: string | null, agency_level: string | null, contact_name: string | null, contact_phone: string | null, previous_package: string | null, changes: ChangeCounts | null, };

export type ChangeCounts = { 
/**
 * The agency's first package: every resource is "added".
 */
first: boolean, added: number, removed: number, changed: number, 
/**
 * Fields of the agency profile that changed.
 */
agency: number, };

export type ResourcePage = { total: number, offset: number, rows: Array<Resource>, };

export type Verification = { verdict: Verdict, exit_code: number, package_id: string | null, agency_uscc: string | null, source_organization: string | null, sequence: string | null, bagging_date: string | null, contains_classified: string | null, 
/**
 * The signer's key fingerprint, grouped for reading aloud.
 */
fingerprint: string | null, signer: Signer | null, 
/**
 * Set when the key is in the trust list, but for another agency.
 */
trusted_for_other_agency: string | null, payload_files: number, 
/**
 * A number in JSON (a package is at most 4 GiB, well within a double).
 */
payload_octets: number, problems: Array<Problem>, };

export type Verdict = "intact_trusted" | "intact_unknown_signer" | "broken";

export type Problem = { code: string, path: string | null, detail: string | null, message: string, };

export type Signer = { name: string, agency_uscc: string | null, 
/**
 * `"argument"` (a `--trust` key) or `"trust-list"`.
 */
source: string, };

export type FingerprintCheck = { 
/**
 * What was typed, normalised, in the key's groups of four (for showing it back).
 */
heard: Array<string>, 
/**
 * One per group of four: `true` the same, `false` different, `null` not (fully) typed yet.
 */
groups: Array<boolean | null>, 
/**
 * Every digit typed, and all the same: only then may the key be trusted.
 */
matches: boolean, };

export type DomainValue = { 
/**
 * What is stored and sent (`公开`, `C` …).
 */
key: string, zh: string, en: string, 
/**
 * For format and sharing-method classes: their usual types.
 */
types: Array<string>, };

export type SheetReport = { sheet: string, 
/**
 * 1-based header rows (two for a two-level header); empty when the sheet was skipped.
 */
header_rows: Array<number>, columns: Array<MappedColumn>, rows: number, 
/**
 * Why the sheet was not read: one of `roles::SKIP_REASONS`, shown by `roles::skip_reason`.
 */
skipped: "view" | "instructions" | "no-header" | null, };

export type Mapping = { 
/**
 * 1-based header row, when the detection picked the wrong one or found none.
 */
header_row: number | null, columns: Array<ColumnRule>, };

export type ColumnRule = { 
/**
 * The header as shown (`共享属性/共享类型`, `经办人`) or the column letter (`H`).
 */
column: string, 
/**
 * A field key (`notes`, `item.data_type` …), [`IGNORE`] or [`NOTE`]; `null` ignores too.
 */
field: string | null, };

export type Drafts = { sheets: Array<HeaderDraft>, 
/**
 * Every field a column can hold, resource fields first, then data-item fields (`item.…`).
 */
fields: Array<string>, };

export type HeaderDraft = { sheet: string, 
/**
 * 1-based header rows as read (two for a two-level header); empty for an empty sheet.
 */
header_rows: Array<number>, 
/**
 * Mulu found the header by its content (else it is the person's row or a best guess).
 */
detected: boolean, 
/**
 * Some column holds the resource name: without one, the import cannot tell rows apart.
 */
has_name: boolean, columns: Array<DraftColumn>, 
/**
 * The sheet's first rows, to choose the header row from.
 */
head: Array<HeadRow>, };

export type DraftColumn = { 
/**
 * Column letter: `A`, `B`, …
 */
column: string, header: string, 
/**
 * What the column holds: a field key, `ignore`, or `note` (its text kept in 备注).
 */
field: string, 
/**
 * How a mapping rule names this column: its header, or its letter when the header repeats.
 */
rule: string, 
/**
 * The first values under the header.
 */
samples: Array<string>, };

export type HeadRow = { 
/**
 * 1-based, as the spreadsheet program numbers it.
 */
row: number, cells: Array<string>, };

export type Proposal = { 
/**
 * `path` or `path#sheet`.
 */
source: string, resource: Resource, 
/**
 * Data rows in the source, when known without reading it all.
 */
rows: number | null, 
/**
 * Rows actually sampled to infer types.
 */
sampled: number, 
/**
 * Data quality per column, over the sampled rows (issue 18).
 */
quality: Array<ColumnQuality>, };

export type ColumnQuality = { column: string, 
/**
 * Empty cells among the sampled data rows.
 */
empty: number, 
/**
 * `empty` over the sampled rows, 0–1.
 */
empty_rate: number, 
/**
 * The check its values are held to (by its name, or because most of its values pass it).
 */
check: Check | null, 
/**
 * How many values fail it, and the first few.
 */
failing_count: number, failing: Array<Failing>, };

export type Check = "citizen_id" | "uscc" | "date";

export type Failing = { 
/**
 * The row in the sheet or file (1-based, the header row counted).
 */
row: number, 
/**
 * The value masked: its first and last characters only.
 */
value: string, };

export type MappedColumn = { 
/**
 * Column letter: `A`, `B`, … `AA`.
 */
column: string, header: string, 
/**
 * The field it was mapped to; `null` when unknown (its text goes to the notes).
 */
field: string | null, };

export type ImportPlan = { added: Array<ResourceRef>, changed: Array<ResourceChange>, unchanged: number, 
/**
 * The agency profile will be taken from the workbook (the workspace had none).
 */
agency: boolean, systems: number, sheets: Array<SheetReport>, 
/**
 * Findings on the imported records, with their sheet, row and column.
 */
findings: Array<Finding>, summary: Summary, committed: boolean, };

export type ResourceChange = { code: string | null, name: string, fields: Array<FieldChange>, };

export type FieldChange = { field: string, old: string | null, new: string | null, };

export type Finding = { 
/**
 * The rule's id.
 */
rule: string, severity: Severity, 
/**
 * `None` for findings on the agency profile or the catalog as a whole.
 */
resource: ResourceRef | null, 
/**
 * The field key, dotted (`sharing.basis`), or `items[2].data_type` for a data item.
 */
field: string | null, 
/**
 * Spreadsheet position (sheet, 1-based row, column letter), for findings of an import.
 */
sheet: string | null, row: number | null, column: string | null, message: string, 
/**
 * The article, as cited in the finding's language.
 */
article: string, };

export type ResourceRef = { code: string | null, name: string, };

export type Severity = "error" | "warning";

export type Summary = { resources: number, items: number, sharing_catalog: number, open_catalog: number, errors: number, warnings: number, 
/**
 * Resources with at least one error.
 */
resources_with_errors: number, by_rule: Record<string, number>, };

export type Report = { findings: Array<Finding>, summary: Summary, };

export type RuleInfo = { 
/**
 * The stable id findings carry (`grade.sharing`).
 */
id: string, severity: Severity, 
/**
 * What the rule checks: the heading of its findings.
 */
title: string, 
/**
 * The article or standard it enforces.
 */
article: string, 
/**
 * The message it gives, with its `{placeholders}` unfilled.
 */
message: string, };

export type StoredResource = { id: number, resource: Resource, };

export type ResourceSummary = { id: number, code: string | null, name: string, provider_name: string | null, format: Format, sensitivity: string | null, sharing_type: string | null, open_type: string | null, update_cycle: string | null, source_system: string | null, source_business: string | null, item_count: number, 
/**
 * Whether the grade was suggested by the questionnaire (step 4's list ticks it).
 */
graded_by_questionnaire: boolean, 
/**
 * Where the grade came from while the officer has not confirmed it (step 4: "to confirm").
 */
grade_unconfirmed: GradeOrigin | null, secrecy_review: SecrecyReview | null, findings: Array<Finding>, completeness: Completeness, };

export type ResourceDetail = { id: number, resource: Resource, findings: Array<Finding>, };

export type Completeness = { filled: number, required: number, 
/**
 * The keys of the required fields still empty, in the guide's order.
 */
missing: Array<string>, };

export type Overview = { path: string, 
/**
 * Whether an agency profile was ever saved (a new workspace has none).
 */
has_agency: boolean, agency: Agency, 
/**
 * Findings on the agency profile and the catalog as a whole.
 */
catalog_findings: Array<Finding>, resources: Array<ResourceSummary>, summary: Summary, 
/**
 * The rules with findings here, with their titles: step 5 heads each rule's group with it.
 */
rules: Array<RuleInfo>, 
/**
 * What the next undo would reverse; `None` when there is nothing to undo.
 */
undo: UndoNext | null, 
/**
 * The workspace's change mark this overview shows: an edit's delta applies to it
 * (`ops::overview`).
 */
revision: number, };

export type OverviewDelta = { 
/**
 * The overview revision this applies to: a window showing another one reloads instead.
 */
base: number, revision: number, full: Overview | null, changed: Array<ResourceSummary>, removed: Array<number>, has_agency: boolean, agency: Agency, catalog_findings: Array<Finding>, summary: Summary, rules: Array<RuleInfo>, undo: UndoNext | null, };

export type Change = { set_id: number, at: string, action: string, entity: string, entity_id: number | null, path: string, old: string | null, new: string | null, 
/**
 * Who made the change set (经办人), when one was recorded.
 */
operator: string | null, };

export type Undone = { set_id: number, action: string, at: string, 
/**
 * Fields (or whole records) put back.
 */
changes: number, 
/**
 * The first of the undo's own changes (old: before the undo, new: after it).
 */
details: Array<Change>, };

export type UndoNext = { set_id: number, action: string, at: string, changes: number, 
/**
 * Why it cannot be undone, in the person's language; `None` when it can.
 */
refused: string | null, };

export type CalendarInfo = { year: number, source: string, 
/**
 * Days off, counted one by one.
 */
holidays: number, workdays: number, 
/**
 * Imported into this workspace (it then replaces the shipped one of its year).
 */
imported: boolean, };

export type Due = { date: string, provisional: boolean, };

export type Standing = "due" | "due_soon" | "overdue";

export type EventKind = "law" | "functions" | "data";

export type EventRequest = { kind: EventKind, 
/**
 * The day the change happened (day 0).
 */
date: string, 
/**
 * The resources it affects (code, name or `#id`); none: the catalog as a whole.
 */
resources: Array<string>, note: string | null, 
/**
 * Met only once a package is made after the update.
 */
needs_package: boolean, };

export type Event = { id: number, kind: EventKind, date: string, note: string | null, needs_package: boolean, 
/**
 * The resources it affects, by code and name as named; empty: the catalog.
 */
resources: Array<string>, 
/**
 * Working days allowed.
 */
days: number, due: Due, met: Met | null, 
/**
 * Where the deadline stands today; `None` once met.
 */
status: Standing | null, recorded_at: string, };

export type Met = { change_set: number, at: string, package_id: string | null, };

export type DueKind = "law" | "functions" | "data" | "correction";

export type DueItem = { kind: DueKind, 
/**
 * The event's or the request's number.
 */
id: number, 
/**
 * Day 0: the event's date, or the day the request was received.
 */
start: string, due: string, 
/**
 * Working days allowed.
 */
days: number, 
/**
 * Counted over a year without a holiday calendar (weekends only).
 */
provisional: boolean, status: Standing, 
/**
 * Working days left after today (negative: past the due day).
 */
days_left: number, 
/**
 * The resources concerned, by code and name; empty: the catalog.
 */
resources: Array<string>, 
/**
 * The field a request is about.
 */
field: string | null, 
/**
 * An event met only once a package is made after the update.
 */
needs_package: boolean, 
/**
 * The event's note, or the request's text.
 */
text: string | null, 
/**
 * Who asked (a correction request).
 */
from: string | null, };

export type CorrectionRequest = { 
/**
 * Who asks: the data user (a department, a person) or the bureau.
 */
from: string, 
/**
 * The resource (code, name or `#id`).
 */
resource: string, 
/**
 * The field concerned, by its key (`sharing.basis`), if one.
 */
field: string | null, text: string, 
/**
 * Day 0 of the deadline.
 */
received: string, 
/**
 * Where it came from when not typed in, e.g. "receipt <package id>".
 */
source: string | null, };

export type Correction = { id: number, from: string, 
/**
 * The resource by its code and name as named.
 */
resource: string, resource_id: number, field: string | null, text: string, received: string, source: string | null, 
/**
 * Working days allowed.
 */
days: number, due: Due, answer: Answer | null, 
/**
 * Where the deadline stands today; `None` once answered.
 */
status: Standing | null, recorded_at: string, };

export type Answer = { text: string, on: string, 
/**
 * The change sets of the resource since the request was received: the change made.
 */
change_sets: number[], };

export type Version = { sequence: number, package_id: string, created_at: string, 
/**
 * The signer's key fingerprint (SM3, hex).
 */
signer: string, 
/**
 * 目录期次 of the catalog packaged.
 */
period: string | null, 
/**
 * Why it was made while the year's full maintenance was incomplete.
 */
incomplete_reason: string | null, 
/**
 * Validation errors and warnings it was packaged with; `None` for a package made before
 * versions kept them.
 */
errors: number | null, warnings: number | null, };

export type Side = { sequence: number | null, package_id: string | null, created_at: string | null, };

export type VersionDiff = { from: Side, to: Side, 
/**
 * The agency profile's fields that differ.
 */
agency: Array<PackageFieldChange>, added: Array<ResourceKey>, removed: Array<ResourceKey>, changed: Array<ChangedResource>, };

export type Restored = { version: Side, 
/**
 * Its row id in the working catalog.
 */
id: number, 
/**
 * Its code and name.
 */
resource: string, 
/**
 * Whether it had been removed and was added back.
 */
added_back: boolean, 
/**
 * The fields put back (old: the working catalog's, new: the version's).
 */
fields: Array<PackageFieldChange>, };

export type ReviewKind = "confirmed" | "updated";

export type Reviewed = { id: number, 
/**
 * Its code and name.
 */
resource: string, kind: ReviewKind, 
/**
 * Who confirmed it; `None` for an update (the change log names no one).
 */
by: string | null, 
/**
 * When it was confirmed, or first changed.
 */
at: string, };

export type Pending = { id: number, resource: string, };

export type CampaignStatus = { year: number, started_at: string, started_by: string | null, 
/**
 * The number the next package gets.
 */
next_sequence: number, total: number, reviewed: number, complete: boolean, 
/**
 * Reviewed resources, in catalog order.
 */
done: Array<Reviewed>, 
/**
 * Resources neither confirmed nor updated, in catalog order.
 */
left: Array<Pending>, };

export type Started = { 
/**
 * False when the year's campaign had been started before (left as it was).
 */
started: boolean, status: CampaignStatus, };

export type ProjectExport = { system: string, path: string, 
/**
 * The resources of the system it holds.
 */
resources: number, };

export type ErrorPayload = { code: string, message: string, field: string | null, };

export type Lang = "zh" | "en";

export type Changes = { 
/**
 * The package these changes are relative to; `None` for an agency's first package.
 */
previous: PreviousPackage | null, agency: Array<PackageFieldChange>, added: Array<ResourceKey>, removed: Array<ResourceKey>, changed: Array<ChangedResource>, };

export type PreviousPackage = { package_id: string, sequence: number, created_at: string, };

export type ResourceKey = { code: string | null, name: string, };

export type ChangedResource = { code: string | null, name: string, fields: Array<PackageFieldChange>, };

export type PackageFieldChange = { field: string, old: unknown, new: unknown, };

export type Submitter = { uscc: string, name: string, 
/**
 * 乡镇 / 区县部门 / …
 */
level: string | null, contact: string | null, added_at: string, 
/**
 * The fingerprints of the keys trusted for it (its rows of the trust list).
 */
keys: Array<string>, };

export type Received = { package_id: string, agency_uscc: string, agency_name: string, sequence: number, signer_fingerprint: string, tagmanifest_sha256: string, bagging_date: string, received_at: string, file_name: string, resources: number, 
/**
 * This workspace's own validation when it was received.
 */
errors: number, warnings: number, status: ReviewStatus, 
/**
 * When the receipt was issued (decisions are final from then on).
 */
receipt_at: string | null, };

export type ReceiptRecord = { package_id: string, decision: ReviewVerdict, bureau_uscc: string, bureau_name: string, signer_fingerprint: string, reviewed_on: string, imported_at: string, };

export type ReviewVerdict = "approved" | "returned";

export type ReviewStatus = "in_review" | "approved" | "returned";

export type Comment = { field: string | null, comment: string, };

export type ReceivedOne = { package_id: string, agency_uscc: string, agency_name: string, sequence: number, 
/**
 * It was received before, byte for byte: nothing was stored again.
 */
already_received: boolean, 
/**
 * Its signer's key was added to the trust list now, the fingerprint heard matching.
 */
key_trusted_now: boolean, resources: number, 
/**
 * This workspace's validation of its catalog.
 */
errors: number, warnings: number, };

export type FindingsCheck = { 
/**
 * Validated here, in the person's language.
 */
here: Report, 
/**
 * What the package says it found (`None` when its findings.json cannot be read).
 */
package_errors: number | null, package_warnings: number | null, 
/**
 * Found here, not in the package's findings…
 */
only_here: Array<Finding>, 
/**
 * …and the other way round.
 */
only_in_package: Array<SenderFinding>, 
/**
 * Both found the same (rule, resource, field).
 */
agree: boolean, };

export type SenderFinding = { rule: string, severity: Severity | null, resource: ResourceRef | null, field: string | null, message: string, };

export type ChangesCheck = { 
/**
 * The approved package compared against; `None`: none approved yet, everything is new.
 */
against: string | null, changes: Changes, 
/**
 * The package the sender compared against (`changes.json`'s `previous`).
 */
package_previous: string | null, 
/**
 * Whether `changes.json` matches the comparison made here from that same base; `None`
 * when that base was never received here, so it cannot be checked.
 */
package_agrees: boolean | null, 
/**
 * Changes found here that `changes.json` leaves out, and those it lists that are not
 * there (`added code:352111009/000003`, `changed code:352111009/000001 abstract`…).
 */
missing_from_package: Array<string>, only_in_package: Array<string>, };

export type Overall = "undecided" | "approved" | "returned";

export type ResourceReview = { code: string | null, name: string, verdict: ReviewVerdict | null, decided_at: string | null, comments: Array<Comment>, };

export type ReviewDetail = { package: Received, overall: Overall, undecided: number, 
/**
 * Comments on the package as a whole (it is returned when there are any).
 */
package_comments: Array<Comment>, resources: Array<ResourceReview>, findings: FindingsCheck, changes: ChangesCheck, };

export type DecideRequest = { package_id: string, 
/**
 * The resource's code (or its name when it has none); `None`: every resource when
 * approving, the package as a whole when returning.
 */
resource: string | null, verdict: ReviewVerdict, 
/**
 * Required when returning: what to fix.
 */
comment: string | null, 
/**
 * The field the comment is about (a dotted key, `sharing.type`, `items[2].name`); `None`:
 * the whole resource.
 */
field: string | null, };

export type Decided = { package_id: string, 
/**
 * Resources the decision applied to (0 for the package as a whole).
 */
resources: number, overall: Overall, undecided: number, };

export type ReceiptDoc = { format: number, package: ReviewedPackage, bureau: Bureau, decision: ReviewVerdict, 
/**
 * `YYYY-MM-DD`.
 */
reviewed_on: string, package_comments: Array<Comment>, resources: Array<ReceiptResource>, };

export type ReviewedPackage = { package_id: string, 
/**
 * SHA-256 of its `tagmanifest-sha256.txt` (lowercase hex): which bytes were reviewed.
 */
tagmanifest_sha256: string, agency_uscc: string, agency_name: string, sequence: number, };

export type Bureau = { name: string, uscc: string, division_code: string | null, level: string | null, };

export type ReceiptResource = { code: string | null, name: string, verdict: ReviewVerdict | null, comments: Array<Comment>, };

export type ReceiptIssued = { path: string, receipt_id: string, package_id: string, decision: ReviewVerdict, approved: number, returned: number, 
/**
 * The bureau's key fingerprint, grouped for reading aloud.
 */
fingerprint: string, };

export type ReceiptImported = { package_id: string, decision: ReviewVerdict, bureau_name: string, bureau_uscc: string, reviewed_on: string, 
/**
 * Comments that became tasks.
 */
tasks: number, 
/**
 * The same receipt was imported before: nothing changed.
 */
already_imported: boolean, key_trusted_now: boolean, };

export type Task = { id: bigint, package_id: string, 
/**
 * `None`: a comment on the package as a whole.
 */
resource: ResourceRef | null, field: string | null, comment: string, resolved_at: string | null, 
/**
 * Changed since the returned package, or resolved.
 */
addressed: boolean, };

export type SubmitterInput = { uscc: string, name: string, level: string | null, contact: string | null, };

export type ReceiveResult = { path: string, received: ReceivedOne | null, error: ErrorPayload | null, };

export type ConflictKind = "same_code" | "not_lead" | "same_data";

export type ConflictSide = { agency_uscc: string, agency_name: string, package_id: string, code: string | null, name: string, };

export type Conflict = { kind: ConflictKind, 
/**
 * What the sides share: the code, the 类/项 (`1/01 人口`), or the key items.
 */
subject: string, 
/**
 * For `not_lead`: the agency that should catalogue it.
 */
lead: string | null, sides: Array<ConflictSide>, };

export type SummarySource = { agency_uscc: string, agency_name: string, agency_level: string | null, package_id: string, sequence: number, signer_fingerprint: string, approved_on: string, resources: number, };

export type BureauSummary = { sources: Array<SummarySource>, 
/**
 * Resources in the 资源目录, 共享目录 and 开放目录.
 */
resources: number, sharing: number, open: number, conflicts: Array<Conflict>, 
/**
 * The latest approval by the government, if any…
 */
approval: SummaryApproval | null, 
/**
 * …and whether it approved this very summary (no package approved since).
 */
approved: boolean, 
/**
 * The merged catalog under the bureau's own profile.
 */
catalog: Catalog, };

export type ApproveRequest = { 
/**
 * Who approved: the district (or city) government.
 */
approved_by: string, 
/**
 * `YYYY-MM-DD`.
 */
approved_on: string, 
/**
 * 文号, e.g. 花府函〔2026〕12号.
 */
document: string, };

export type SummaryApproval = { approved_by: string, 
/**
 * `YYYY-MM-DD`.
 */
approved_on: string, 
/**
 * 文号.
 */
document: string, 
/**
 * The received packages the approved summary was made of.
 */
packages: Array<string>, recorded_at: string, };

export type SubmitterState = "not_submitted" | "received" | "returned" | "approved";

export type SubmitterStatus = { uscc: string, name: string, level: string | null, state: SubmitterState, 
/**
 * The latest package (by sequence), its validation errors here, its date (Bagging-Date).
 */
package_id: string | null, errors: number | null, last_package_on: string | null, 
/**
 * Packages received from it in all.
 */
packages: number, };

export type ErrorCode = "agency.missing" | "bulk.field" | "calendar.invalid" | "cancelled" | "correction.answered" | "correction.not_found" | "disk.full" | "field.invalid" | "field.unknown" | "io" | "key.exists" | "key.fingerprint_mismatch" | "key.generate" | "key.no_passphrase" | "key.not_trustable" | "key.passphrase" | "key.passphrase_empty" | "key.passphrase_mismatch" | "key.public_unreadable" | "key.trust_ambiguous" | "key.trust_not_found" | "key.unreadable" | "maintain.incomplete" | "maintain.none" | "output.directory" | "output.input" | "output.key" | "output.other_kind" | "output.workspace" | "package.findings" | "package.no_principal" | "package.no_uscc" | "package.secrecy" | "package.write" | "project.not_public" | "receipt.broken" | "receipt.conflict" | "receipt.foreign" | "receipt.hash" | "receipt.not_receipt" | "receipt.untrusted" | "receive.broken" | "receive.conflict" | "receive.not_expected" | "receive.not_submission" | "receive.other_agency" | "receive.unknown_signer" | "resource.ambiguous" | "resource.not_found" | "review.closed" | "review.not_bureau" | "review.not_found" | "review.undecided" | "sheet.cell_too_long" | "sheet.limit" | "sheet.no_header" | "sheet.no_name_column" | "sheet.not_found" | "sheet.too_large" | "sheet.unreadable" | "sheet.write" | "store" | "store.decode" | "submitter.cell" | "submitter.not_found" | "summary.empty" | "summary.stale" | "summary.unapproved" | "system.not_found" | "task.not_found" | "undo.unsupported" | "verify.unreadable" | "version.no_resource" | "version.not_found" | "workspace.busy" | "workspace.corrupt" | "workspace.exists" | "workspace.foreign" | "workspace.missing" | "workspace.newer" | "workspace.read_only";
