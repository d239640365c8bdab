import type { IndicatorContent } from './queries/sheets';

/**
 * Starter sheets key persons copy and adapt, in our own words (no licensed
 * matrix or star wording). Keys are stable across languages, so a team that
 * switches language keeps its progression.
 */
export type Starter = 'ladder' | 'work_readiness' | 'empty';
export type StarterLanguage = 'nl' | 'da' | 'en';

export interface StarterSheet {
  name: string;
  description: string;
  indicators: IndicatorContent[];
}

type Texts = Record<StarterLanguage, { name: string; description: string }>;
type LevelTexts = Record<StarterLanguage, readonly (readonly [label: string, description: string])[]>;

const LADDER: Texts = {
  nl: {
    name: 'Participatieladder',
    description: 'Zes treden, van sociaal geïsoleerd tot betaald werk zonder ondersteuning.',
  },
  da: { name: 'Deltagelsesstige', description: 'Seks trin, fra socialt isoleret til lønnet arbejde uden støtte.' },
  en: { name: 'Participation ladder', description: 'Six rungs, from socially isolated to paid work without support.' },
};

const LADDER_INDICATOR: Texts = {
  nl: { name: 'Participatie', description: 'Hoe iemand meedoet in de samenleving.' },
  da: { name: 'Deltagelse', description: 'Hvordan borgeren deltager i samfundet.' },
  en: { name: 'Participation', description: 'How someone takes part in society.' },
};

const LADDER_LEVELS: LevelTexts = {
  nl: [
    ['Geïsoleerd', 'Weinig of geen contact buiten het eigen huis.'],
    ['Contacten buitenshuis', 'Heeft af en toe contact met mensen buiten het huishouden: familie, buren, vrienden.'],
    ['Georganiseerde activiteiten', 'Doet mee aan iets georganiseerds: een club, cursus, buurthuis of dagbesteding.'],
    ['Onbetaald werk', 'Doet vrijwilligerswerk, een werkervaringsplaats of stage.'],
    ['Betaald werk met ondersteuning', 'Werkt betaald, met loonkostensubsidie, jobcoach of andere steun.'],
    ['Betaald werk zonder ondersteuning', 'Werkt betaald en redt zich zonder ondersteuning.'],
  ],
  da: [
    ['Isoleret', 'Lidt eller ingen kontakt uden for hjemmet.'],
    ['Kontakter uden for hjemmet', 'Har jævnligt kontakt med familie, naboer eller venner.'],
    ['Organiserede aktiviteter', 'Deltager i noget organiseret: en forening, et kursus eller et værested.'],
    ['Ulønnet arbejde', 'Er i frivilligt arbejde, virksomhedspraktik eller lignende.'],
    ['Lønnet arbejde med støtte', 'Arbejder mod løn med løntilskud, mentor eller anden støtte.'],
    ['Lønnet arbejde uden støtte', 'Arbejder mod løn og klarer sig uden støtte.'],
  ],
  en: [
    ['Isolated', 'Little or no contact outside the home.'],
    ['Contacts outside the home', 'Has some contact with family, neighbours or friends.'],
    ['Organised activities', 'Takes part in something organised: a club, course, community centre or day activities.'],
    ['Unpaid work', 'Volunteers, or has a work-experience placement or internship.'],
    ['Paid work with support', 'Works for pay with a wage subsidy, job coach or other support.'],
    ['Paid work without support', 'Works for pay and manages without support.'],
  ],
};

const EMPTY: Texts = {
  nl: { name: 'Nieuwe scorelijst', description: '' },
  da: { name: 'Nyt scoreark', description: '' },
  en: { name: 'New scoring sheet', description: '' },
};

function levels(texts: readonly (readonly [string, string])[], min: number) {
  return texts.map(([label, description], i) => ({ value: min + i, label, description }));
}

export function starterSheet(starter: Starter, language: StarterLanguage): StarterSheet {
  switch (starter) {
    case 'ladder':
      return {
        ...LADDER[language],
        indicators: [
          {
            key: 'participation',
            ...LADDER_INDICATOR[language],
            scaleMin: 1,
            scaleMax: 6,
            levels: levels(LADDER_LEVELS[language], 1),
          },
        ],
      };
    case 'work_readiness':
      return workReadiness(language);
    case 'empty':
      return { ...EMPTY[language], indicators: [] };
  }
}

