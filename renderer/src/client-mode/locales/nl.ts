import type { Translation } from '../../../../common/i18n/define';
import type en from './en';

export default {
  title: 'Je eigen score',
  hello: 'Hallo {{name}}',
  intro:
    'Op de volgende schermen geef je aan hoe het met je gaat, één onderwerp tegelijk. Er zijn {{count}} onderwerpen. Er is geen goed of fout antwoord.',
  start: 'Beginnen',
  progress: 'Onderwerp {{current}} van {{total}}',
  choose: 'Wat past nu het best bij jou?',
  previous: 'Vorige keer koos je: {{level}}',
  skip: 'Dit onderwerp overslaan',
  back: 'Terug',
  next: 'Volgende',
  finish: 'Klaar',
  saving: 'Bezig met opslaan…',
  notSaved: 'Je antwoorden konden niet worden opgeslagen. Vraag het je klantmanager.',
  thanks: 'Dank je wel, {{name}}!',
  saved: 'Je antwoorden zijn opgeslagen. Je kunt het scherm teruggeven aan je klantmanager.',
  chosen: '{{count}} van {{total}} onderwerpen beantwoord.',
  keys: 'Tip: met de cijfertoetsen kies je, met Enter ga je verder.',
  caseworker: 'Voor de klantmanager',
  leaveTitle: 'Klantmodus verlaten',
  leavePin: 'Je pincode',
  leaveWord: 'Typ {{word}} om de klantmodus te verlaten',
  leave: 'Verlaten',
  cancel: 'Terug naar de scorelijst',
  wrongPin: 'Dat is niet de juiste pincode.',
  wrongWord: 'Typ {{word}}, met hoofdletters of zonder.',
  wait: 'Te vaak een verkeerde pincode: wacht even en probeer het opnieuw.',
} satisfies Translation<typeof en>;
