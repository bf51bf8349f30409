// A rough passphrase strength for the meter: length and variety of characters, with Chinese
// characters counting as a rich alphabet. Advice only; the core accepts any non-empty phrase.

export type Strength = 0 | 1 | 2 | 3 | 4

export function strength(p: string): Strength {
  if (!p) return 0
  const chars = [...p]
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^\w\s\u4e00-\u9fff]/, /[\u4e00-\u9fff]/, /\s/].filter((r) => r.test(p)).length
  const distinct = new Set(chars).size
  // Bits, roughly: each character of a mixed phrase is worth more than one of a single class.
  const perChar = /[\u4e00-\u9fff]/.test(p) ? 8 : 2 + classes * 1.2
  const bits = Math.min(chars.length, distinct * 2) * perChar
  if (bits < 30) return 1
  if (bits < 50) return 2
  if (bits < 70) return 3
  return 4
}
