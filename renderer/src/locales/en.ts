export const en = {
  app: {
    name: 'Koers',
    tagline: 'Caseload, progress and notes',
    language: 'Language',
    loading: 'Loading…',
  },
  languages: { nl: 'Nederlands', da: 'Dansk', en: 'English' },
  clients: {
    title: 'Clients',
    count_one: '{{count}} client',
    count_other: '{{count}} clients',
    search: 'Search clients',
    searchHint: 'Name, reference number or pseudonym',
    empty: 'No clients yet. Add your first client with the form.',
    noMatches: 'No clients match “{{search}}”.',
    columns: { pseudonym: 'Pseudonym', name: 'Name', reference: 'Reference number', added: 'Added' },
    noReference: 'none',
    add: {
      title: 'Add a client',
      firstName: 'First name',
      lastName: 'Last name',
      reference: 'Reference number',
      referenceHint: 'Optional: the client number in the municipal system.',
      submit: 'Add client',
      saving: 'Saving…',
      added: '{{name}} was added as {{pseudonym}}.',
    },
  },
  fields: { firstName: 'First name', lastName: 'Last name', reference: 'Reference number' },
  errors: {
    validation: 'Please check the fields marked below. Nothing was saved.',
    rule: {
      required: '{{field}} is required.',
      too_long: '{{field}} can be at most {{limit}} characters.',
      too_short: '{{field}} needs at least {{limit}} characters.',
      invalid: '{{field}} is not valid.',
      unknown_field: 'Koers does not know the field {{field}}.',
    },
    conflict: {
      reference: 'Reference number {{value}} already belongs to {{name}}. Nothing was saved.',
      generic: 'This conflicts with data that already exists. Nothing was saved.',
    },
    not_found: 'This item no longer exists.',
    internal: 'Something went wrong in Koers. Nothing was saved; please try again.',
    loadFailed: 'The clients could not be loaded.',
  },
};

export type Messages = typeof en;
