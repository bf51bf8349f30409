// The app's commands (src-tauri/src/*.rs). Core types come from the Rust bindings; the few
// app-only shapes are declared here, next to their command.
import { invoke as tauriInvoke } from '@tauri-apps/api/core'
import type {
  Change,
  Domains,
  Drafts,
  ErrorPayload,
  FieldSpec,
  FingerprintCheck,
  ImportPlan,
  Lang,
  Mapping,
  Overview,
  Proposal,
  ResourceDetail,
  ResourcePage,
  Review,
  Suggestion,
  Undone,
  View,
} from '../bindings/mulu'
import { advised, type Advised } from './refusals'

/** Every command goes through here: a refusal comes back with the app's advice for its code
 *  (refusals.ts), in the language the command was called in. */
function invoke<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  return tauriInvoke<T>(cmd, args).catch((e: unknown) => {
    throw advised(e, args?.lang)
  })
}

/** Field labels in both languages, and the resource fields a bulk edit may set (commands.rs `Fields`). */
export interface Fields {
  resource: FieldSpec[]
  agency: FieldSpec[]
  /** Keys that are no form field: combined columns, item parts, questionnaire answers… */
  other: FieldSpec[]
  bulk: string[]
}

/** A USCC as typed (edit.rs `UsccCheck`): normalised, and why it is wrong. */
export interface UsccCheck {
  normalized: string
  problem: 'length' | 'character' | 'check' | 'structure' | null
  reason: string | null
}

/** A data item as the table editor sends it (edit.rs `ItemInput`); `null` flags: decided by name. */
export interface ItemInput {
  name: string
  data_type: string
  length: string
  description: string
  is_identifier: boolean | null
  is_personal: boolean | null
}

/** A bulk edit's answer (edit.rs `Bulked`): how many resources changed, and the new overview. */
export interface Bulked {
  changed: number
  overview: Overview
}

/** A new resource (edit.rs `Added`). */
export interface Added {
  id: number
  overview: Overview
}

export const overview = (lang: Lang) => invoke<Overview>('overview', { lang })
/** One resource whole, with its findings (commands.rs `resource_detail`): the overview has summaries only. */
export const resourceDetail = (id: number, lang: Lang) => invoke<ResourceDetail>('resource_detail', { id, lang })
export const workspacePath = () => invoke<string>('workspace_path')
export const fields = () => invoke<Fields>('fields')
export const domains = () => invoke<Domains>('domains')
/** The ids of the resources matching `query`, in catalog order (commands.rs `search_resources`). */
export const searchResources = (query: string, lang: Lang) => invoke<number[]>('search_resources', { query, lang })

export const updateAgencyField = (key: string, text: string, lang: Lang) =>
  invoke<Overview>('update_agency_field', { key, text, lang })
export const checkUscc = (text: string, lang: Lang) => invoke<UsccCheck>('check_uscc', { text, lang })

export const updateResourceField = (id: number, key: string, text: string, lang: Lang) =>
  invoke<Overview>('update_resource_field', { id, key, text, lang })
export const updateItems = (id: number, items: ItemInput[], lang: Lang) =>
  invoke<Overview>('update_items', { id, items, lang })
export const bulkSetField = (ids: number[], key: string, text: string, lang: Lang) =>
  invoke<Bulked>('bulk_set_field', { ids, key, text, lang })
export const createResource = (name: string, lang: Lang) => invoke<Added>('create_resource', { name, lang })
export const deleteResource = (id: number, lang: Lang) => invoke<Overview>('delete_resource', { id, lang })

/** What an undo reversed (`null`: nothing left) and the overview after it (history.rs `UndoAnswer`). */
export interface UndoAnswer {
  undone: Undone | null
  overview: Overview
}
export const undo = (lang: Lang) => invoke<UndoAnswer>('undo', { lang })
/** A resource's changes, newest first (history.rs `resource_history`). */
export const resourceHistory = (id: number, lang: Lang) => invoke<Change[]>('resource_history', { id, lang })

/** Opens the native file dialog; the chosen path, or `null` when cancelled. */
export const importChoose = (lang: Lang) => invoke<string | null>('import_choose', { lang })
/** The `import-progress` event (import.rs `Progress`): the sheet being read, rows read so far. */
export interface ImportProgress {
  sheet: string
  rows: number
}
/** The dry run: `sheet` null reads every data sheet; `mapping` null lets the core find the headers. */
export const importPreview = (sheet: string | null, mapping: Mapping | null, lang: Lang) =>
  invoke<ImportPlan>('import_preview', { sheet, mapping, lang })
/** The chosen workbook's headers as the core reads them with `mapping` (the header-mapping screen). */
export const importHeaders = (mapping: Mapping | null, lang: Lang) => invoke<Drafts>('import_headers', { mapping, lang })
/** Saves the mapping (save dialog); its path, or `null` when cancelled. */
export const mappingSave = (mapping: Mapping, lang: Lang) => invoke<string | null>('mapping_save', { mapping, lang })
/** Reads a saved mapping (open dialog); `null` when cancelled. */
export const mappingOpen = (lang: Lang) => invoke<Mapping | null>('mapping_open', { lang })
export const importCommit = (lang: Lang) => invoke<ImportPlan>('import_commit', { lang })
export const importCancel = () => invoke<void>('import_cancel')

