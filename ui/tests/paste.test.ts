import { describe, expect, it } from 'vitest'
import { isMultiCell, parsePastedItems, splitTsv } from '../src/lib/paste'

describe('rows pasted from Excel / WPS', () => {
  it('reads name, type and length per line', () => {
    expect(parsePastedItems('姓名\t字符型\t20\r\n公民身份号码\tC\t18\r\n')).toEqual([
      { name: '姓名', data_type: '字符型', length: '20', description: '' },
      { name: '公民身份号码', data_type: 'C', length: '18', description: '' },
    ])
  })

  it('takes the columns from a header row, in any order, and drops a sequence column', () => {
    const text = '序号\t数据类型\t信息项名称\t长度\t说明\n1\tN\t预算金额\t12,2\t单位：元\n2\tC\t科目名称\t\t\n'
    expect(parsePastedItems(text)).toEqual([
      { name: '预算金额', data_type: 'N', length: '12,2', description: '单位：元' },
      { name: '科目名称', data_type: 'C', length: '', description: '' },
    ])
  })

  it('drops a leading sequence-number column without a header', () => {
    expect(parsePastedItems('1\t姓名\tC\t20\n2\t住址\tC\t200').map((i) => i.name)).toEqual(['姓名', '住址'])
  })

  it('accepts a single column of names, and skips blank lines and nameless rows', () => {
    expect(parsePastedItems('姓名\n\n  \n住址\n').map((i) => i.name)).toEqual(['姓名', '住址'])
    expect(parsePastedItems('\tC\t10')).toEqual([])
  })

  it('honours Excel quoting of cells with line breaks and quotes', () => {
    expect(splitTsv('"家庭\n住址"\tC\n"说""明"\tM\n')).toEqual([
      ['家庭\n住址', 'C'],
      ['说"明', 'M'],
    ])
    expect(parsePastedItems('"家庭\n住址"\tC\t200')[0].name).toBe('家庭 住址')
  })

  it('tells a multi-cell paste from a single value', () => {
    expect(isMultiCell('姓名')).toBe(false)
    expect(isMultiCell('姓名\n')).toBe(false)
    expect(isMultiCell('姓名\tC')).toBe(true)
    expect(isMultiCell('姓名\n住址')).toBe(true)
  })
})
