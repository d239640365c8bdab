import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/src/i18n';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as object).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)[^}]*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = flatten(resources.en.translation);
  it.each([
    ['nl', resources.nl.translation],
    ['da', resources.da.translation],
  ])('%s has every key of English, no extra, none empty, same placeholders', (_lang, messages) => {
    const other = flatten(messages);
    expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(other)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english[key]!));
    }
  });

  it('translates, not just copies English', () => {
    const copies = (lang: 'nl' | 'da') => {
      const other = flatten(resources[lang].translation);
      return Object.keys(english).filter((k) => other[k] === english[k] && english[k]!.replace(/{{\w+}}/g, '').length > 12 && !k.startsWith('languages.'));
    };
    expect(copies('nl')).toEqual([]);
    expect(copies('da')).toEqual([]);
  });
});
