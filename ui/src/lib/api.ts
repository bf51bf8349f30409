// The app's commands: a thin typed `invoke` over the command table generated from Rust
// (src-tauri/src/contract.rs → bindings/commands.ts). Every name, argument and answer type comes
// from Rust: a renamed command, argument, field or error code fails `npm run build`.
import { invoke } from '@tauri-apps/api/core'
import type { AppErrorCode, Commands } from '../bindings/commands'
import type { Answers, CorrectionRequest, EventRequest, ExportKind, ItemInput, Lang, Mapping, View } from '../bindings/mulu'
import { advised, type Advised } from './refusals'

export type {
  Added,
  AppErrorCode,
  Bulked,
  Fields,
  ImportProgress,
  KeyInfo,
  ReviewShown,
  ScanProgress,
  Scanned,
  UndoAnswer,
  UsccCheck,
} from '../bindings/commands'
export type { Answers, ExportKind, ItemInput, PackageDone, Views } from '../bindings/mulu'

type Command = keyof Commands
type Args<C extends Command> = Commands[C]['args']
type Result<C extends Command> = Commands[C]['result']

/** Calls command `cmd` with its arguments, typed by the generated table. Every command goes
 *  through here: a refusal comes back with the app's advice for its code (refusals.ts), in the
 *  language the command was called in. */
export function call<C extends Command>(
  cmd: C,
  ...args: Args<C> extends Record<string, never> ? [] : [Args<C>]
): Promise<Result<C>> {
  const lang = (args[0] as { lang?: unknown } | undefined)?.lang
  return invoke<Result<C>>(cmd, args[0]).catch((e: unknown) => {
    throw advised(e, lang)
  })
}

/** A failure as the page handles it: the code is one Rust can produce, or `ipc` when the call
 *  itself failed (no answer from the app). */
export type AppError = Omit<Advised, 'code'> & { code: AnyErrorCode }
export type AnyErrorCode = AppErrorCode | 'ipc'

/** Any rejection as an AppError: the app's own, or an IPC failure wrapped with code `ipc`. */
export function toPayload(e: unknown): AppError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const p = e as Advised
    const out: AppError = { code: String(p.code) as AppErrorCode, message: String(p.message), field: p.field ?? null }
    if (p.advice) Object.assign(out, { core: p.core, advice: p.advice })
    return out
  }
  return { code: 'ipc', message: e instanceof Error ? e.message : String(e), field: null }
}

export const overview = (lang: Lang) => call('overview', { lang })
/** One resource whole, with its findings: the overview has summaries only. */
export const resourceDetail = (id: number, lang: Lang) => call('resource_detail', { id, lang })
export const workspacePath = () => call('workspace_path')
/** Field labels in both languages, and the resource fields a bulk edit may set. */
export const fields = () => call('fields')
export const domains = () => call('domains')
/** The ids of the resources matching `query`, in catalog order. */
export const searchResources = (query: string, lang: Lang) => call('search_resources', { query, lang })

export const updateAgencyField = (key: string, text: string, lang: Lang) =>
  call('update_agency_field', { key, text, lang })
export const checkUscc = (text: string, lang: Lang) => call('check_uscc', { text, lang })

export const updateResourceField = (id: number, key: string, text: string, lang: Lang) =>
  call('update_resource_field', { id, key, text, lang })
/** The table editor's whole table; `null` flags: decided by the item's name. */
export const updateItems = (id: number, items: ItemInput[], lang: Lang) => call('update_items', { id, items, lang })
export const bulkSetField = (ids: number[], key: string, text: string, lang: Lang) =>
  call('bulk_set_field', { ids, key, text, lang })
export const createResource = (name: string, lang: Lang) => call('create_resource', { name, lang })
export const deleteResource = (id: number, lang: Lang) => call('delete_resource', { id, lang })

/** What an undo reversed (`null`: nothing left) and what it changed in the overview. */
export const undo = (lang: Lang) => call('undo', { lang })
/** A resource's changes, newest first. */
export const resourceHistory = (id: number, lang: Lang) => call('resource_history', { id, lang })

/** Opens the native file dialog; the chosen path, or `null` when cancelled. */
export const importChoose = (lang: Lang) => call('import_choose', { lang })
/** The dry run: `sheet` null reads every data sheet; `mapping` null lets the core find the headers. */
export const importPreview = (sheet: string | null, mapping: Mapping | null, lang: Lang) =>
  call('import_preview', { sheet, mapping, lang })
