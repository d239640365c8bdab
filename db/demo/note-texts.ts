/**
 * Sentence fragments the demo case notes are composed from, per app language:
 * how a note opens (by kind), what was discussed, what was agreed and what the
 * caseworker makes of it. `{name}` is the client's first name (or `family` on a
 * household note), `{household}` the household's name.
 */
import { NOTE_KINDS } from '../../common/enums';
import type { NoteKind } from '../schema';

/** The kinds a caseworker writes; a `remark` comes only from an imported sheet. */
export type WrittenKind = Exclude<NoteKind, 'remark'>;
export const WRITTEN_KINDS = NOTE_KINDS.filter((kind): kind is WrittenKind => kind !== 'remark');
import type { DemoLanguage } from './texts';

export interface NoteTexts {
  /** First sentence of a client note, per kind. */
  openers: Readonly<Record<WrittenKind, readonly string[]>>;
  /** First sentence of a household note, per kind. */
  householdOpeners: Readonly<Record<WrittenKind, readonly string[]>>;
  /** What was discussed. */
  topics: readonly string[];
  /** What was seen on a home visit. */
  visit: readonly string[];
  /** What was discussed with a household. */
  household: readonly string[];
  agreements: readonly string[];
  reflections: readonly string[];
  /** Stands in for `{name}` on a household note. */
  family: string;
}