/** What a scan of data files found (scan.rs `Scanned`): proposals, and files it could not read. */
export interface Scanned {
  proposals: Proposal[]
  skipped: { file: string; error: ErrorPayload }[]
}
/** The `scan-progress` event (scan.rs `Progress`): `done` of `total` files, `file` being read. */
export interface ScanProgress {
  done: number
  total: number
  file: string
}

/** Opens the native chooser (a folder, or files); the chosen paths, empty when cancelled. */
export const scanChoose = (folder: boolean, lang: Lang) => invoke<string[]>('scan_choose', { folder, lang })
export const scanRun = (lang: Lang) => invoke<Scanned>('scan_run', { lang })
/** Adds the proposals at these indices of the scan's answer; how many were added. */
export const scanAccept = (accepted: number[], lang: Lang) => invoke<number>('scan_accept', { accepted, lang })
/** Stops a running scan and discards its proposals. */
export const scanCancel = () => invoke<void>('scan_cancel')

/** Any rejection as an ErrorPayload: the core's own, or an IPC failure wrapped with code `ipc`. */
export function toPayload(e: unknown): Advised {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const p = e as Advised
    const out: Advised = { code: String(p.code), message: String(p.message), field: p.field ?? null }
    if (p.advice) Object.assign(out, { core: p.core, advice: p.advice })
    return out
  }
  return { code: 'ipc', message: e instanceof Error ? e.message : String(e), field: null }
}

/** The grading questionnaire's answers (grading.rs `Answers`); `null`: not answered yet. */
export interface Answers {
  state_secret: boolean | null
  legal_restriction: boolean | null
  personal_or_commercial: boolean | null
  already_public: boolean | null
  basis: string | null
}

export const gradingStart = (id: number, lang: Lang) => invoke<Answers>('grading_start', { id, lang })
export const gradingSuggest = (ids: number[], answers: Answers, lang: Lang) =>
  invoke<Suggestion[]>('grading_suggest', { ids, answers, lang })
export const gradingApply = (ids: number[], answers: Answers, chosen: string, reason: string | null, lang: Lang) =>
  invoke<Overview>('grading_apply', { ids, answers, chosen, reason, lang })
/** Confirms the grades of `ids` taken from a spreadsheet or a scan, as they are (grading.rs). */
export const gradingConfirm = (ids: number[], lang: Lang) => invoke<Overview>('grading_confirm', { ids, lang })

/** The signing key as the app remembers it (signing.rs `KeyInfo`): never the passphrase. */
export interface KeyInfo {
  path: string
  fingerprint: string
}

/** A finished package (signing.rs `PackageDone`). */
export interface PackageDone {
  path: string
  package_id: string
  sequence: number
  resources: number
  classified: number
  fingerprint: string
}

export const keyStatus = () => invoke<KeyInfo | null>('key_status')
/** Opens the save dialog; `null` when cancelled. */
export const keyCreate = (passphrase: string, repeat: string, lang: Lang) =>
  invoke<KeyInfo | null>('key_create', { passphrase, repeat, lang })
/** `ids` null: every resource. */
export const secrecyConfirm = (ids: number[] | null, reviewer: string, lang: Lang) =>
  invoke<Overview>('secrecy_confirm', { ids, reviewer, lang })
export const packageMake = (passphrase: string, lang: Lang) => invoke<PackageDone | null>('package_make', { passphrase, lang })
export const revealPackage = () => invoke<void>('reveal_package')

/** The resource ids of each of the three catalogs (exports.rs `Views`), decided by the core. */
export interface Views {
  resource: number[]
  sharing: number[]
  open: number[]
}
export type ExportKind = 'catalog' | 'template' | 'dcat'
export const catalogViews = (lang: Lang) => invoke<Views>('catalog_views', { lang })
/** Opens the save dialog and writes the file; its path, or `null` when cancelled. */
export const exportFile = (kind: ExportKind, lang: Lang) => invoke<string | null>('export_file', { kind, lang })
/** The core's refusals (errors, secrecy review, USCC) and a missing key, before the passphrase. */
export const packageCheck = (lang: Lang) => invoke<void>('package_check', { lang })

/** A package under review (review.rs `Shown`): its file, the workspace whose trust list it was
 *  checked against (and why that list could not be read), and the core's review. */
export interface ReviewShown {
  path: string
  workspace: string
  trust_list: ErrorPayload | null
  review: Review
}
/** The package the app was started on (a double-click), or `null`: then the workspace shows. */
export const reviewPending = () => invoke<string | null>('review_pending')
/** Verifies the package (again when `fresh`), else shows the last verification in `lang`. */
export const reviewOpen = (fresh: boolean, lang: Lang) => invoke<ReviewShown | null>('review_open', { fresh, lang })
/** Opens the native dialog; the chosen package's path, or `null` when cancelled. */
export const reviewChoose = (lang: Lang) => invoke<string | null>('review_choose', { lang })
export const reviewResources = (view: View, offset: number, limit: number) =>
  invoke<ResourcePage>('review_resources', { view, offset, limit })
/** The fingerprint heard over the phone, checked by the core group by group as it is typed. */
export const reviewFingerprint = (heard: string) => invoke<FingerprintCheck>('review_fingerprint', { heard })
/** Trusts the signer once `heard` matches (the core checks), then verifies again. */
export const reviewTrust = (name: string, heard: string, lang: Lang) => invoke<ReviewShown>('review_trust', { name, heard, lang })
export const reviewClose = () => invoke<void>('review_close')
