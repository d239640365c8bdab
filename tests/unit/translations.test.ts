import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineMessages } from '../../common/i18n/define';
import { startupTexts } from '../../common/i18n/startup';
import type { Language } from '../../common/languages';
import { resources } from '../../renderer/src/i18n';
import { GLOSSARY } from '../../renderer/src/i18n/glossary';

const root = resolve(import.meta.dirname, '../..');
type Texts = Record<Language, object>;

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value as object).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)[^}]*}}/g)].map((m) => m[1]).sort();

/** Keys Dutch or Danish lack or add, empty texts, and placeholders that differ from the English ones. */
function problems(texts: Texts): string[] {
  const english = flatten(texts.en);
  const found = Object.entries(english)
    .filter(([, text]) => text.trim() === '')
    .map(([key]) => `en: ${key} is empty`);
  for (const language of ['nl', 'da'] as const) {
    const other = flatten(texts[language]);
    for (const key of Object.keys(english)) if (!(key in other)) found.push(`${language}: ${key} is missing`);
    for (const [key, text] of Object.entries(other)) {
      const expected = english[key];
      if (expected === undefined) found.push(`${language}: ${key} is not in English`);
      else if (placeholders(text).join() !== placeholders(expected).join())
        found.push(
          `${language}: ${key} has {{${placeholders(text).join()}}}, English {{${placeholders(expected).join()}}}`,
        );
      if (text.trim() === '') found.push(`${language}: ${key} is empty`);
    }
  }
  return found;
}

const isTexts = (value: unknown): value is Texts =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).sort().join() === 'da,en,nl' &&
  Object.values(value).every((texts) => typeof texts === 'object');

/**
 * The shared layer's texts: every `defineMessages` export of common/i18n, found on disk, so a
 * new module is checked without being listed here. Those the renderer composes into its
 * resources (common.ts) are checked with the renderer's; the others are main's, db's and the CLI's.
 */
const I18N = resolve(root, 'common/i18n');
const rendererIndex = readFileSync(resolve(root, 'renderer/src/i18n/index.ts'), 'utf8');
const shared = (
  await Promise.all(
    readdirSync(I18N)
      .filter((file) => file.endsWith('.ts'))
      .map(async (file) => {
        const exported = (await import(resolve(I18N, file))) as Record<string, unknown>;
        const stem = file.replace(/\.ts$/, '');
        return Object.entries(exported).flatMap(([name, texts]) => (isTexts(texts) ? [{ stem, name, texts }] : []));
      }),
  )
)
  .flat()
  .filter((module) => !rendererIndex.includes(`common/i18n/${module.stem}'`));

const catalogs: [string, Texts][] = [
  ['renderer', { en: resources.en.translation, nl: resources.nl.translation, da: resources.da.translation }],
  ...shared.map(({ stem, name, texts }): [string, Texts] => [`common/i18n/${stem} ${name}`, texts]),
];

