import { defineMessages } from '../../../common/i18n/define';

export const messages = defineMessages({
  en: {
    title: 'Welcome to Koers',
    team: {
      title: 'Or join your team',
      intro:
        'Does your team work with a Koers team server? Sign in to join it: who you are, the team’s lists and your caseload come from the team server.',
    },
    intro: 'Koers keeps your caseload, to-dos and progress on this laptop. Nothing is sent anywhere.',
    language: 'Language',
    name: 'Your name',
    nameHint: 'You become the caseworker who works in Koers on this laptop.',
    role: 'Your role',
    roleHint:
      'Key persons also manage caseworkers, target groups, stages and scoring sheets. While nobody in your Koers is a key person, you do that yourself.',
    demo: 'Load a demo caseload',
    demoHint: 'About 120 made-up clients with to-dos, to try Koers out. You can start empty instead.',
    starters: 'Start with example target groups and scoring sheets',
    startersHint:
      'Four target groups (from ready for work to taking part), each with a published scoring sheet: work readiness (seven indicators) or the participation ladder. Change them later under Lists and Scoring sheets. Without them you make your own before you can score.',
    start: 'Start',
    starting: 'Preparing…',
    chooseTitle: 'Who is working in Koers?',
    chooseIntro:
      'Koers is already set up on this computer, but does not know who is working in it now. Choose yourself.',
    chooseWho: 'You are',
    continue: 'Continue',
  },
  nl: {
    title: 'Welkom bij Koers',
    team: {
      title: 'Of kom bij uw team',
      intro:
        'Werkt uw team met een Koers-teamserver? Meld u aan om bij het team te komen: wie u bent, de lijsten van het team en uw caseload komen van de teamserver.',
    },
    intro: 'Koers bewaart uw caseload, taken en voortgang op deze laptop. Er wordt niets verstuurd.',
    language: 'Taal',
    name: 'Uw naam',
    nameHint: 'U wordt de klantmanager die op deze laptop in Koers werkt.',
    role: 'Uw rol',
    roleHint:
      'Kwaliteitsmedewerkers beheren ook klantmanagers, doelgroepen, fases en scorelijsten. Zolang niemand in uw Koers kwaliteitsmedewerker is, doet u dat zelf.',
    demo: 'Een voorbeeldcaseload laden',
    demoHint: 'Zo’n 120 verzonnen klanten met taken, om Koers uit te proberen. U kunt ook leeg beginnen.',
    starters: 'Beginnen met voorbeelddoelgroepen en -scorelijsten',
    startersHint:
      'Vier doelgroepen (van werkfit tot meedoen), elk met een gepubliceerde scorelijst: werkfitheid (zeven indicatoren) of de participatieladder. U past ze later aan onder Lijsten en Scorelijsten. Zonder maakt u eerst zelf doelgroepen en een scorelijst voordat u kunt scoren.',
    start: 'Beginnen',
    starting: 'Voorbereiden…',
    chooseTitle: 'Wie werkt er in Koers?',
    chooseIntro: 'Koers is op deze computer al ingericht, maar weet niet wie er nu in werkt. Kies uzelf.',
    chooseWho: 'U bent',
    continue: 'Verder',
  },
  da: {
    title: 'Velkommen til Koers',
    team: {
      title: 'Eller bliv en del af dit team',
      intro:
        'Arbejder dit team med en Koers-teamserver? Log ind for at blive en del af teamet: hvem du er, teamets lister og din sagsstamme kommer fra teamserveren.',
    },
    intro:
      'Koers gemmer din sagsstamme, dine opgaver og borgernes progression på denne computer. Intet sendes nogen steder hen.',
    language: 'Sprog',
    name: 'Dit navn',
    nameHint: 'Du bliver den sagsbehandler, der arbejder i Koers på denne computer.',
    role: 'Din rolle',
    roleHint:
      'Nøglepersoner administrerer også sagsbehandlere, målgrupper, faser og scoreark. Så længe ingen i din Koers er nøgleperson, gør du det selv.',
    demo: 'Indlæs en eksempel-sagsstamme',
    demoHint: 'Omkring 120 opdigtede borgere med opgaver, så du kan prøve Koers. Du kan også starte tomt.',
    starters: 'Start med eksempler på målgrupper og scoreark',
    startersHint:
      'Fire målgrupper (fra jobparat til ressourceforløb), hver med et offentliggjort scoreark: jobparathed (syv indikatorer) eller deltagelsesstigen. Du kan ændre dem senere under Lister og Scoreark. Uden dem opretter du selv målgrupper og et scoreark, før du kan score.',
    start: 'Start',
    starting: 'Forbereder…',
    chooseTitle: 'Hvem arbejder i Koers?',
    chooseIntro: 'Koers er allerede sat op på denne computer, men ved ikke, hvem der arbejder i det nu. Vælg dig selv.',
    chooseWho: 'Du er',
    continue: 'Fortsæt',
  },
});
