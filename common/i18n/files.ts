import { defineMessages } from './define';

/**
 * Words in the save and open dialogs: the file types offered (`types`, `importable`
 * for the spreadsheets and text files an import reads) and the first words of the
 * names Koers suggests (`names`, as in “Scores 2026-11-23.xlsx”).
 */
export const fileTexts = defineMessages({
  en: {
    types: {
      spreadsheet: 'Excel workbook',
      csv: 'CSV',
      importable: 'Spreadsheet',
      image: 'PNG image',
      pdf: 'PDF document',
      json: 'JSON',
    },
    names: {
      scores: 'Scores',
      caseload: 'Caseload',
      closed: 'Closed cases',
      sheet: 'Scoring sheet',
      chart: 'Progression',
      report: 'Progress report',
      personalData: 'Personal data',
      importReport: 'Import report',
      paperSheets: 'Paper sheets',
    },
  },
  nl: {
    types: {
      spreadsheet: 'Excel-werkmap',
      csv: 'CSV',
      importable: 'Spreadsheet',
      image: 'PNG-afbeelding',
      pdf: 'PDF-document',
      json: 'JSON',
    },
    names: {
      scores: 'Scores',
      caseload: 'Caseload',
      closed: 'Afgesloten trajecten',
      sheet: 'Scorelijst',
      chart: 'Voortgang',
      report: 'Voortgangsrapport',
      personalData: 'Gegevens',
      importReport: 'Importverslag',
      paperSheets: 'Papieren scorelijsten',
    },
  },
  da: {
    types: {
      spreadsheet: 'Excel-projektmappe',
      csv: 'CSV',
      importable: 'Regneark',
      image: 'PNG-billede',
      pdf: 'PDF-dokument',
      json: 'JSON',
    },
    names: {
      scores: 'Scorer',
      caseload: 'Sagsstamme',
      closed: 'Afsluttede sager',
      sheet: 'Scoreark',
      chart: 'Progression',
      report: 'Progressionsrapport',
      personalData: 'Oplysninger',
      importReport: 'Importrapport',
      paperSheets: 'Papirark',
    },
  },
});