function sources(folders: readonly string[], keep: (file: string) => boolean = () => true) {
  return folders.flatMap((folder) =>
    readdirSync(resolve(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && keep(`${folder}/${file}`))
      .map((file) => ({ file: `${folder}/${file}`, text: readFileSync(resolve(root, folder, file), 'utf8') })),
  );
}
/** A shared module's consumers: the files of main, db, preload and common that import it. */
const outsideRenderer = sources(['main', 'db', 'preload', 'common'], (file) => !file.startsWith('common/i18n/'));
const importersOf = (stem: string) =>
  outsideRenderer
    .filter(({ text }) => new RegExp(`from '[./]*(common/)?i18n/${stem}'`).test(text))
    .map(({ text }) => text);

/**
 * Keys of a shared module its consumers never mention. A key counts as used when its last
 * name is read (`.restore`) or named (`'busy'`, as a key chosen at run time), or a part of
 * its path is indexed at run time (`words.by[row.scoredBy]`). Array items count as their array.
 */
function unused(texts: Texts, source: string): string[] {
  const keys = new Set(Object.keys(flatten(texts.en)).map((key) => key.replace(/_(one|other)$/, '')));
  return [...keys].filter((key) => {
    const path = key.split('.').filter((part) => !/^\d+$/.test(part));
    const leaf = path.at(-1) ?? key;
    const read = new RegExp(`\\.${leaf}\\b|'${leaf}'`).test(source);
    return !read && !path.slice(0, -1).some((part) => source.includes(`.${part}[`));
  });
}

describe('translations', () => {
  it('finds the texts of main, db and the CLI in common/i18n', () => {
    expect(shared.map((module) => module.name)).toEqual(
      expect.arrayContaining(['cliTexts', 'exportTexts', 'fileTexts', 'menuTexts', 'starterTexts', 'startupTexts']),
    );
  });

  it.each(catalogs)(
    '%s: Dutch and Danish have every key of English, no extra, none empty, same placeholders',
    (_name, texts) => {
      expect(problems(texts)).toEqual([]);
    },
  );

  it('notices a missing Danish text and a dropped placeholder', () => {
    const { restoreOffer: _dropped, ...withoutOne } = startupTexts.da;
    expect(problems({ ...startupTexts, da: withoutOne })).toEqual(['da: restoreOffer is missing']);
    const dropped = { ...startupTexts.da, noBackup: startupTexts.da.noBackup.replace('{{moved}}', 'et andet sted') };
    expect(problems({ ...startupTexts, da: dropped })).toEqual(['da: noBackup has {{}}, English {{moved}}']);
    expect(problems({ ...startupTexts, nl: { ...startupTexts.nl, quit: ' ' } })).toEqual(['nl: quit is empty']);
  });

  it('does not compile texts without a Danish key, or with a key English lacks', () => {
    // @ts-expect-error: da lacks `quit`
    defineMessages({ en: { quit: 'Quit' }, nl: { quit: 'Afsluiten' }, da: {} });
    // @ts-expect-error: da has a key English lacks
    defineMessages({ en: { quit: 'Quit' }, nl: { quit: 'Afsluiten' }, da: { quit: 'Afslut', extra: 'Ekstra' } });
  });

  it('translates, not just copies English', () => {
    const copies = (texts: Texts, language: 'nl' | 'da') => {
      const english = flatten(texts.en);
      const other = flatten(texts[language]);
      return Object.keys(english).filter(
        (k) =>
          other[k] === english[k] && english[k]!.replace(/{{\w+}}/g, '').length > 12 && !k.startsWith('languages.'),
      );
    };
    for (const [name, texts] of catalogs) {
      expect(copies(texts, 'nl'), name).toEqual([]);
      expect(copies(texts, 'da'), name).toEqual([]);
    }
  });

  it('keeps texts per language only in common/i18n and the renderer’s messages files', () => {
    // Demo data is made-up content, not Koers's words; the default catalog names are part of `common`.
    const elsewhere = sources(['main', 'db', 'preload', 'common', 'renderer/src'])
      .filter(({ text }) => /\bnl: ['{[]/.test(text) && /\bda: ['{[]/.test(text))
      .map(({ file }) => file)
      .filter(
        (file) =>
          !/^(common\/i18n\/|db\/demo\/|renderer\/src\/i18n\/)/.test(file) &&
          !file.endsWith('/messages.ts') &&
          file !== 'common/contract/catalog-names.ts',
      );
    expect(elsewhere).toEqual([]);
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

  it.each(shared.map((module) => [`common/i18n/${module.stem} ${module.name}`, module] as const))(
    '%s: every key is used where it is imported',
    (_name, { stem, texts }) => {
      const importers = importersOf(stem);
      expect(importers.length).toBeGreaterThan(0);
      expect(unused(texts, importers.join('\n'))).toEqual([]);
    },
  );

  it('notices a text no one shows', () => {
    const source = importersOf('startup').join('\n');
    expect(unused(startupTexts, source)).toEqual([]);
    expect(unused(startupTexts, source.replaceAll('messages.restoreRefused', 'messages.noBackup'))).toEqual([
      'restoreRefused',
    ]);
  });
});

/**
 * Words that merely contain an avoided one: left out of that check. “sekunder” holds “kunde”;
 * the starter sheets speak of an employer's customers, who are not clients.
 */
const INNOCENT: Partial<Record<Language, string[]>> = {
  da: ['sekund', 'kolleger og kunder'],
  en: ['colleagues and customers'],
};

describe('glossary', () => {
  it('every language follows the glossary: the chosen term is used, its near-synonyms are not', () => {
    for (const language of ['nl', 'da', 'en'] as const) {
      const texts = catalogs
        .flatMap(([, all]) => Object.values(flatten(all[language])))
        .join('\n')
        .toLocaleLowerCase(language);
      const checked = (INNOCENT[language] ?? []).reduce((text, word) => text.replaceAll(word, ' '), texts);
      for (const entry of GLOSSARY) {
        for (const word of entry.avoid[language] ?? [])
          expect(
            checked.includes(word.toLocaleLowerCase(language)),
            `${language}: “${word}” instead of “${entry.term[language]}” (${entry.concept})`,
          ).toBe(false);
      }
      for (const entry of GLOSSARY) {
        expect(
          texts.includes(entry.term[language].toLocaleLowerCase(language)),
          `${language} uses “${entry.term[language]}”`,
        ).toBe(true);
      }
    }
  });
});

describe('words that stand side by side', () => {
  it('a to-do kind and a note kind never have the same name (an appointment is not an agreement)', () => {
    for (const language of ['nl', 'da', 'en'] as const) {
      const { actionKinds, notes } = resources[language].translation;
      const todoKinds = Object.values(actionKinds).map((k) => k.toLocaleLowerCase(language));
      const shared = Object.values(notes.kinds).filter((k) => todoKinds.includes(k.toLocaleLowerCase(language)));
      expect(shared, language).toEqual([]);
    }
  });
});
