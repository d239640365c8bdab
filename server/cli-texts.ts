import type { Language } from '../common/languages';

/** What `team-server` says to IT staff, in the three languages Koers speaks. */
export const cliTexts: Record<
  Language,
  {
    usage: string;
    unknownCommand: string;
    missing: string;
    tlsPair: string;
    plainHttp: string;
    migrated: string;
    upToDate: string;
    listening: string;
    stopping: string;
    refused: string;
    teamAdded: string;
  }
> = {
  en: {
    usage: 'Usage:',
    unknownCommand: 'Unknown command "{{command}}".',
    missing: 'Missing {{option}}.',
    tlsPair: 'Give both --tls-cert and --tls-key, or neither (behind a reverse proxy that speaks TLS).',
    plainHttp:
      'Without TLS the server listens on 127.0.0.1 only. Behind a reverse proxy on another machine, add --behind-proxy.',
    migrated: 'Database updated: {{names}}.',
    upToDate: 'Database already up to date.',
    listening: 'Koers team server listening on {{url}} (schema {{schema}}).',
    stopping: 'Stopping: finishing requests under way…',
    refused: 'Refused: {{reason}}',
    teamAdded:
      'Team {{team}} added; its key person is caseworker {{caseworker}} and can now sign in and add the others.',
  },
  nl: {
    usage: 'Gebruik:',
    unknownCommand: 'Onbekende opdracht "{{command}}".',
    missing: '{{option}} ontbreekt.',
    tlsPair: 'Geef zowel --tls-cert als --tls-key, of geen van beide (achter een reverse proxy die TLS spreekt).',
    plainHttp:
      'Zonder TLS luistert de server alleen op 127.0.0.1. Achter een reverse proxy op een andere machine: voeg --behind-proxy toe.',
    migrated: 'Database bijgewerkt: {{names}}.',
    upToDate: 'Database was al bijgewerkt.',
    listening: 'Koers-teamserver luistert op {{url}} (schema {{schema}}).',
    stopping: 'Stoppen: lopende verzoeken worden afgemaakt…',
    refused: 'Geweigerd: {{reason}}',
    teamAdded:
      'Team {{team}} toegevoegd; de kwaliteitsmedewerker is klantmanager {{caseworker}} en kan nu inloggen en de anderen toevoegen.',
  },
  da: {
    usage: 'Brug:',
    unknownCommand: 'Ukendt kommando "{{command}}".',
    missing: '{{option}} mangler.',
    tlsPair: 'Angiv både --tls-cert og --tls-key, eller ingen af dem (bag en reverse proxy, der taler TLS).',
    plainHttp:
      'Uden TLS lytter serveren kun på 127.0.0.1. Bag en reverse proxy på en anden maskine: tilføj --behind-proxy.',
    migrated: 'Databasen er opdateret: {{names}}.',
    upToDate: 'Databasen var allerede opdateret.',
    listening: 'Koers-teamserveren lytter på {{url}} (skema {{schema}}).',
    stopping: 'Stopper: igangværende forespørgsler gøres færdige…',
    refused: 'Afvist: {{reason}}',
    teamAdded:
      'Team {{team}} er tilføjet; nøglepersonen er sagsbehandler {{caseworker}} og kan nu logge ind og tilføje de andre.',
  },
};
