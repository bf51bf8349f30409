// Generated from the app's command table by mulu-app (src/contract.rs). Do not edit.

import type { Answers, CalendarInfo, Change, Correction, CorrectionRequest, Domains, Drafts, DueItem, ErrorCode, ErrorPayload, Event, EventRequest, ExportKind, FieldSpec, FingerprintCheck, ImportPlan, ItemInput, Lang, Mapping, Overview, OverviewDelta, PackageDone, Proposal, ResourceDetail, ResourcePage, Review, Suggestion, Undone, View, Views } from './mulu'

export type Fields = { resource: Array<FieldSpec>, agency: Array<FieldSpec>, 
/**
 * The keys that are no form field (a combined column, an item's part…): labelled too.
 */
other: Array<FieldSpec>, bulk: Array<string>, };

export type UsccCheck = { normalized: string, 
/**
 * What is wrong: `length`, `character`, `check` or `structure`; `null` when it is valid.
 */
problem: "length" | "character" | "check" | "structure" | null, reason: string | null, };

export type Bulked = { changed: number, delta: OverviewDelta, };

export type Added = { id: number, delta: OverviewDelta, };

export type UndoAnswer = { undone: Undone | null, delta: OverviewDelta, };

export type Scanned = { proposals: Array<Proposal>, skipped: Array<Skipped>, };

export type Skipped = { file: string, error: ErrorPayload, };

export type ScanProgress = { done: number, total: number, file: string, };

export type ImportProgress = { sheet: string, rows: number, };

export type KeyInfo = { path: string, 
/**
 * Grouped for reading aloud: `3F2A 9C01 …`.
 */
fingerprint: string, };

export type ReviewShown = { path: string, workspace: string, trust_list: ErrorPayload | null, review: Review, };

export type EventAdded = { event: Event, delta: OverviewDelta, };

export type CorrectionDone = { correction: Correction, delta: OverviewDelta, };

export type CalendarImported = { calendar: CalendarInfo, delta: OverviewDelta, };

/** Every code a command's failure may carry: the core's, and the shell's own. */
export type AppErrorCode = ErrorCode | "internal" | "import.none" | "import.stale" | "key.none" | "review.none" | "scan.none" | "scan.stale";

/** Each command: its arguments (by name, as `invoke` sends them) and its answer. */
export type Commands = {
  overview: { args: { lang: Lang }; result: Overview };
  resource_detail: { args: { id: number, lang: Lang }; result: ResourceDetail };
  workspace_path: { args: Record<string, never>; result: string };
  search_resources: { args: { query: string, lang: Lang }; result: Array<number> };
  fields: { args: Record<string, never>; result: Fields };
  domains: { args: Record<string, never>; result: Domains };
  update_agency_field: { args: { key: string, text: string, lang: Lang }; result: OverviewDelta };
  check_uscc: { args: { text: string, lang: Lang }; result: UsccCheck };
  update_resource_field: { args: { id: number, key: string, text: string, lang: Lang }; result: OverviewDelta };
  update_items: { args: { id: number, items: Array<ItemInput>, lang: Lang }; result: OverviewDelta };
  bulk_set_field: { args: { ids: Array<number>, key: string, text: string, lang: Lang }; result: Bulked };
  create_resource: { args: { name: string, lang: Lang }; result: Added };
  delete_resource: { args: { id: number, lang: Lang }; result: OverviewDelta };
  undo: { args: { lang: Lang }; result: UndoAnswer };
  resource_history: { args: { id: number, lang: Lang }; result: Array<Change> };
  grading_start: { args: { id: number, lang: Lang }; result: Answers };
  grading_suggest: { args: { ids: Array<number>, answers: Answers, lang: Lang }; result: Array<Suggestion> };
  grading_apply: { args: { ids: Array<number>, answers: Answers, chosen: string, reason: string | null, lang: Lang }; result: OverviewDelta };
  grading_confirm: { args: { ids: Array<number>, lang: Lang }; result: OverviewDelta };
  catalog_views: { args: { lang: Lang }; result: Views };
  export_file: { args: { kind: ExportKind, lang: Lang }; result: string | null };
  key_status: { args: Record<string, never>; result: KeyInfo | null };
  key_create: { args: { passphrase: string, repeat: string, lang: Lang }; result: KeyInfo | null };
  secrecy_confirm: { args: { ids: Array<number> | null, reviewer: string, lang: Lang }; result: OverviewDelta };
  package_check: { args: { lang: Lang }; result: null };
  package_make: { args: { passphrase: string, lang: Lang }; result: PackageDone | null };
  reveal_package: { args: Record<string, never>; result: null };
  import_choose: { args: { lang: Lang }; result: string | null };
  import_preview: { args: { sheet: string | null, mapping: Mapping | null, lang: Lang }; result: ImportPlan };
  import_commit: { args: { lang: Lang }; result: ImportPlan };
  import_cancel: { args: Record<string, never>; result: null };
  import_headers: { args: { mapping: Mapping | null, lang: Lang }; result: Drafts };
  mapping_save: { args: { mapping: Mapping, lang: Lang }; result: string | null };
  mapping_open: { args: { lang: Lang }; result: Mapping | null };
  scan_choose: { args: { folder: boolean, lang: Lang }; result: Array<string> };
  scan_run: { args: { lang: Lang }; result: Scanned };
  scan_accept: { args: { accepted: Array<number>, lang: Lang }; result: number };
  scan_cancel: { args: Record<string, never>; result: null };
  review_pending: { args: Record<string, never>; result: string | null };
  review_open: { args: { fresh: boolean, lang: Lang }; result: ReviewShown | null };
  review_choose: { args: { lang: Lang }; result: string | null };
  review_resources: { args: { view: View, offset: number, limit: number }; result: ResourcePage };
  review_fingerprint: { args: { heard: string }; result: FingerprintCheck };
  review_trust: { args: { name: string, heard: string, lang: Lang }; result: ReviewShown };
  review_close: { args: Record<string, never>; result: null };
  due_list: { args: { lang: Lang }; result: Array<DueItem> };
  event_add: { args: { request: EventRequest, lang: Lang }; result: EventAdded };
  event_list: { args: { lang: Lang }; result: Array<Event> };
  correction_add: { args: { request: CorrectionRequest, lang: Lang }; result: CorrectionDone };
  correction_answer: { args: { id: number, text: string, lang: Lang }; result: CorrectionDone };
  correction_list: { args: { lang: Lang }; result: Array<Correction> };
  calendar_import: { args: { lang: Lang }; result: CalendarImported | null };
  calendar_list: { args: { lang: Lang }; result: Array<CalendarInfo> };
};
