import { defineMessages } from '../../../common/i18n/define';

/** Key persons: how much of each caseload is scored within its rhythm, against the team target. */
export const messages = defineMessages({
  en: {
    intro:
      'A client counts as scored within rhythm when their last scoring is more recent than the rescoring rhythm of their target group (every {{weeks}} weeks when no rhythm is set).',
    table: {
      label: 'Coverage per caseworker',
      caseworker: 'Caseworker',
      active: 'Active clients',
      scored: 'Scored within rhythm',
      share: 'Coverage',
      progress: 'Against the team target',
      team: 'Whole team',
    },
    noCaseworkers: 'There are no active caseworkers.',
    noClients: 'no active clients',
    progress: {
      none: 'no target set',
      reached: 'Target reached',
      short_one: '{{count}} more client to score',
      short_other: '{{count}} more clients to score',
    },
    target: {
      title: 'Team target',
      current: 'Target: {{share}} of active clients scored within rhythm by {{date}}.',
      passed: 'The target date has passed.',
      none: 'No team target has been set yet.',
      share: 'Share scored within rhythm (%)',
      shareHint: 'A percentage from 0 to 100, for example 80.',
      shareRange: 'Enter a percentage from 0 to 100.',
      dueOn: 'Reach it by',
      submit: 'Set target',
      saved: 'Team target set: {{share}} by {{date}}.',
    },
  },
  nl: {
    intro:
      'Een klant telt als gescoord binnen het ritme als de laatste score recenter is dan het scoorritme van zijn doelgroep (elke {{weeks}} weken als er geen ritme is ingesteld).',
    table: {
      label: 'Dekking per klantmanager',
      caseworker: 'Klantmanager',
      active: 'Actieve klanten',
      scored: 'Gescoord binnen ritme',
      share: 'Dekking',
      progress: 'Ten opzichte van het teamdoel',
      team: 'Hele team',
    },
    noCaseworkers: 'Er zijn geen actieve klantmanagers.',
    noClients: 'geen actieve klanten',
    progress: {
      none: 'geen doel ingesteld',
      reached: 'Doel gehaald',
      short_one: 'Nog {{count}} klant te scoren',
      short_other: 'Nog {{count}} klanten te scoren',
    },
    target: {
      title: 'Teamdoel',
      current: 'Doel: {{share}} van de actieve klanten gescoord binnen het ritme op {{date}}.',
      passed: 'De streefdatum is verstreken.',
      none: 'Er is nog geen teamdoel ingesteld.',
      share: 'Deel gescoord binnen ritme (%)',
      shareHint: 'Een percentage van 0 tot 100, bijvoorbeeld 80.',
      shareRange: 'Vul een percentage van 0 tot 100 in.',
      dueOn: 'Te halen op',
      submit: 'Doel instellen',
      saved: 'Teamdoel ingesteld: {{share}} op {{date}}.',
    },
  },
  da: {
    intro:
      'En borger tæller som scoret inden for rytmen, når den seneste scoring er nyere end scoringsrytmen for borgerens målgruppe (hver {{weeks}}. uge, når der ikke er angivet en rytme).',
    table: {
      label: 'Dækning pr. sagsbehandler',
      caseworker: 'Sagsbehandler',
      active: 'Aktive borgere',
      scored: 'Scoret inden for rytmen',
      share: 'Dækning',
      progress: 'I forhold til teamets mål',
      team: 'Hele teamet',
    },
    noCaseworkers: 'Der er ingen aktive sagsbehandlere.',
    noClients: 'ingen aktive borgere',
    progress: {
      none: 'intet mål angivet',
      reached: 'Målet er nået',
      short_one: '{{count}} borger mere skal scores',
      short_other: '{{count}} borgere mere skal scores',
    },
    target: {
      title: 'Teamets mål',
      current: 'Mål: {{share}} af de aktive borgere scoret inden for rytmen senest {{date}}.',
      passed: 'Måldatoen er overskredet.',
      none: 'Der er endnu ikke angivet et mål for teamet.',
      share: 'Andel scoret inden for rytmen (%)',
      shareHint: 'En procentdel fra 0 til 100, for eksempel 80.',
      shareRange: 'Angiv en procentdel fra 0 til 100.',
      dueOn: 'Nås senest',
      submit: 'Angiv mål',
      saved: 'Teamets mål er angivet: {{share}} senest {{date}}.',
    },
  },
});