/** The chosen workbook's headers as the core reads them with `mapping` (the header-mapping screen). */
export const importHeaders = (mapping: Mapping | null, lang: Lang) => call('import_headers', { mapping, lang })
/** Saves the mapping (save dialog); its path, or `null` when cancelled. */
export const mappingSave = (mapping: Mapping, lang: Lang) => call('mapping_save', { mapping, lang })
/** Reads a saved mapping (open dialog); `null` when cancelled. */
export const mappingOpen = (lang: Lang) => call('mapping_open', { lang })
export const importCommit = (lang: Lang) => call('import_commit', { lang })
export const importCancel = () => call('import_cancel')

/** Opens the native chooser (a folder, or files); the chosen paths, empty when cancelled. */
export const scanChoose = (folder: boolean, lang: Lang) => call('scan_choose', { folder, lang })
export const scanRun = (lang: Lang) => call('scan_run', { lang })
/** Adds the proposals at these indices of the scan's answer; how many were added. */
export const scanAccept = (accepted: number[], lang: Lang) => call('scan_accept', { accepted, lang })
/** Stops a running scan and discards its proposals. */
export const scanCancel = () => call('scan_cancel')

/** The answers a resource starts with (recorded before, or "personal" from its items). */
export const gradingStart = (id: number, lang: Lang) => call('grading_start', { id, lang })
export const gradingSuggest = (ids: number[], answers: Answers, lang: Lang) =>
  call('grading_suggest', { ids, answers, lang })
export const gradingApply = (ids: number[], answers: Answers, chosen: string, reason: string | null, lang: Lang) =>
  call('grading_apply', { ids, answers, chosen, reason, lang })
/** Confirms the grades of `ids` taken from a spreadsheet or a scan, as they are. */
export const gradingConfirm = (ids: number[], lang: Lang) => call('grading_confirm', { ids, lang })

/** The signing key as the app remembers it: never the passphrase. */
export const keyStatus = () => call('key_status')
/** Opens the save dialog; `null` when cancelled. */
export const keyCreate = (passphrase: string, repeat: string, lang: Lang) =>
  call('key_create', { passphrase, repeat, lang })
/** `ids` null: every resource. */
export const secrecyConfirm = (ids: number[] | null, reviewer: string, lang: Lang) =>
  call('secrecy_confirm', { ids, reviewer, lang })
export const packageMake = (passphrase: string, lang: Lang) => call('package_make', { passphrase, lang })
export const revealPackage = () => call('reveal_package')

export const catalogViews = (lang: Lang) => call('catalog_views', { lang })
/** Opens the save dialog and writes the file; its path, or `null` when cancelled. */
export const exportFile = (kind: ExportKind, lang: Lang) =>
  call('export_file', { kind, lang })
/** The core's refusals (errors, secrecy review, USCC) and a missing key, before the passphrase. */
export const packageCheck = (lang: Lang) => call('package_check', { lang })

/** The package the app was started on (a double-click), or `null`: then the workspace shows. */
export const reviewPending = () => call('review_pending')
/** Verifies the package (again when `fresh`), else shows the last verification in `lang`. */
export const reviewOpen = (fresh: boolean, lang: Lang) => call('review_open', { fresh, lang })
/** Opens the native dialog; the chosen package's path, or `null` when cancelled. */
export const reviewChoose = (lang: Lang) => call('review_choose', { lang })
export const reviewResources = (view: View, offset: number, limit: number) =>
  call('review_resources', { view, offset, limit })
/** The fingerprint heard over the phone, checked by the core group by group as it is typed. */
export const reviewFingerprint = (heard: string) => call('review_fingerprint', { heard })
/** Trusts the signer once `heard` matches (the core checks), then verifies again. */
export const reviewTrust = (name: string, heard: string, lang: Lang) => call('review_trust', { name, heard, lang })
export const reviewClose = () => call('review_close')

/** Every open deadline (events not met, requests not answered), soonest first; today by the app's clock. */
export const dueList = (lang: Lang) => call('due_list', { lang })
/** Records a change event; the event with its due date, and what it changed in the overview. */
export const eventAdd = (request: EventRequest, lang: Lang) => call('event_add', { request, lang })
export const eventList = (lang: Lang) => call('event_list', { lang })
export const correctionAdd = (request: CorrectionRequest, lang: Lang) => call('correction_add', { request, lang })
/** Closes request `id` with `text`, answered today. */
export const correctionAnswer = (id: number, text: string, lang: Lang) => call('correction_answer', { id, text, lang })
export const correctionList = (lang: Lang) => call('correction_list', { lang })
/** Opens the native dialog and imports the calendar; `null` when cancelled. */
export const calendarImport = (lang: Lang) => call('calendar_import', { lang })
export const calendarList = (lang: Lang) => call('calendar_list', { lang })
