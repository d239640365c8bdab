import type { Language } from '../../../common/languages';

/**
 * The domain's words in each language, as the field uses them (see the seeds:
 * Dutch klantmanagers and gezinsmanagers, Danish jobcentre sagsbehandlere). The UI
 * uses `term`; `avoid` lists near-synonyms that must not creep in (a test checks
 * every message).
 */
export interface GlossaryEntry {
  concept: string;
  term: Record<Language, string>;
  avoid: Partial<Record<Language, readonly string[]>>;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    concept: 'the person who holds a caseload',
    term: { nl: 'klantmanager', da: 'sagsbehandler', en: 'caseworker' },
    avoid: { nl: ['consulent', 'casemanager'], da: ['rådgiver', 'konsulent'], en: ['case manager', 'consultant'] },
  },
  {
    concept: 'the person a case is about',
    term: { nl: 'klant', da: 'borger', en: 'client' },
    avoid: { nl: ['cliënt', 'burger'], da: ['klient', 'kunde'], en: ['customer', 'citizen'] },
  },
  {
    concept: 'all clients of a caseworker',
    term: { nl: 'caseload', da: 'sagsstamme', en: 'caseload' },
    avoid: { nl: ['klantenbestand'], da: ['caseload', 'sagsportefølje'] },
  },
  {
    concept: 'a group of clients with the same arrangement',
    term: { nl: 'doelgroep', da: 'målgruppe', en: 'target group' },
    avoid: { nl: ['categorie'], da: ['kategori'] },
  },
  {
    concept: 'a scoring template',
    term: { nl: 'scorelijst', da: 'scoreark', en: 'scoring sheet' },
    avoid: { nl: ['scoreformulier'], da: ['scoringsark'], en: ['scorecard'] },
  },
  {
    concept: 'one thing scored on a sheet',
    term: { nl: 'indicator', da: 'indikator', en: 'indicator' },
    avoid: { nl: ['leefgebied'], da: ['parameter'] },
  },
  {
    concept: 'what a level of an indicator means',
    term: { nl: 'omschrijving', da: 'kendetegn', en: 'level description' },
    avoid: {},
  },
  {
    concept: 'a phase of the methodical cycle',
    term: { nl: 'fase', da: 'fase', en: 'stage' },
    avoid: { nl: ['stadium'], en: ['phase'] },
  },
  {
    concept: 'a key person who maintains the sheets',
    term: { nl: 'aandachtsfunctionaris', da: 'nøgleperson', en: 'key person' },
    avoid: {},
  },
];
