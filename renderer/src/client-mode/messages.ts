import { defineMessages } from '../../../common/i18n/define';

/** The caseworker's side of client mode (the client's own screens speak from ./locales). */
export const messages = defineMessages({
  en: {
    button: 'Client mode',
    startTitle: 'Turn the screen to the client',
    intro:
      '{{name}} scores themselves, one indicator per screen, in large type. The window shows only this sheet: no other client, no notes, no menus.',
    sheet: 'Sheet',
    noSheet: 'No published sheet to score on.',
    showPrevious: 'Show the client their own previous self-score',
    language: 'In {{language}} where the sheet has a translation; otherwise in the original.',
    noLanguage: 'The client’s language is not filled in: the sheet shows in the original.',
    leaveWithPin: 'To take the screen back you need your PIN.',
    leaveWithWord: 'To take the screen back you type {{word}} (with a PIN set in Settings, you need the PIN instead).',
    start: 'Start client mode',
  },
  nl: {
    button: 'Klantmodus',
    startTitle: 'Het scherm naar de klant draaien',
    intro:
      '{{name}} scoort zelf, één indicator per scherm, in grote letters. Het venster toont alleen deze scorelijst: geen andere klant, geen notities, geen menu’s.',
    sheet: 'Scorelijst',
    noSheet: 'Er is geen gepubliceerde scorelijst om op te scoren.',
    showPrevious: 'De klant de eigen vorige zelfscore laten zien',
    language: 'In het {{language}} waar de scorelijst een vertaling heeft; anders in het origineel.',
    noLanguage: 'De taal van de klant is niet ingevuld: de scorelijst staat in het origineel.',
    leaveWithPin: 'Om het scherm terug te nemen heb je je pincode nodig.',
    leaveWithWord:
      'Om het scherm terug te nemen typ je {{word}} (met een pincode in Instellingen heb je die pincode nodig).',
    start: 'Klantmodus starten',
  },
  da: {
    button: 'Borgertilstand',
    startTitle: 'Vend skærmen mod borgeren',
    intro:
      '{{name}} scorer selv, én indikator pr. skærm, med stor skrift. Vinduet viser kun dette scoreark: ingen anden borger, ingen notater, ingen menuer.',
    sheet: 'Scoreark',
    noSheet: 'Der er intet offentliggjort scoreark at score på.',
    showPrevious: 'Vis borgeren sin egen forrige selvscoring',
    language: 'På {{language}}, hvor arket har en oversættelse; ellers på originalsproget.',
    noLanguage: 'Borgerens sprog er ikke udfyldt: arket vises på originalsproget.',
    leaveWithPin: 'For at tage skærmen tilbage skal du bruge din pinkode.',
    leaveWithWord:
      'For at tage skærmen tilbage skriver du {{word}} (med en pinkode under Indstillinger skal du bruge pinkoden).',
    start: 'Start borgertilstand',
  },
});
