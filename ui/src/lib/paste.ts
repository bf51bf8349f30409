// Rows copied from Excel / WPS arrive as tab-separated lines (cells holding a line break or a
// quote are wrapped in double quotes). This turns them into data-item rows.

export interface PastedItem {
  name: string
  data_type: string
  length: string
  description: string
}

type Part = keyof PastedItem | 'skip'

/** Splits clipboard text into rows of cells, honouring Excel's quoting. */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const s = text.replace(/\r\n?/g, '\n')
  while (i < s.length) {
    const c = s[i]
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else cell += c
    } else if (c === '"' && cell === '') {
      quoted = true
    } else if (c === '\t') {
      row.push(cell)
      cell = ''
    } else if (c === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else {
      cell += c
    }
    i++
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''))
}

const HEADER: [RegExp, Part][] = [
  [/^(序号|编号|no\.?|#)$/i, 'skip'],
  [/类型|type/i, 'data_type'],
  [/长度|length|size/i, 'length'],
  [/说明|描述|备注|description|notes?/i, 'description'],
  [/名称|信息项|字段|数据项|name|item|field/i, 'name'],
]

function headerParts(row: string[]): Part[] | null {
  const parts = row.map((c) => HEADER.find(([re]) => re.test(c))?.[1] ?? null)
  return parts.includes('name') && parts.every((p) => p !== null) ? (parts as Part[]) : null
}

/**
 * Data items from pasted text: `名称\t类型\t长度[\t说明]` per line. A header row (名称 / 类型 /
 * 长度 …) is recognised and decides the columns; a leading sequence-number column is dropped.
 */
export function parsePastedItems(text: string): PastedItem[] {
  let rows = splitTsv(text)
  if (!rows.length) return []
  let parts: Part[] = ['name', 'data_type', 'length', 'description']
  const header = headerParts(rows[0])
  if (header) {
    parts = header
    rows = rows.slice(1)
  } else if (rows.every((r) => r.length >= 2 && /^\d+$/.test(r[0]))) {
    parts = ['skip', ...parts]
  }
  return rows
    .map((r) => {
      const item: PastedItem = { name: '', data_type: '', length: '', description: '' }
      r.forEach((cell, i) => {
        const part = parts[i]
        if (part && part !== 'skip' && !item[part]) item[part] = cell.replace(/\s*\n\s*/g, ' ')
      })
      return item
    })
    .filter((item) => item.name !== '')
}

/** Whether pasted text is more than one cell (so the table, not the input, should take it). */
export function isMultiCell(text: string): boolean {
  return /[\t\n]/.test(text.trim())
}
