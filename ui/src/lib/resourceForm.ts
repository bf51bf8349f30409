// The resource form: which field goes in which group, with which control, and how a stored
// resource reads as the text each control shows. Saving sends that text back to the core
// (`fields::set`), which normalises it. Labels, help and value domains are the core's field
// registry's (data/fields.toml), received as `FieldSpec`s: the form only places them.
import type { FieldSpec, Resource } from '../bindings/mulu'
import type { Locale } from '../i18n'
import type { DomainName } from './domains'

export type Control = 'text' | 'textarea' | 'select' | 'types' | 'switch' | 'items'

export interface FieldDef {
  key: string
  control: Control
  /** For `select` and `types`: the value domain, from the field's spec. For `types`: the class
   *  field whose types are suggested. */
  domain?: DomainName
  classKey?: string
  wide?: boolean
  mono?: boolean
  placeholder?: string
}

export interface Group {
  id: 'basic' | 'format' | 'sharing' | 'open' | 'grading'
  fields: FieldDef[]
}

export const GROUPS: Group[] = [
  {
    id: 'basic',
    fields: [
      { key: 'name', control: 'text', wide: true },
      { key: 'code', control: 'text', mono: true, placeholder: '352111009/000001' },
      { key: 'classification', control: 'text', mono: true },
      { key: 'provider_name', control: 'text' },
      { key: 'provider_code', control: 'text', mono: true },
      { key: 'abstract', control: 'textarea', wide: true },
      { key: 'update_cycle', control: 'select' },
      { key: 'published_on', control: 'text', placeholder: '2026-03-01' },
      { key: 'updated_on', control: 'text', placeholder: '2026-10-31' },
    ],
  },
  {
    id: 'format',
    fields: [
      { key: 'format.class', control: 'select' },
      { key: 'format.type', control: 'types', classKey: 'format.class' },
      { key: 'items', control: 'items', wide: true },
    ],
  },
  {
    id: 'sharing',
    fields: [
      { key: 'sharing.type', control: 'select' },
      { key: 'sharing.condition', control: 'textarea', wide: true },
      { key: 'sharing.basis', control: 'textarea', wide: true },
      { key: 'sharing.method.class', control: 'select' },
      { key: 'sharing.method.type', control: 'types', classKey: 'sharing.method.class' },
    ],
  },
  {
    id: 'open',
    fields: [
      { key: 'open.type', control: 'select' },
      { key: 'open.declassified', control: 'switch' },
      { key: 'open.condition', control: 'textarea', wide: true },
      { key: 'open.basis', control: 'textarea', wide: true },
      { key: 'open.method', control: 'select' },
      { key: 'open.address', control: 'text', wide: true, mono: true, placeholder: 'https://' },
      { key: 'open.apply', control: 'textarea', wide: true },
    ],
  },
  {
    id: 'grading',
    fields: [
      { key: 'sensitivity', control: 'select' },
      { key: 'source_business', control: 'text' },
      { key: 'source_system', control: 'text' },
      { key: 'category', control: 'text' },
      { key: 'usage_requirements', control: 'textarea', wide: true },
      { key: 'related_codes', control: 'text', wide: true, mono: true },
      { key: 'record_count', control: 'text' },
      { key: 'data_volume_gb', control: 'text' },
      { key: 'notes', control: 'textarea', wide: true },
    ],
  },
]

/** A placed field with its value domain from its spec. */
function withDomain(f: FieldDef, specs: FieldSpec[] | undefined): FieldDef {
  const domain = specs?.find((s) => s.key === f.key)?.domain as DomainName | null | undefined
  return domain ? { ...f, domain } : f
}

/** The groups, each field with its domain, and any field the core lists but the form does not
 *  place added to the last (a dropdown when it has a domain, else text). */
export function groupsFor(specs: FieldSpec[]): Group[] {
  const placed = new Set(GROUPS.flatMap((g) => g.fields.map((f) => f.key)))
  const extra: FieldDef[] = specs
    .filter((s) => !placed.has(s.key))
    .map((s) => withDomain({ key: s.key, control: s.domain ? 'select' : 'text', wide: !s.domain }, specs))
  return GROUPS.map((g, i) => ({
    ...g,
    fields: [...g.fields.map((f) => withDomain(f, specs)), ...(i === GROUPS.length - 1 ? extra : [])],
  }))
}

/** The form's definition of a field (its control, its domain from `specs`); a plain text field otherwise. */
export function defOf(key: string, specs: FieldSpec[] | undefined): FieldDef {
  return withDomain(GROUPS.flatMap((g) => g.fields).find((f) => f.key === key) ?? { key, control: 'text' }, specs)
}

/** A field's help line in the person's language, from its spec. */
export function helpOf(spec: FieldSpec | undefined, locale: Locale): string {
  return (locale === 'en' ? spec?.help_en : spec?.help_zh) ?? ''
}

/** A resource field as the text its control holds (domain fields: their stored key). */
export function fieldText(r: Resource, key: string): string {
  switch (key) {
    case 'classification': {
      const c = r.classification
      if (!c) return ''
      const parts = [c.class, c.item, c.category, c.subcategory]
      const digits = parts.every((p) => p == null || /^\d*$/.test(p))
      return digits && c.item ? parts.filter(Boolean).join('') : (c.class ?? '')
    }
    case 'related_codes':
      return r.related_codes.join('；')
    case 'open.declassified':
      return r.open.declassified ? '是' : '否'
    case 'items':
      return ''
  }
  let v: unknown = r
  for (const part of key.split('.')) v = v == null ? undefined : (v as Record<string, unknown>)[part]
  return v == null ? '' : String(v)
}
