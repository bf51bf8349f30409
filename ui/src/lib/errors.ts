// The title shown over an error, chosen by the error's stable code (never by its text). The codes
// are the generated `AnyErrorCode`s: a code renamed in Rust fails the build here.
import type { AnyErrorCode } from './api'

const TITLES: Partial<Record<AnyErrorCode, string>> = {
  'workspace.foreign': 'error.title.foreign',
  'workspace.missing': 'error.title.missing',
  'workspace.corrupt': 'error.title.corrupt',
  'workspace.newer': 'error.title.newer',
  'workspace.read_only': 'error.title.readOnly',
  'workspace.busy': 'error.title.busy',
  'disk.full': 'error.title.diskFull',
  io: 'error.title.io',
  store: 'error.title.store',
  'store.decode': 'error.title.store',
  'verify.unreadable': 'error.title.package',
}

/** The i18n key of the title for an error code. */
export function errorTitleKey(code: string): string {
  return TITLES[code as AnyErrorCode] ?? 'error.title.generic'
}
