import { defineMessages } from '../../common/i18n/define';

/** What `team-server demo` prints, and the demo team's own list names, in the languages Koers speaks. */
export const DEMO_TEXTS = defineMessages({
  en: {
    title: 'Koers team server — DEMO, not for real data',
    warning:
      'Everything runs on this machine and is forgotten when it stops. Anyone here can sign in as anyone: do not enter anything about real clients.',
    server: 'Team server:',
    issuer: 'Sign-in (issuer):',
    audience: 'API (audience):',
    users: 'Made-up users (pick one on the sign-in page):',
    stop: 'Stop with Ctrl+C.',
    team: 'Demo team',
    targetGroups: ['Young people under 27', 'Newcomers', 'Long-term unemployed'],
  },
  nl: {
    title: 'Koers-teamserver — DEMO, niet voor echte gegevens',
    warning:
      'Alles draait op deze computer en is weg zodra hij stopt. Iedereen hier kan zich als wie dan ook aanmelden: voer geen gegevens van echte klanten in.',
    server: 'Teamserver:',
    issuer: 'Aanmelden (issuer):',
    audience: 'API (audience):',
    users: 'Verzonnen gebruikers (kies er een op de aanmeldpagina):',
    stop: 'Stoppen met Ctrl+C.',
    team: 'Demoteam',
    targetGroups: ['Jongeren tot 27', 'Statushouders', 'Langdurig werkzoekenden'],
  },
  da: {
    title: 'Koers-teamserver — DEMO, ikke til rigtige data',
    warning:
      'Alt kører på denne computer og glemmes, når den stopper. Alle her kan logge ind som hvem som helst: indtast ikke oplysninger om rigtige borgere.',
    server: 'Teamserver:',
    issuer: 'Login (issuer):',
    audience: 'API (audience):',
    users: 'Opdigtede brugere (vælg en på login-siden):',
    stop: 'Stop med Ctrl+C.',
    team: 'Demoteam',
    targetGroups: ['Unge under 27', 'Nyankomne', 'Langtidsledige'],
  },
});
