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
    // One Danish word, as the fields, the errors and a sheet's file layout say: not kendetegn
    // (once the editor's), not niveau (the level itself, its number).
    concept: 'the short name of a level of an indicator',
    term: { nl: 'naam', da: 'betegnelse', en: 'label' },
    avoid: { da: ['kendetegn'] },
  },
  {
    concept: 'what a level of an indicator means',
    term: { nl: 'omschrijving', da: 'beskrivelse', en: 'level description' },
    avoid: {},
  },
  {
    // Side by side on the timeline with the agreement note below: each kind its own word.
    concept: 'a to-do that is a meeting with the client',
    term: { nl: 'afspraak', da: 'møde', en: 'appointment' },
    avoid: {},
  },
  {
    concept: 'a note of what was agreed with the client',
    term: { nl: 'gemaakte afspraken', da: 'aftale', en: 'agreement' },
    avoid: {},
  },
  {
    concept: 'a phase of the methodical cycle',
    term: { nl: 'fase', da: 'fase', en: 'stage' },
    avoid: { nl: ['stadium'], en: ['phase'] },
  },
  {
    concept: 'a key person who maintains the sheets',
    term: { nl: 'kwaliteitsmedewerker', da: 'nøgleperson', en: 'key person' },
    avoid: { nl: ['aandachtsfunctionaris'] },
  },
];
