import type { Translation } from '../../../../common/i18n/define';
import type en from './en';

export default {
  title: 'Din egen scoring',
  hello: 'Hej {{name}}',
  intro:
    'På de næste skærme fortæller du, hvordan det går for dig, ét emne ad gangen. Der er {{count}} emner. Der er ikke noget rigtigt eller forkert svar.',
  start: 'Start',
  progress: 'Emne {{current}} af {{total}}',
  choose: 'Hvad passer bedst på dig nu?',
  previous: 'Sidste gang valgte du: {{level}}',
  skip: 'Spring dette emne over',
  back: 'Tilbage',
  next: 'Næste',
  finish: 'Færdig',
  saving: 'Gemmer…',
  notSaved: 'Dine svar kunne ikke gemmes. Spørg din sagsbehandler.',
  thanks: 'Tak, {{name}}!',
  saved: 'Dine svar er gemt. Du kan give skærmen tilbage til din sagsbehandler.',
  chosen: '{{count}} af {{total}} emner besvaret.',
  keys: 'Tip: taltasterne vælger, Enter går videre.',
  caseworker: 'Til sagsbehandleren',
  leaveTitle: 'Forlad borgertilstand',
  leavePin: 'Din pinkode',
  leaveWord: 'Skriv {{word}} for at forlade borgertilstand',
  leave: 'Forlad',
  cancel: 'Tilbage til arket',
  wrongPin: 'Det er ikke den rigtige pinkode.',
  wrongWord: 'Skriv {{word}}, med store eller små bogstaver.',
  wait: 'For mange forkerte pinkoder: vent lidt, og prøv igen.',
} satisfies Translation<typeof en>;
