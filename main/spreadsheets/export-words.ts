import type { Language } from '../contract/languages';

/** Column headers, worksheet names and values of the spreadsheet exports, per language. */
export const EXPORT_WORDS = {
  en: {
    reference: 'Reference', pseudonym: 'Pseudonym', firstName: 'First name', lastName: 'Last name', dateOfBirth: 'Date of birth', phone: 'Phone', email: 'E-mail',
    targetGroup: 'Target group', stage: 'Stage', stageSince: 'In stage since', caseworker: 'Caseworker', startDate: 'Start date', status: 'Status',
    sheet: 'Sheet', version: 'Version', indicator: 'Indicator', date: 'Date', scoredBy: 'Scored by', value: 'Value', level: 'Level', comment: 'Comment',
    closedOn: 'Closed on', reason: 'Reason', weeks: 'Weeks in caseload', count: 'Cases',
    scores: 'Scores', levels: 'Level descriptions', levelDescription: 'Description', caseload: 'Caseload', closed: 'Closed cases', summary: 'Per reason',
    by: { caseworker: 'caseworker', client: 'client', together: 'together' }, statuses: { active: 'active', closed: 'closed' },
    files: { scores: 'Scores', caseload: 'Caseload', closed: 'Closed cases', sheet: 'Scoring sheet' }, spreadsheet: 'Excel workbook', csv: 'CSV',
  },
  nl: {
    reference: 'Klantnummer', pseudonym: 'Pseudoniem', firstName: 'Voornaam', lastName: 'Achternaam', dateOfBirth: 'Geboortedatum', phone: 'Telefoon', email: 'E-mail',
    targetGroup: 'Doelgroep', stage: 'Fase', stageSince: 'In fase sinds', caseworker: 'Klantmanager', startDate: 'Startdatum', status: 'Status',
    sheet: 'Scorelijst', version: 'Versie', indicator: 'Indicator', date: 'Datum', scoredBy: 'Gescoord door', value: 'Score', level: 'Niveau', comment: 'Toelichting',
    closedOn: 'Afgesloten op', reason: 'Reden', weeks: 'Weken in caseload', count: 'Aantal',
    scores: 'Scores', levels: 'Niveaubeschrijvingen', levelDescription: 'Omschrijving', caseload: 'Caseload', closed: 'Afgesloten', summary: 'Per reden',
    by: { caseworker: 'klantmanager', client: 'klant', together: 'samen' }, statuses: { active: 'actief', closed: 'afgesloten' },
    files: { scores: 'Scores', caseload: 'Caseload', closed: 'Afgesloten trajecten', sheet: 'Scorelijst' }, spreadsheet: 'Excel-werkmap', csv: 'CSV',
  },
  da: {
    reference: 'Sagsnummer', pseudonym: 'Pseudonym', firstName: 'Fornavn', lastName: 'Efternavn', dateOfBirth: 'Fødselsdato', phone: 'Telefon', email: 'E-mail',
    targetGroup: 'Målgruppe', stage: 'Fase', stageSince: 'I fasen siden', caseworker: 'Sagsbehandler', startDate: 'Startdato', status: 'Status',
    sheet: 'Scoreark', version: 'Version', indicator: 'Indikator', date: 'Dato', scoredBy: 'Scoret af', value: 'Score', level: 'Niveau', comment: 'Bemærkning',
    closedOn: 'Afsluttet', reason: 'Årsag', weeks: 'Uger i sagsstammen', count: 'Antal',
    scores: 'Scorer', levels: 'Niveaubeskrivelser', levelDescription: 'Beskrivelse', caseload: 'Sagsstamme', closed: 'Afsluttede', summary: 'Pr. årsag',
    by: { caseworker: 'sagsbehandler', client: 'borger', together: 'sammen' }, statuses: { active: 'aktiv', closed: 'afsluttet' },
    files: { scores: 'Scorer', caseload: 'Sagsstamme', closed: 'Afsluttede sager', sheet: 'Scoreark' }, spreadsheet: 'Excel-projektmappe', csv: 'CSV',
  },
} as const satisfies Record<Language, unknown>;

export type ExportWords = (typeof EXPORT_WORDS)[Language];
