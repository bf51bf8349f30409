// Stored domain values (`公开`, `C`, `共享平台方式` …) shown in the person's language. Every
// place that shows a stored value goes through `valueLabel` (or the `useDomains` composable).
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { DomainValue, Domains } from '../bindings/mulu'
import type { Locale } from '../i18n'
import { domains as loadDomains } from './api'

export type DomainName = keyof Domains

/** Sharing-method types are stored in Chinese; their English words live in the message files. */
export const METHOD_TYPE_KEYS: Record<string, string> = {
  数据库: 'database',
  接口: 'api',
  文件: 'file',
  邮件: 'mail',
  拷贝: 'copy',
  介质交换: 'media',
}

/** A domain value's label: `zh` or `en`; data types in English keep their letter (`Character (C)`). */
export function optionLabel(v: DomainValue, domain: DomainName, locale: Locale): string {
  if (locale !== 'en') return v.zh
  return domain === 'data_type' ? `${v.en} (${v.key})` : v.en
}

/** The label of a stored value; a value outside the domain is shown exactly as written. */
export function valueLabel(
  domains: Domains | null,
  domain: DomainName,
  value: string | null | undefined,
  locale: Locale,
): string | null {
  if (value == null || value === '') return null
  const found = domains?.[domain].find((v) => v.key === value)
  return found ? optionLabel(found, domain, locale) : value
}

/** A sharing-method type (`接口`) in the person's language; other text as written. */
export function methodTypeLabel(value: string | null | undefined, t: (key: string) => string): string | null {
  if (!value) return null
  const key = METHOD_TYPE_KEYS[value]
  return key ? t(`methodType.${key}`) : value
}

const shared = ref<Domains | null>(null)
let loading: Promise<void> | null = null

/** Loads the domains once for the whole app (they never change while it runs). */
export function ensureDomains(): Promise<void> {
  loading ??= loadDomains().then(
    (d) => {
      shared.value = d
    },
    () => {
      loading = null // try again on the next call; meanwhile values show as stored
    },
  )
  return loading
}

/** For tests: sets the domains without IPC. */
export function provideDomains(d: Domains | null): void {
  shared.value = d
}

export function useDomains() {
  const { locale, t } = useI18n()
  const lang = computed(() => locale.value as Locale)
  void ensureDomains()
  return {
    domains: shared,
    label: (domain: DomainName, value: string | null | undefined) => valueLabel(shared.value, domain, value, lang.value),
    options: (domain: DomainName) =>
      (shared.value?.[domain] ?? []).map((v) => ({ value: v.key, label: optionLabel(v, domain, lang.value), types: v.types })),
    methodType: (value: string | null | undefined) => methodTypeLabel(value, t),
  }
}
