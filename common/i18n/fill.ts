/** Fills `{{name}}` placeholders, the syntax the renderer's i18next uses, for texts shown outside the renderer. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/**
 * The `_one` or `_other` form of a text for a count, filled with {{count}} and the other values
 * (the key pattern i18next uses; Dutch, Danish and English have just these two for whole numbers).
 */
export function plural<K extends string>(
  texts: Record<`${NoInfer<K>}_one` | `${NoInfer<K>}_other`, string>,
  key: K,
  count: number,
  values: Record<string, string | number> = {},
): string {
  return fill(texts[`${key}_${count === 1 ? 'one' : 'other'}`], { ...values, count });
}
