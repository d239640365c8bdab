import type { Messages } from './en';

export const nl: Messages = {
  app: {
    name: 'Koers',
    tagline: 'Caseload, voortgang en notities',
    language: 'Taal',
    loading: 'Laden…',
  },
  languages: { nl: 'Nederlands', da: 'Dansk', en: 'English' },
  clients: {
    title: 'Klanten',
    count_one: '{{count}} klant',
    count_other: '{{count}} klanten',
    search: 'Klanten zoeken',
    searchHint: 'Naam, klantnummer of pseudoniem',
    empty: 'Nog geen klanten. Voeg met het formulier uw eerste klant toe.',
    noMatches: 'Geen klanten gevonden voor “{{search}}”.',
    columns: { pseudonym: 'Pseudoniem', name: 'Naam', reference: 'Klantnummer', added: 'Toegevoegd' },
    noReference: 'geen',
    add: {
      title: 'Klant toevoegen',
      firstName: 'Voornaam',
      lastName: 'Achternaam',
      reference: 'Klantnummer',
      referenceHint: 'Niet verplicht: het klantnummer in het gemeentelijke systeem.',
      submit: 'Klant toevoegen',
      saving: 'Opslaan…',
      added: '{{name}} is toegevoegd als {{pseudonym}}.',
    },
  },
  fields: { firstName: 'Voornaam', lastName: 'Achternaam', reference: 'Klantnummer' },
  errors: {
    validation: 'Controleer de gemarkeerde velden. Er is niets opgeslagen.',
    rule: {
      required: '{{field}} is verplicht.',
      too_long: '{{field}} mag hoogstens {{limit}} tekens lang zijn.',
      too_short: '{{field}} moet minstens {{limit}} tekens lang zijn.',
      invalid: '{{field}} is niet geldig.',
      unknown_field: 'Koers kent het veld {{field}} niet.',
    },
    conflict: {
      reference: 'Klantnummer {{value}} hoort al bij {{name}}. Er is niets opgeslagen.',
      generic: 'Dit botst met gegevens die al bestaan. Er is niets opgeslagen.',
    },
    not_found: 'Dit bestaat niet meer.',
    internal: 'Er ging iets mis in Koers. Er is niets opgeslagen; probeer het opnieuw.',
    loadFailed: 'De klanten konden niet worden geladen.',
  },
};
