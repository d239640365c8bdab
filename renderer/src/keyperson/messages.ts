import { defineMessages } from '../../../common/i18n/define';

/** What only a key person does, and why: said wherever it is missing for someone else. */
export const messages = defineMessages({
  en: {
    title: 'For a key person',
    back: 'Back to the caseload',
    reasons: {
      caseworkers:
        'Adding caseworkers and changing their role is for a key person: they decide who works in this Koers.',
      lists:
        'Target groups, stages and closure reasons are the team’s shared lists: a key person keeps them, so everyone chooses from the same ones.',
      sheets:
        'Scoring sheets belong to the whole team: a key person writes and publishes them, so everyone scores on the same indicators and progression can be compared.',
      coverage: 'Coverage per caseworker and the team’s target are for a key person, who follows the team’s scoring.',
      team: 'The team view compares the progression of every caseworker’s clients: it is for a key person.',
      audit: 'The audit log shows what everyone did with clients’ data: a key person checks it.',
      erase: 'Erasing a client cannot be undone and removes them for the whole team: only a key person may do it.',
      retention: 'Closed cases past their retention period are removed for good: a key person reviews and purges them.',
    },
    who_one: 'In your Koers the key person is {{names}}.',
    who_other: 'In your Koers the key persons are {{names}}.',
    nobody: 'Your Koers has no key person yet: under Caseworkers you can make yourself or a colleague one.',
    alone:
      'Your Koers has no key person, so you keep the caseworkers, lists and scoring sheets yourself. Once someone is made key person (under Caseworkers), only key persons do.',
    hints: {
      noSheetsYet: 'No scoring sheet has been published yet.',
      createSheet: 'Create one from a starter, or import one, under Scoring sheets and publish it; then you can score.',
      openSheets: 'Go to Scoring sheets',
      noTargetGroups: 'There are no target groups yet: add them under Lists.',
      noTargetGroupsAsk: 'There are no target groups yet: a key person adds them under Lists.',
      noColleague: 'There is no other active caseworker to hand over to.',
      addColleague: 'Add your colleague under Caseworkers first, then hand over.',
      openCaseworkers: 'Go to Caseworkers',
      askForColleague: 'A key person adds caseworkers under Caseworkers.',
    },
    settingsTitle: 'Key persons',
    settingsIntro:
      'A key person keeps what the whole team shares — the caseworkers, the lists and the scoring sheets — and sees the team’s figures: coverage, the team view, the audit log, erasure and retention.',
    notInMenu: 'That is why those screens are not in your menu.',
  },
  nl: {
    title: 'Voor een kwaliteitsmedewerker',
    back: 'Terug naar de caseload',
    reasons: {
      caseworkers:
        'Klantmanagers toevoegen en hun rol wijzigen doet een kwaliteitsmedewerker: die bepaalt wie er in deze Koers werkt.',
      lists:
        'Doelgroepen, fases en redenen van afsluiten zijn de gedeelde lijsten van het team: een kwaliteitsmedewerker beheert ze, zodat iedereen uit dezelfde kiest.',
      sheets:
        'Scorelijsten zijn van het hele team: een kwaliteitsmedewerker stelt ze op en publiceert ze, zodat iedereen op dezelfde indicatoren scoort en de voortgang te vergelijken is.',
      coverage:
        'De dekking per klantmanager en het teamdoel zijn voor een kwaliteitsmedewerker, die het scoren in het team volgt.',
      team: 'Het teamoverzicht vergelijkt de voortgang van de klanten van alle klantmanagers: dat is voor een kwaliteitsmedewerker.',
      audit: 'Het auditlog laat zien wat iedereen met klantgegevens deed: een kwaliteitsmedewerker controleert het.',
      erase:
        'Een klant wissen kan niet ongedaan worden gemaakt en verwijdert de klant voor het hele team: alleen een kwaliteitsmedewerker mag dat.',
      retention:
        'Afgesloten dossiers waarvan de bewaartermijn voorbij is, worden voorgoed verwijderd: een kwaliteitsmedewerker beoordeelt en verwijdert ze.',
    },
    who_one: 'In uw Koers is {{names}} kwaliteitsmedewerker.',
    who_other: 'In uw Koers zijn {{names}} kwaliteitsmedewerker.',
    nobody:
      'Uw Koers heeft nog geen kwaliteitsmedewerker: onder Klantmanagers kunt u uzelf of een collega die rol geven.',
    alone:
      'Uw Koers heeft geen kwaliteitsmedewerker, dus u beheert de klantmanagers, lijsten en scorelijsten zelf. Zodra iemand kwaliteitsmedewerker is (onder Klantmanagers), doen alleen kwaliteitsmedewerkers dat.',
    hints: {
      noSheetsYet: 'Er is nog geen scorelijst gepubliceerd.',
      createSheet:
        'Maak er een vanuit een startpunt of importeer er een onder Scorelijsten en publiceer hem; daarna kunt u scoren.',
      openSheets: 'Naar Scorelijsten',
      noTargetGroups: 'Er zijn nog geen doelgroepen: voeg ze toe onder Lijsten.',
      noTargetGroupsAsk: 'Er zijn nog geen doelgroepen: een kwaliteitsmedewerker voegt ze toe onder Lijsten.',
      noColleague: 'Er is geen andere actieve klantmanager om aan over te dragen.',
      addColleague: 'Voeg uw collega eerst toe onder Klantmanagers en draag dan over.',
      openCaseworkers: 'Naar Klantmanagers',
      askForColleague: 'Een kwaliteitsmedewerker voegt klantmanagers toe onder Klantmanagers.',
    },
    settingsTitle: 'Kwaliteitsmedewerkers',
    settingsIntro:
      'Een kwaliteitsmedewerker beheert wat het hele team deelt — de klantmanagers, de lijsten en de scorelijsten — en ziet de cijfers van het team: dekking, het teamoverzicht, het auditlog, wissen en bewaartermijnen.',
    notInMenu: 'Daarom staan die schermen niet in uw menu.',
  },
  da: {
    title: 'For en nøgleperson',
    back: 'Tilbage til sagsstammen',
    reasons: {
      caseworkers:
        'Det er en nøgleperson, der tilføjer sagsbehandlere og ændrer deres rolle: nøglepersonen bestemmer, hvem der arbejder i denne Koers.',
      lists:
        'Målgrupper, faser og afslutningsårsager er teamets fælles lister: en nøgleperson vedligeholder dem, så alle vælger fra de samme.',
      sheets:
        'Scoreark tilhører hele teamet: en nøgleperson udarbejder og offentliggør dem, så alle scorer på de samme indikatorer, og progressionen kan sammenlignes.',
      coverage: 'Dækning pr. sagsbehandler og teamets mål er for en nøgleperson, der følger teamets scoringer.',
      team: 'Teamoverblikket sammenligner progressionen hos alle sagsbehandleres borgere: det er for en nøgleperson.',
      audit: 'Revisionsloggen viser, hvad alle har gjort med borgernes data: en nøgleperson kontrollerer den.',
      erase:
        'Sletning af en borger kan ikke fortrydes og fjerner borgeren for hele teamet: kun en nøgleperson må gøre det.',
      retention:
        'Afsluttede sager, hvis opbevaringsperiode er udløbet, slettes endeligt: en nøgleperson gennemgår og sletter dem.',
    },
    who_one: 'I din Koers er {{names}} nøgleperson.',
    who_other: 'I din Koers er {{names}} nøglepersoner.',
    nobody: 'Din Koers har endnu ingen nøgleperson: under Sagsbehandlere kan du give dig selv eller en kollega rollen.',
    alone:
      'Din Koers har ingen nøgleperson, så du vedligeholder selv sagsbehandlere, lister og scoreark. Så snart nogen er nøgleperson (under Sagsbehandlere), er det kun nøglepersoner, der gør det.',
    hints: {
      noSheetsYet: 'Der er endnu ikke offentliggjort et scoreark.',
      createSheet:
        'Opret et ud fra en skabelon, eller importér et, under Scoreark, og offentliggør det; derefter kan du score.',
      openSheets: 'Gå til Scoreark',
      noTargetGroups: 'Der er endnu ingen målgrupper: tilføj dem under Lister.',
      noTargetGroupsAsk: 'Der er endnu ingen målgrupper: en nøgleperson tilføjer dem under Lister.',
      noColleague: 'Der er ingen anden aktiv sagsbehandler at overdrage til.',
      addColleague: 'Tilføj først din kollega under Sagsbehandlere, og overdrag derefter.',
      openCaseworkers: 'Gå til Sagsbehandlere',
      askForColleague: 'En nøgleperson tilføjer sagsbehandlere under Sagsbehandlere.',
    },
    settingsTitle: 'Nøglepersoner',
    settingsIntro:
      'En nøgleperson vedligeholder det, hele teamet deler — sagsbehandlerne, listerne og scorearkene — og ser teamets tal: dækning, teamoverblikket, revisionsloggen, sletning og opbevaring.',
    notInMenu: 'Derfor er de skærmbilleder ikke i din menu.',
  },
});