const WORK_READINESS: Texts = {
  nl: {
    name: 'Werkfitheid',
    description: 'Zeven onderwerpen die samen laten zien hoe dicht iemand bij werk staat en waar de drempels zitten.',
  },
  da: {
    name: 'Jobparathed',
    description: 'Syv områder, der tilsammen viser, hvor tæt borgeren er på job, og hvad der står i vejen.',
  },
  en: {
    name: 'Work readiness',
    description: 'Seven areas that together show how close someone is to work and what stands in the way.',
  },
};

interface StarterIndicator {
  key: string;
  texts: Texts;
  levels: LevelTexts;
}

/** Five levels each: 1 is the largest obstacle to work, 5 is no obstacle at all. */
const WORK_READINESS_INDICATORS: readonly StarterIndicator[] = [
  {
    key: 'motivation',
    texts: {
      nl: { name: 'Motivatie', description: 'Hoe graag iemand wil werken en of diegene daar zelf stappen voor zet.' },
      da: {
        name: 'Motivation',
        description: 'Hvor meget borgeren ønsker at arbejde, og om vedkommende selv tager skridt mod det.',
      },
      en: {
        name: 'Motivation',
        description: 'How much someone wants to work and whether they take steps towards it themselves.',
      },
    },
    levels: {
      nl: [
        ['Nog niet aan toe', 'Ziet werk nu niet zitten, of andere zorgen vragen alle aandacht.'],
        ['Twijfelt', 'Praat soms over werk, maar ziet het nog niet als iets voor zichzelf.'],
        ['Wil, met een duwtje', 'Wil aan het werk en zet stappen als iemand helpt om te beginnen.'],
        ['Neemt initiatief', 'Zoekt zelf naar mogelijkheden en doet wat is afgesproken.'],
        ['Gedreven', 'Werkt vasthoudend aan een baan en gaat na een tegenslag gewoon door.'],
      ],
      da: [
        ['Ikke klar endnu', 'Kan ikke se sig selv i arbejde lige nu, eller andre bekymringer fylder det hele.'],
        ['I tvivl', 'Taler indimellem om arbejde, men ser det endnu ikke som noget for sig selv.'],
        ['Vil gerne, med støtte', 'Vil gerne i arbejde og tager skridt, når nogen hjælper med at komme i gang.'],
        ['Tager initiativ', 'Søger selv efter muligheder og gør det, der er aftalt.'],
        ['Målrettet', 'Arbejder vedholdende mod et job og fortsætter trods modgang.'],
      ],
      en: [
        ['Not ready yet', 'Cannot picture working right now, or other worries take all their attention.'],
        ['Unsure', 'Talks about work now and then, but does not yet see it as something for them.'],
        ['Willing, with a push', 'Wants to work and takes steps when someone helps them get started.'],
        ['Takes initiative', 'Looks for openings on their own and does what was agreed.'],
        ['Driven', 'Works steadily towards a job and keeps going after a setback.'],
      ],
    },
  },
  {
    key: 'work_identity',
    texts: {
      nl: {
        name: 'Beeld van werk',
        description: 'Hoe helder iemand ziet welk werk past en wat diegene een werkgever te bieden heeft.',
      },
      da: {
        name: 'Jobmål og kompetencer',
        description:
          'Hvor klart borgeren ser, hvilket arbejde der passer, og hvad vedkommende kan tilbyde en arbejdsgiver.',
      },
      en: {
        name: 'Work identity',
        description: 'How clearly someone sees which work suits them and what they can offer an employer.',
      },
    },
    levels: {
      nl: [
        ['Geen beeld', 'Weet nog niet welk werk zou passen of waar diegene goed in is.'],
        ['Vaag beeld', 'Noemt wat wensen, maar die sluiten niet aan bij de eigen kunde of bij wat er aan werk is.'],
        ['Eerste richting', 'Kan één of twee soorten werk noemen die passen, en ongeveer waarom.'],
        ['Duidelijke richting', 'Weet welk werk past, wat diegene meebrengt en wat nog geleerd moet worden.'],
        [
          'Helder profiel',
          'Presenteert zich overtuigend bij een werkgever, met een haalbaar doel en een cv dat erbij past.',
        ],
      ],
      da: [
        ['Intet billede', 'Ved endnu ikke, hvilket arbejde der kunne passe, eller hvad vedkommende er god til.'],
        ['Uklart billede', 'Nævner nogle ønsker, men de hænger ikke sammen med egne evner eller de job, der findes.'],
        ['En retning tegner sig', 'Kan nævne en eller to slags arbejde, der passer, og nogenlunde hvorfor.'],
        [
          'Klar retning',
          'Ved, hvilket arbejde der passer, hvad vedkommende kan bidrage med, og hvad der mangler at blive lært.',
        ],
        [
          'Tydelig profil',
          'Kan præsentere sig overbevisende for en arbejdsgiver med et realistisk mål og et CV, der passer.',
        ],
      ],
      en: [
        ['No picture yet', 'Does not yet know which work might suit them or what they are good at.'],
        ['Vague picture', 'Mentions some wishes, but these do not match their own skills or the jobs on offer.'],
        ['Direction emerging', 'Can name one or two kinds of work that fit, and roughly why.'],
        ['Clear direction', 'Knows which work fits, what they bring and what they still need to learn.'],
        ['Clear profile', 'Presents themselves convincingly to an employer, with a realistic goal and a CV to match.'],
      ],
    },
  },
  {
    key: 'health',
    texts: {
      nl: { name: 'Gezondheid', description: 'Hoe de lichamelijke en psychische gezondheid het werken beïnvloedt.' },
      da: { name: 'Helbred', description: 'Hvordan fysisk og psykisk helbred påvirker evnen til at arbejde.' },
      en: { name: 'Health', description: 'How physical and mental health affect the ability to work.' },
    },
    levels: {
      nl: [
        [
          'Werken nu niet mogelijk',
          'Gezondheidsklachten maken werk of een vaste dagbesteding op dit moment onmogelijk.',
        ],
        ['Sterk beperkt', 'Kan een paar uur licht bezig zijn, maar valt vaak uit of heeft veel rust nodig.'],
        [
          'Beperkt, wordt aangepakt',
          'Klachten zijn in beeld en in behandeling; deeltijdwerk met aanpassingen is haalbaar.',
        ],
        [
          'Licht beperkt',
          'De gezondheid laat werk grotendeels toe; klachten zijn met kleine aanpassingen te hanteren.',
        ],
        ['Geen belemmering', 'De gezondheid staat het gewenste aantal uren werk niet in de weg.'],
      ],
      da: [
        ['Arbejde ikke muligt nu', 'Helbredsproblemer gør arbejde eller faste aktiviteter umulige lige nu.'],
        [
          'Meget begrænset',
          'Kan klare lette opgaver et par timer ad gangen, men melder ofte fra eller har brug for meget hvile.',
        ],
        [
          'Begrænset, tages hånd om',
          'Helbredsproblemerne er kendte og under behandling; deltid med tilpasninger er realistisk.',
        ],
        ['Lidt begrænset', 'Helbredet tillader for det meste arbejde; gener kan håndteres med små tilpasninger.'],
        ['Ingen hindring', 'Helbredet står ikke i vejen for at arbejde det ønskede antal timer.'],
      ],
      en: [
        ['Work not possible now', 'Health problems make work or any fixed daily activity impossible at the moment.'],
        ['Seriously limited', 'Can do light tasks for a few hours, but often drops out or needs a lot of rest.'],
        [
          'Limited, being addressed',
          'Health problems are known and being treated; part-time work with adjustments is realistic.',
        ],
        ['Slightly limited', 'Health mostly allows work; complaints can be handled with small adjustments.'],
        ['No obstacle', 'Health does not stand in the way of working the hours they want.'],
      ],
    },
  },
  {
    key: 'punctuality',
    texts: {
      nl: {
        name: 'Afspraken en op tijd komen',
        description: 'Op tijd verschijnen en je houden aan wat is afgesproken.',
      },
      da: { name: 'Mødestabilitet', description: 'At møde til tiden og holde de aftaler, der er lavet.' },
      en: { name: 'Punctuality', description: 'Turning up on time and keeping to what was agreed.' },
    },
    levels: {
      nl: [
        ['Komt zelden', 'Mist de meeste afspraken zonder af te melden.'],
        ['Wisselend', 'Komt ongeveer de helft van de keren, vaak te laat of onvoorbereid.'],
        [
          'Meestal',
          'Komt de meeste afspraken na als diegene eraan herinnerd wordt, en meldt zich af als het niet lukt.',
        ],
        ['Betrouwbaar', 'Is bijna altijd op tijd en voorbereid, ook zonder herinnering.'],
        [
          'Zoals een werkgever verwacht',
          'Houdt zich aan werktijden en afspraken zoals op een werkplek, ook over langere tijd.',
        ],
      ],
      da: [
        ['Kommer sjældent', 'Udebliver fra de fleste aftaler uden at melde afbud.'],
        ['Svingende', 'Kommer cirka halvdelen af gangene, ofte for sent eller uforberedt.'],
        ['For det meste', 'Overholder de fleste aftaler med en påmindelse og melder afbud, når det ikke går.'],
        ['Stabil', 'Møder næsten altid til tiden og forberedt, også uden påmindelse.'],
        [
          'Som en arbejdsgiver forventer',
          'Overholder arbejdstider og aftaler som på en arbejdsplads, også over længere tid.',
        ],
      ],
      en: [
        ['Rarely shows up', 'Misses most appointments without letting anyone know.'],
        ['Irregular', 'Comes about half the time, often late or unprepared.'],
        ['Mostly', 'Keeps most appointments when reminded, and cancels when they cannot make it.'],
        ['Reliable', 'Is almost always on time and prepared, without reminders.'],
        [
          'As an employer expects',
          'Keeps to working hours and agreements as at a workplace, also over a longer period.',
        ],
      ],
    },
  },
  {
    key: 'social_network',
    texts: {
      nl: {
        name: 'Sociaal netwerk',
        description: 'Mensen om iemand heen die steunen en kunnen helpen op weg naar werk.',
      },
      da: { name: 'Netværk', description: 'Mennesker omkring borgeren, som støtter og kan hjælpe på vejen mod job.' },
      en: {
        name: 'Social network',
        description: 'People around someone who support them and can help them towards work.',
      },
    },
    levels: {
      nl: [
        ['Er alleen voor', 'Heeft bijna niemand om op terug te vallen, of contacten zorgen vooral voor spanning.'],
        [
          'Klein netwerk',
          'Heeft één of twee mensen om op terug te vallen, maar die kunnen weinig helpen richting werk.',
        ],
        ['Enige steun', 'Heeft een paar mensen die in het dagelijks leven steunen en de gezette stappen aanmoedigen.'],
        ['Steunend netwerk', 'Krijgt praktische hulp van anderen, zoals oppas, vervoer of tips over vacatures.'],
        ['Sterk netwerk', 'Heeft een gevarieerd netwerk en zet dat actief in, ook om werk te vinden.'],
      ],
      da: [
        ['Står alene', 'Har næsten ingen at støtte sig til, eller kontakterne giver mest uro.'],
        ['Lille netværk', 'Har en eller to at støtte sig til, men de kan ikke hjælpe meget i forhold til job.'],
        ['Nogen støtte', 'Har nogle få, der støtter i hverdagen og bakker op om de skridt, der tages.'],
        [
          'Støttende netværk',
          'Får praktisk hjælp fra andre, for eksempel pasning, transport eller tips om ledige stillinger.',
        ],
        ['Stærkt netværk', 'Har et bredt netværk og bruger det aktivt, også til at finde arbejde.'],
      ],
      en: [
        ['On their own', 'Has hardly anyone to fall back on, or their contacts mostly cause strain.'],
        ['Small network', 'Has one or two people to fall back on, but they can do little to help towards work.'],
        ['Some support', 'Has a few people who support them day to day and encourage the steps they take.'],
        [
          'Supportive network',
          'Gets practical help from others, such as childcare, transport or tips about vacancies.',
        ],
        ['Strong network', 'Has a varied network and uses it actively, also to find work.'],
      ],
    },
  },
  {
    key: 'language',
    texts: {
      nl: {
        name: 'Nederlandse taal',
        description: 'Hoe goed iemand Nederlands spreekt, begrijpt, leest en schrijft, gemeten aan wat werk vraagt.',
      },
      da: {
        name: 'Dansk sprog',
        description: 'Hvor godt borgeren taler, forstår, læser og skriver dansk i forhold til, hvad et job kræver.',
      },
      en: {
        name: 'Language',
        description:
          'How well someone speaks, understands, reads and writes the local language, measured against what work asks.',
      },
    },
    levels: {
      nl: [
        ['Nog geen', 'Kan zich nog niet verstaanbaar maken zonder tolk of hulp van anderen.'],
        ['Basis', 'Redt zich met moeite in eenvoudige gesprekken; formulieren lezen lukt nog niet.'],
        [
          'Redt zich',
          'Redt zich in alledaagse gesprekken en eenvoudige teksten; werkinstructies moeten soms worden uitgelegd.',
        ],
        ['Goed', 'Begrijpt werkinstructies en praat zonder veel moeite met collega’s en klanten.'],
        ['Vloeiend', 'Spreekt, leest en schrijft goed genoeg voor het werk dat diegene ambieert.'],
      ],
      da: [
        ['Endnu intet', 'Kan endnu ikke gøre sig forståelig uden tolk eller hjælp fra andre.'],
        ['Grundlæggende', 'Klarer med besvær enkle samtaler; at læse blanketter går endnu ikke.'],
        ['Klarer sig', 'Klarer hverdagssamtaler og enkle tekster; arbejdsinstruktioner skal indimellem forklares.'],
        ['Godt', 'Forstår arbejdsinstruktioner og taler uden større besvær med kolleger og kunder.'],
        ['Flydende', 'Taler, læser og skriver godt nok til det arbejde, vedkommende sigter mod.'],
      ],
      en: [
        ['None yet', 'Cannot yet make themselves understood without an interpreter or help from others.'],
        ['Basic', 'Manages simple conversations with difficulty; reading forms is not yet possible.'],
        ['Getting by', 'Manages everyday conversations and simple texts; work instructions sometimes need explaining.'],
        ['Good', 'Understands work instructions and talks to colleagues and customers without much trouble.'],
        ['Fluent', 'Speaks, reads and writes well enough for the work they are aiming for.'],
      ],
    },
  },
  {
    key: 'finances',
    texts: {
      nl: { name: 'Financiën', description: 'Hoe geldzaken en schulden de weg naar werk beïnvloeden.' },
      da: { name: 'Økonomi', description: 'Hvordan pengesager og gæld påvirker vejen mod job.' },
      en: { name: 'Finances', description: 'How money matters and debts affect the way towards work.' },
    },
    levels: {
      nl: [
        ['Acute nood', 'Heeft dringende schulden of geen inkomen; geldzorgen laten geen ruimte voor iets anders.'],
        ['Onstabiel', 'Komt regelmatig tekort; schulden zijn nog niet in beeld of geregeld.'],
        [
          'Geregeld met hulp',
          'Schulden zitten in een regeling of er is budgetbeheer, en de vaste lasten worden betaald.',
        ],
        ['Stabiel', 'Regelt de eigen geldzaken zelf, met af en toe een vraag.'],
        ['Zelfstandig', 'Houdt inkomsten en rekeningen zelf bij; geld staat werk niet in de weg.'],
      ],
      da: [
        ['Akut krise', 'Har presserende gæld eller ingen indtægt; pengebekymringer giver ikke plads til andet.'],
        ['Ustabil', 'Mangler jævnligt penge; gælden er endnu ikke overskuet eller ordnet.'],
        [
          'Styr på det med hjælp',
          'Gælden er i en afdragsordning, eller der er hjælp til budget, og de faste udgifter bliver betalt.',
        ],
        ['Stabil', 'Klarer selv sin økonomi med et spørgsmål en gang imellem.'],
        ['Selvstændig', 'Holder selv styr på indtægter og regninger; økonomien står ikke i vejen for job.'],
      ],
      en: [
        ['Acute crisis', 'Has urgent debts or no income; money worries leave no room for anything else.'],
        ['Unstable', 'Regularly runs short; debts are not yet mapped out or dealt with.'],
        ['Managed with help', 'Debts are in a repayment plan or there is budget support, and fixed costs get paid.'],
        ['Stable', 'Handles their own money matters, with the odd question.'],
        ['Independent', 'Keeps track of income and bills themselves; money does not stand in the way of work.'],
      ],
    },
  },
];

function workReadiness(language: StarterLanguage): StarterSheet {
  return {
    ...WORK_READINESS[language],
    indicators: WORK_READINESS_INDICATORS.map((indicator) => ({
      key: indicator.key,
      ...indicator.texts[language],
      scaleMin: 1,
      scaleMax: 5,
      levels: levels(indicator.levels[language], 1),
    })),
  };
}
