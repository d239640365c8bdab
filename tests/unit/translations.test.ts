import { describe, expect, it } from 'vitest';
import { da } from '../../renderer/src/locales/da';
import { en } from '../../renderer/src/locales/en';
import { nl } from '../../renderer/src/locales/nl';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as object).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = flatten(en);
  it.each([
    ['nl', nl],
    ['da', da],
  ])('%s has every key of English, no extra, none empty, same placeholders', (_lang, messages) => {
    const other = flatten(messages);
    expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(other)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english[key]!));
    }
  });

  it('translates the client list title, not just copies English', () => {
    expect(nl.clients.title).not.toBe(en.clients.title);
    expect(da.clients.title).not.toBe(en.clients.title);
  });
});
