// Puts the cursor where a finding points: the form field's control, or the item table's cell.
// DOM only; which element is decided by `targetOf` (tested on its own).
import { itemCellId, targetOf } from './findingGroups'

export function focusField(root: ParentNode, field: string | null): boolean {
  const target = targetOf(field)
  if (!target) return false
  let box: Element | null
  if (target.kind === 'item') {
    const row = root.querySelector(`[data-testid="item-table"] [data-row="${target.row}"]`)
    box = row?.querySelector(`[data-testid="${itemCellId(target.part)}"]`) ?? row ?? null
  } else {
    box = root.querySelector(`[data-testid="field-${target.key}"]`)
  }
  if (!box) return false
  box.scrollIntoView({ block: 'center' })
  const input = (box.matches('input, textarea') ? box : box.querySelector('input, textarea')) as HTMLElement | null
  input?.focus({ preventScroll: true })
  box.classList.add('flash')
  setTimeout(() => box!.classList.remove('flash'), 1600)
  return true
}
