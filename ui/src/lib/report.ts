// A call the page makes on its own (loading a list, a live check, the key's status) that fails:
// said, never swallowed. The page goes on with `fallback`, so the rest of it stays usable.
import { ElMessage } from 'element-plus'
import { toPayload } from './api'

export type Show = (message: string) => void

/** The error as a closable message at the top of the window. */
export const showError: Show = (message) => {
  ElMessage.error({ message, showClose: true })
}

/** `call`'s answer; when it fails, `show` says why and `fallback` stands in. */
export async function orReport<T>(call: Promise<T>, fallback: T, show: Show = showError): Promise<T> {
  try {
    return await call
  } catch (e) {
    show(toPayload(e).message)
    return fallback
  }
}
