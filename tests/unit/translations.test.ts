import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/src/i18n';
import { GLOSSARY } from '../../renderer/src/i18n/glossary';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value as object).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)),
  );
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
      return Object.keys(english).filter(
        (k) =>
          other[k] === english[k] && english[k]!.replace(/{{\w+}}/g, '').length > 12 && !k.startsWith('languages.'),
      );
    };
    expect(copies('nl')).toEqual([]);
    expect(copies('da')).toEqual([]);
  });
});

describe('every message is used', () => {
  it('has no key that the renderer never asks for', () => {
    const files = readdirSync(resolve(import.meta.dirname, '../../renderer/src'), {
      recursive: true,
      encoding: 'utf8',
    }).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('messages.ts') && !f.includes('i18n/'));
    const source = files
      .map((f) => readFileSync(resolve(import.meta.dirname, '../../renderer/src', f), 'utf8'))
      .join('\n');
    // Keys built at run time: `charts.${which}`, `errors.rule.${rule}`, …
    const prefixes = [...source.matchAll(/`([\w.]+)\.\$\{/g)].map((m) => `${m[1]}.`);
    const english = Object.keys(flatten(resources.en.translation)).map((k) => k.replace(/_(one|other)$/, ''));
    const unused = [...new Set(english)].filter(
      (key) =>
        !source.includes(`'${key}'`) &&
        !source.includes(`"${key}"`) &&
        !source.includes(`\`${key}\``) &&
        !prefixes.some((p) => key.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});

/** Words that merely contain an avoided one (“sekunder” holds “kunde”): left out of that check. */
const INNOCENT: Partial<Record<'nl' | 'da' | 'en', string[]>> = { da: ['sekund'] };

describe('glossary', () => {
  it('every language follows the glossary: the chosen term is used, its near-synonyms are not', () => {
    for (const language of ['nl', 'da', 'en'] as const) {
      const texts = Object.values(flatten(resources[language].translation)).join('\n').toLocaleLowerCase(language);
      const checked = (INNOCENT[language] ?? []).reduce((text, word) => text.replaceAll(word, ' '), texts);
      for (const entry of GLOSSARY) {
        for (const word of entry.avoid[language] ?? [])
          expect(
            checked.includes(word.toLocaleLowerCase(language)),
            `${language}: “${word}” instead of “${entry.term[language]}” (${entry.concept})`,
          ).toBe(false);
      }
      for (const entry of GLOSSARY.filter((e) => e.concept !== 'a key person who maintains the sheets')) {
        expect(
          texts.includes(entry.term[language].toLocaleLowerCase(language)),
          `${language} uses “${entry.term[language]}”`,
        ).toBe(true);
      }
    }
  });
});
