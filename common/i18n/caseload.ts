import { defineMessages } from './define';

/** The caseload's column headers: the screen and the export of the caseload as shown use the same words. */
export const caseloadTexts = defineMessages({
  en: {
    columns: {
      name: 'Name',
      reference: 'Reference',
      targetGroup: 'Target group',
      stage: 'Stage',
      weeks: 'Weeks in stage',
      next: 'Next to-do',
      due: 'Due',
      overdue: 'Overdue',
      lastScored: 'Last scored',
      scoringDue: 'Scoring due',
      weight: 'Weight',
      caseworker: 'Caseworker',
    },
  },
  nl: {
    columns: {
      name: 'Naam',
      reference: 'Klantnummer',
      targetGroup: 'Doelgroep',
      stage: 'Fase',
      weeks: 'Weken in fase',
      next: 'Volgende taak',
      due: 'Datum',
      overdue: 'Te laat',
      lastScored: 'Laatst gescoord',
      scoringDue: 'Scoren op',
      weight: 'Gewicht',
      caseworker: 'Klantmanager',
    },
  },
  da: {
    columns: {
      name: 'Navn',
      reference: 'Sagsnummer',
      targetGroup: 'Målgruppe',
      stage: 'Fase',
      weeks: 'Uger i fase',
      next: 'Næste opgave',
      due: 'Dato',
      overdue: 'Overskredet',
      lastScored: 'Sidst scoret',
      scoringDue: 'Scoring senest',
      weight: 'Vægt',
      caseworker: 'Sagsbehandler',
    },
  },
});
