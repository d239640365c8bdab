import type { Messages } from './en';

export const da: Messages = {
  app: {
    name: 'Koers',
    tagline: 'Sagsstamme, progression og notater',
    language: 'Sprog',
    loading: 'Indlæser…',
  },
  languages: { nl: 'Nederlands', da: 'Dansk', en: 'English' },
  clients: {
    title: 'Borgere',
    count_one: '{{count}} borger',
    count_other: '{{count}} borgere',
    search: 'Søg efter borgere',
    searchHint: 'Navn, sagsnummer eller pseudonym',
    empty: 'Ingen borgere endnu. Tilføj din første borger med formularen.',
    noMatches: 'Ingen borgere matcher “{{search}}”.',
    columns: { pseudonym: 'Pseudonym', name: 'Navn', reference: 'Sagsnummer', added: 'Tilføjet' },
    noReference: 'intet',
    add: {
      title: 'Tilføj borger',
      firstName: 'Fornavn',
      lastName: 'Efternavn',
      reference: 'Sagsnummer',
      referenceHint: 'Valgfrit: borgerens nummer i kommunens system.',
      submit: 'Tilføj borger',
      saving: 'Gemmer…',
      added: '{{name}} er tilføjet som {{pseudonym}}.',
    },
  },
  fields: { firstName: 'Fornavn', lastName: 'Efternavn', reference: 'Sagsnummer' },
  errors: {
    validation: 'Tjek de markerede felter. Intet er gemt.',
    rule: {
      required: '{{field}} skal udfyldes.',
      too_long: '{{field}} må højst være {{limit}} tegn.',
      too_short: '{{field}} skal være mindst {{limit}} tegn.',
      invalid: '{{field}} er ikke gyldigt.',
      unknown_field: 'Koers kender ikke feltet {{field}}.',
    },
    conflict: {
      reference: 'Sagsnummer {{value}} tilhører allerede {{name}}. Intet er gemt.',
      generic: 'Dette er i konflikt med data, der allerede findes. Intet er gemt.',
    },
    not_found: 'Dette findes ikke længere.',
    internal: 'Der gik noget galt i Koers. Intet er gemt; prøv igen.',
    loadFailed: 'Borgerne kunne ikke indlæses.',
  },
};
