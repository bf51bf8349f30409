import { createI18n } from 'vue-i18n'
import type { Lang } from '../bindings/mulu'
import zhCN from './zh-CN'
import en from './en'

export type Locale = 'zh-CN' | 'en'

const STORAGE_KEY = 'mulu.locale'

export const messages = { 'zh-CN': zhCN, en }

/** The remembered choice; Chinese unless the person switched to English before. */
export function savedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage can be unavailable; the switch still works for this session.
  }
}

/** The core's language for a UI locale (findings and errors come back in it). */
export function coreLang(locale: Locale): Lang {
  return locale === 'en' ? 'en' : 'zh'
}

export function makeI18n(locale: Locale = savedLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
  })
}