export const NOTE_TEXTS: Readonly<Record<DemoLanguage, NoteTexts>> = {
  nl: {
    openers: {
      conversation: [
        'Gesprek op kantoor met {name}.',
        'Voortgangsgesprek met {name} gehad.',
        '{name} kwam langs op het spreekuur.',
        'Gesprek over de stand van zaken met {name}.',
        'Gesprek met {name} op het werkplein, samen met de tolk.',
      ],
      phone_call: [
        '{name} gebeld.',
        'Telefonisch contact met {name}.',
        '{name} belde zelf op over de uitkering.',
        'Teruggebeld na een bericht van {name}.',
        'Kort telefoongesprek met {name}.',
      ],
      home_visit: [
        'Huisbezoek afgelegd bij {name}.',
        'Op huisbezoek geweest; {name} was thuis en had koffie gezet.',
        'Keukentafelgesprek bij {name} thuis.',
      ],
      agreement: [
        'Afspraken vastgelegd met {name}.',
        'Samen met {name} het plan van aanpak bijgewerkt.',
        'De volgende afspraken zijn gemaakt en door {name} ondertekend.',
      ],
      reflection: [
        'Reflectie na het gesprek van vandaag.',
        'Eigen indruk na een paar weken begeleiding.',
        'Overweging voor het casusoverleg.',
      ],
      milestone: [
        '{name} is gestart met een stage bij een café in de buurt.',
        '{name} heeft het eerste taalexamen gehaald.',
        '{name} heeft een proefplaatsing bij een groothandel gekregen.',
        '{name} is begonnen als vrijwilliger bij de voedselbank.',
        '{name} heeft een contract voor één jaar getekend.',
        'Mijlpaal: {name} heeft alle schulden in beeld en is aangemeld bij de schuldhulpverlening.',
      ],
    },
    householdOpeners: {
      conversation: ['Gezinsgesprek met {household} op kantoor.', 'Gesprek met beide ouders van {household}.'],
      phone_call: ['Telefonisch contact met {household} over de gezinssituatie.', 'Gebeld met {household}.'],
      home_visit: ['Huisbezoek bij {household}.', 'Op huisbezoek bij {household}; alle gezinsleden waren aanwezig.'],
      agreement: ['Afspraken met {household} vastgelegd.', 'Gezinsplan van {household} bijgewerkt.'],
      reflection: ['Reflectie op de situatie van {household}.', 'Overweging over {household} voor het casusoverleg.'],
      milestone: [
        '{household} heeft een grotere woning toegewezen gekregen.',
        'Mijlpaal: {household} heeft de schulden op een rij en een budgetplan.',
      ],
    },
    topics: [
      'We hebben het gehad over werk in de logistiek; {name} is geïnteresseerd in een opleiding tot heftruckchauffeur.',
      '{name} vertelt dat het slapen slecht gaat en dat de huisarts is ingeschakeld.',
      'Besproken hoe het solliciteren gaat: deze maand drie brieven verstuurd en één uitnodiging gekregen.',
      'De financiële situatie is nog krap; er ligt een aanmaning van de energieleverancier.',
      '{name} werkt twee ochtenden als vrijwilliger in een café en vindt dat leuk.',
      'Gesproken over kinderopvang, want zonder opvang is werken overdag lastig.',
      '{name} geeft aan last te hebben van rugklachten bij lang staan.',
      'De taalles gaat goed; {name} spreekt al beter Nederlands dan bij de intake.',
      'We hebben het cv samen doorgenomen en de werkervaring in de schoonmaak aangevuld.',
      '{name} maakt zich zorgen over de huur, die per één januari omhooggaat.',
      'Gesprek over motivatie: {name} wil graag aan het werk, maar is bang het niet vol te houden.',
      'Er is contact geweest met de jobcoach, die kansen ziet in de zorg.',
      '{name} heeft een sollicitatiegesprek gehad bij een supermarkt, maar is niet aangenomen.',
      'De reiskosten naar het werkfit-traject zijn een probleem; bijzondere bijstand besproken.',
      'We hebben de ideeën voor een eigen bedrijf besproken, maar dat is nu nog niet haalbaar.',
      '{name} heeft weinig sociale contacten en zit veel thuis.',
      'De schuldhulpverlening heeft een overzicht gemaakt; er is een regeling met twee schuldeisers.',
      'Besproken dat {name} sinds kort weer sport, wat goed lijkt te werken.',
      '{name} is geïnteresseerd in werk in de groenvoorziening en wil een dag meelopen.',
      'De uitkering is aangepast na de inkomstenopgave van vorige maand.',
      'Het gesprek ging over de uren bij de werkgever; {name} wil graag meer uren maken.',
      '{name} was te laat vanwege een vertraagde bus, maar had wel alle papieren bij zich.',
    ],
    visit: [
      'De woning is netjes, maar er ligt een stapel ongeopende post op tafel.',
      'De kinderen waren thuis; het oudste kind hielp met vertalen.',
      'De woning is vochtig en er zit schimmel in de badkamer; de verhuurder is ingeschakeld.',
      'Er is weinig meubilair; een aanvraag voor inrichtingskosten besproken.',
      'De sfeer in huis was ontspannen; er werd thee met koekjes aangeboden.',
    ],
    household: [
      'De kinderen gaan weer naar school en het oudste kind zoekt een bijbaan.',
      'Het gezin heeft moeite met de brieven van de Belastingdienst over de toeslagen.',
      'Jeugdhulp is betrokken; één keer per week komt er een gezinscoach.',
      'De ouders zijn geïnteresseerd in een cursus opvoedondersteuning.',
      'De huurachterstand is ingelopen dankzij de betalingsregeling.',
      'Afstemming met school over het verzuim van de jongste.',
      'De financiële zorgen drukken op het hele gezin; de ouders hebben vaak ruzie over geld.',
    ],
    agreements: [
      'Afgesproken dat {name} volgende week twee vacatures uitzoekt.',
      'Afspraak: {name} levert vóór vrijdag de loonstroken aan.',
      'We spreken over drie weken weer af op kantoor.',
      'Ik meld {name} aan bij de jobcoach en bel volgende week na.',
      'Afgesproken dat {name} zich inschrijft bij twee uitzendbureaus.',
      '{name} belt zelf de huisarts voor een verwijzing.',
      'Ik vraag bijzondere bijstand aan voor de reiskosten.',
      'De volgende afspraak wordt een driegesprek met de werkgever.',
      'Afgesproken dat {name} één keer per week de berichtenbox controleert.',
      '{name} gaat op dinsdagmiddag naar het taalcafé in de bibliotheek.',
    ],
    reflections: [
      'Mijn indruk is dat {name} gemotiveerder is dan bij de start.',
      'Ik twijfel of het traject nu al passend is; eerst moet de gezondheid stabieler worden.',
      'Het lijkt erop dat de schulden veel stress geven en alles blokkeren.',
      'Er is een goede werkrelatie ontstaan; {name} durft nu ook problemen te benoemen.',
      'Ik wil dit inbrengen in het casusoverleg, want er speelt meer dan werk alleen.',
      'Positief: {name} komt alle afspraken na en is steeds op tijd.',
      'Zorg over het netwerk: buiten de familie is er weinig steun.',
      'De volgende stap lijkt een werkervaringsplek van twaalf uur per week.',
    ],
    family: 'het gezin',
  },
  da: {
    openers: {
      conversation: [
        'Samtale på jobcentret med {name}.',
        'Opfølgningssamtale med {name}.',
        '{name} mødte op til den aftalte samtale.',
        'Samtale om status med {name}.',
        'Samtale med {name} med tolk til stede.',
      ],
      phone_call: [
        'Ringede til {name}.',
        'Telefonsamtale med {name}.',
        '{name} ringede selv angående udbetalingen.',
        'Ringede tilbage efter besked fra {name}.',
        'Kort telefonsamtale med {name}.',
      ],
      home_visit: [
        'Hjemmebesøg hos {name}.',
        'Var på hjemmebesøg; {name} var hjemme og havde lavet kaffe.',
        'Samtale ved køkkenbordet hjemme hos {name}.',
      ],
      agreement: [
        'Aftaler noteret sammen med {name}.',
        'Jobplanen er opdateret sammen med {name}.',
        'Følgende aftaler er indgået og godkendt af {name}.',
      ],
      reflection: [
        'Refleksion efter dagens samtale.',
        'Egen vurdering efter nogle ugers forløb.',
        'Overvejelser til teammødet.',
      ],
      milestone: [
        '{name} er startet i virksomhedspraktik hos en købmand i lokalområdet.',
        '{name} har bestået første modul af danskuddannelsen.',
        '{name} har fået et løntilskudsjob på et lager.',
        '{name} er begyndt som frivillig i en genbrugsbutik.',
        '{name} har skrevet under på en kontrakt på ét år.',
        'Milepæl: {name} har fået overblik over gælden og er henvist til gældsrådgivning.',
      ],
    },
    householdOpeners: {
      conversation: ['Familiesamtale med {household} på jobcentret.', 'Samtale med begge forældre i {household}.'],
      phone_call: ['Telefonsamtale med {household} om familiens situation.', 'Ringede til {household}.'],
      home_visit: ['Hjemmebesøg hos {household}.', 'Hjemmebesøg hos {household}; hele familien var til stede.'],
      agreement: ['Aftaler med {household} noteret.', 'Familieplanen for {household} er opdateret.'],
      reflection: ['Refleksion over situationen i {household}.', 'Overvejelser om {household} til teammødet.'],
      milestone: [
        '{household} har fået anvist en større bolig.',
        'Milepæl: {household} har fået overblik over gælden og et budget.',
      ],
    },
    topics: [
      'Vi talte om arbejde inden for lager og logistik; {name} er interesseret i et truckcertifikat.',
      '{name} fortæller, at søvnen er dårlig, og at lægen er inddraget.',
      'Drøftet jobsøgning: tre ansøgninger sendt i denne måned og én indkaldelse til samtale.',
      'Økonomien er stadig stram; der er kommet en rykker fra elselskabet.',
      '{name} arbejder to formiddage som frivillig på en café og er glad for det.',
      'Talt om børnepasning, da det er svært at arbejde i dagtimerne uden pasning.',
      '{name} oplyser at have ondt i ryggen ved længere tids stående arbejde.',
      'Danskundervisningen går godt; {name} taler bedre dansk end ved første møde.',
      'Vi gennemgik CV sammen og tilføjede erfaringen fra rengøring.',
      '{name} er bekymret for huslejen, som stiger fra årsskiftet.',
      'Samtale om motivation: {name} vil gerne i arbejde, men er bange for ikke at kunne holde til det.',
      'Der har været kontakt med mentoren, som ser muligheder i ældreplejen.',
      '{name} har været til jobsamtale i et supermarked, men fik ikke jobbet.',
      'Transportudgifterne til forløbet er et problem; enkeltydelse er drøftet.',
      '{name} søger job som chauffør og har fået hjælp til ansøgningen.',
      'Årsagen til fraværet i sidste uge var sygdom i familien.',
      '{name} har få sociale relationer og er meget alene hjemme.',
      'Gældsrådgivningen har lavet et overblik; der er indgået aftale med to kreditorer.',
      '{name} er begyndt at træne igen, hvilket ser ud til at hjælpe.',
      'Ydelsen er reguleret efter indberetningen af indtægt sidste måned.',
      'Vi talte om timerne hos arbejdsgiveren; {name} ønsker flere timer.',
      '{name} har brug for hjælp til at udfylde skemaerne fra Udbetaling Danmark.',
    ],
    visit: [
      'Boligen er pæn, men der ligger meget uåbnet post på bordet.',
      'Børnene var hjemme; den ældste hjalp med at oversætte.',
      'Der er fugt i lejligheden og skimmel på badeværelset; udlejer er kontaktet.',
      'Der er næsten ingen møbler; ansøgning om hjælp til indbo er drøftet.',
      'Stemningen var rolig, og der blev budt på te og kage.',
    ],
    household: [
      'Børnene går i skole igen, og den ældste søger et fritidsjob.',
      'Familien har svært ved brevene fra Skattestyrelsen om forskudsopgørelsen.',
      'Familieafdelingen er inde over; én gang om ugen kommer en familiebehandler.',
      'Forældrene er interesserede i et kursus i forældrestøtte.',
      'Huslejerestancen er nedbragt takket være afdragsordningen.',
      'Koordinering med skolen om den yngstes fravær.',
      'De økonomiske bekymringer fylder i hele familien; forældrene skændes ofte om penge.',
    ],
    agreements: [
      'Aftalt at {name} finder to relevante stillinger til næste uge.',
      'Aftale: {name} afleverer lønsedler inden fredag.',
      'Vi mødes igen om tre uger på jobcentret.',
      'Jeg henviser {name} til en mentor og følger op i næste uge.',
      'Aftalt at {name} tilmelder sig to vikarbureauer.',
      '{name} kontakter selv lægen for en henvisning.',
      'Jeg søger om hjælp til transportudgifter.',
      'Næste møde bliver en rundbordssamtale med arbejdsgiveren.',
      'Aftalt at {name} tjekker Min Plan én gang om ugen.',
      '{name} møder op i sprogcaféen på biblioteket tirsdag eftermiddag.',
    ],
    reflections: [
      'Mit indtryk er, at {name} er mere motiveret end ved opstarten.',
      'Jeg er i tvivl om, forløbet er det rette nu; helbredet skal først stabiliseres.',
      'Det ser ud til, at gælden giver meget stress og blokerer for resten.',
      'Der er opstået et godt samarbejde; {name} tør nu også fortælle om problemer.',
      'Jeg tager sagen op på teammødet, da der er mere i spil end beskæftigelse.',
      'Positivt: {name} overholder alle aftaler og kommer til tiden.',
      'Bekymring for netværket: uden for familien er der kun lidt støtte.',
      'Næste skridt kunne være en praktik på tolv timer om ugen.',
    ],
    family: 'familien',
  },
  en: {
    openers: {
      conversation: [
        'Meeting at the office with {name}.',
        'Progress meeting with {name}.',
        '{name} came to the drop-in hour.',
        'Talked through how things stand with {name}.',
        'Meeting with {name}, with an interpreter present.',
      ],
      phone_call: [
        'Called {name}.',
        'Phone call with {name}.',
        '{name} called about the benefit payment.',
        'Called back after a message from {name}.',
        'Short phone call with {name}.',
      ],
      home_visit: [
        'Home visit to {name}.',
        'Home visit; {name} was in and had made coffee.',
        'Kitchen-table talk at home with {name}.',
      ],
      agreement: [
        'Agreements recorded with {name}.',
        'Updated the action plan together with {name}.',
        'The following was agreed and signed by {name}.',
      ],
      reflection: [
        'Reflection after today’s meeting.',
        'My own impression after a few weeks of support.',
        'Points for the case review.',
      ],
      milestone: [
        '{name} started an internship at a café nearby.',
        '{name} passed the first language exam.',
        '{name} got a trial placement at a wholesaler.',
        '{name} started volunteering at the food bank.',
        '{name} signed a one-year contract.',
        'Milestone: {name} has all debts mapped and is registered with debt counselling.',
      ],
    },
    householdOpeners: {
      conversation: ['Family meeting with {household} at the office.', 'Meeting with both parents of {household}.'],
      phone_call: ['Phone call with {household} about the family situation.', 'Called {household}.'],
      home_visit: ['Home visit to {household}.', 'Home visit to {household}; the whole family was there.'],
      agreement: ['Agreements with {household} recorded.', 'Updated the family plan for {household}.'],
      reflection: ['Reflection on how {household} is doing.', 'Points about {household} for the case review.'],
      milestone: [
        '{household} has been offered a larger home.',
        'Milestone: {household} has its debts mapped and a budget plan.',
      ],
    },
    topics: [
      'We talked about work in logistics; {name} is interested in forklift training.',
      '{name} says sleep is poor and the GP is now involved.',
      'Discussed job applications: three letters sent this month and one invitation to interview.',
      'Money is still tight; there is a reminder from the energy supplier.',
      '{name} volunteers two mornings a week at a café and enjoys it.',
      'Talked about childcare, as working during the day is hard without it.',
      '{name} reports back pain when standing for long.',
      'Language classes are going well; {name} speaks more confidently than at intake.',
      'We went through the CV together and added the cleaning experience.',
      '{name} is worried about the rent, which goes up on the first of January.',
      'Talked about motivation: {name} wants to work but is afraid of not coping.',
      'There has been contact with the job coach, who sees openings in care.',
      '{name} had an interview at a supermarket but did not get the job.',
      'Travel costs to the programme are a problem; discussed a one-off grant.',
      'We discussed ideas for a small business, but that is not realistic yet.',
      '{name} has few social contacts and spends a lot of time at home.',
      'Debt counselling has made an overview; there is an arrangement with two creditors.',
      'Discussed that {name} has started exercising again, which seems to help.',
      '{name} is interested in landscaping work and wants to shadow for a day.',
      'The benefit was adjusted after last month’s income statement.',
      'We talked about the hours at the employer; {name} would like more hours.',
      '{name} was late because of a delayed bus, but had brought all the paperwork.',
    ],
    visit: [
      'The home is tidy, but there is a pile of unopened post on the table.',
      'The children were home; the eldest helped translate.',
      'The flat is damp with mould in the bathroom; the landlord has been contacted.',
      'There is little furniture; discussed an application for furnishing costs.',
      'The atmosphere was relaxed; we were offered tea and biscuits.',
    ],
    household: [
      'The children are back at school and the eldest is looking for a weekend job.',
      'The family struggles with letters from the tax office about allowances.',
      'Youth care is involved; a family coach visits once a week.',
      'The parents are interested in a parenting support course.',
      'The rent arrears are going down thanks to the payment plan.',
      'Coordinated with the school about the youngest’s absences.',
      'Money worries weigh on the whole family; the parents often argue about it.',
    ],
    agreements: [
      'Agreed that {name} will pick out two vacancies by next week.',
      'Agreed: {name} hands in the payslips before Friday.',
      'We meet again at the office in three weeks.',
      'I will refer {name} to the job coach and call next week.',
      'Agreed that {name} signs up with two employment agencies.',
      '{name} will ask the GP for a referral.',
      'I will apply for a grant towards the travel costs.',
      'The next meeting will be a three-way meeting with the employer.',
      'Agreed that {name} checks the online inbox once a week.',
      '{name} will go to the language café at the library on Tuesday afternoons.',
    ],
    reflections: [
      'My impression is that {name} is more motivated than at the start.',
      'I doubt the programme is the right fit yet; health needs to stabilise first.',
      'The debts seem to cause a lot of stress and block everything else.',
      'A good working relationship has formed; {name} now dares to raise problems.',
      'I want to bring this to the case review, as more is going on than work alone.',
      'Positive: {name} keeps every appointment and is always on time.',
      'Concern about the network: outside the family there is little support.',
      'The next step looks like a work placement of twelve hours a week.',
    ],
    family: 'the family',
  },
};
