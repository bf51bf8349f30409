// The app's commands (src-tauri/src/commands.rs). Types come from the Rust bindings.
import { invoke } from '@tauri-apps/api/core'
import type { ErrorPayload, FieldSpec, Lang, Overview } from '../bindings/mulu'

/** Field labels in both languages (commands.rs `Fields`). */
export interface Fields {
  resource: FieldSpec[]
  agency: FieldSpec[]
}

export function overview(lang: Lang): Promise<Overview> {
  return invoke<Overview>('overview', { lang })
}

export function workspacePath(): Promise<string> {
  return invoke<string>('workspace_path')
}

export function fields(): Promise<Fields> {
  return invoke<Fields>('fields')
}

/** Any rejection as an ErrorPayload: the core's own, or an IPC failure wrapped with code `ipc`. */
export function toPayload(e: unknown): ErrorPayload {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const p = e as ErrorPayload
    return { code: String(p.code), message: String(p.message), field: p.field ?? null }
  }
  return { code: 'ipc', message: e instanceof Error ? e.message : String(e), field: null }
}
