import { defineMessages } from './define';

/**
 * The starter sheets key persons copy and adapt, in our own words (no licensed
 * matrix or star wording). Keys are the starters and their indicator keys
 * (db/starters.ts): stable across languages, so a team that switches language
 * keeps its progression. Levels run from 1 upwards, in the order given.
 * `targetGroups` are the starter target groups first run offers: the same roles
 * in every country, each named as that country's practice names it.
 */
export const starterTexts = defineMessages({
  en: {
    targetGroups: {
      ready: 'Ready for work',
      route: 'On the way to work',
      young: 'Young people under 27',
      taking_part: 'Taking part',
    },
    ladder: {
      name: 'Participation ladder',
      description: 'Six rungs, from socially isolated to paid work without support.',
      indicators: {
        participation: {
          name: 'Participation',
          description: 'How someone takes part in society.',
          levels: [
            { label: 'Isolated', description: 'Little or no contact outside the home.' },
            { label: 'Contacts outside the home', description: 'Has some contact with family, neighbours or friends.' },
            {
              label: 'Organised activities',
              description: 'Takes part in something organised: a club, course, community centre or day activities.',
            },
            { label: 'Unpaid work', description: 'Volunteers, or has a work-experience placement or internship.' },
            {
              label: 'Paid work with support',
              description: 'Works for pay with a wage subsidy, job coach or other support.',
            },
            { label: 'Paid work without support', description: 'Works for pay and manages without support.' },
          ],
        },
      },
    },
    work_readiness: {
      name: 'Work readiness',
      description: 'Seven areas that together show how close someone is to work and what stands in the way.',
      indicators: {
        motivation: {
          name: 'Motivation',
          description: 'How much someone wants to work and whether they take steps towards it themselves.',
          levels: [
            {
              label: 'Not ready yet',
              description: 'Cannot picture working right now, or other worries take all their attention.',
            },
            {
              label: 'Unsure',
              description: 'Talks about work now and then, but does not yet see it as something for them.',
            },
            {
              label: 'Willing, with a push',
              description: 'Wants to work and takes steps when someone helps them get started.',
            },
            { label: 'Takes initiative', description: 'Looks for openings on their own and does what was agreed.' },
            { label: 'Driven', description: 'Works steadily towards a job and keeps going after a setback.' },
          ],
        },
        work_identity: {
          name: 'Work identity',
          description: 'How clearly someone sees which work suits them and what they can offer an employer.',
          levels: [
            {
              label: 'No picture yet',
              description: 'Does not yet know which work might suit them or what they are good at.',
            },
            {
              label: 'Vague picture',
              description: 'Mentions some wishes, but these do not match their own skills or the jobs on offer.',
            },
            {
              label: 'Direction emerging',
              description: 'Can name one or two kinds of work that fit, and roughly why.',
            },
            {
              label: 'Clear direction',
              description: 'Knows which work fits, what they bring and what they still need to learn.',
            },
            {
              label: 'Clear profile',
              description: 'Presents themselves convincingly to an employer, with a realistic goal and a CV to match.',
            },
          ],
        },
        health: {
          name: 'Health',
          description: 'How physical and mental health affect the ability to work.',
          levels: [
            {
              label: 'Work not possible now',
              description: 'Health problems make work or any fixed daily activity impossible at the moment.',
            },
            {
              label: 'Seriously limited',
              description: 'Can do light tasks for a few hours, but often drops out or needs a lot of rest.',
            },
            {
              label: 'Limited, being addressed',
              description: 'Health problems are known and being treated; part-time work with adjustments is realistic.',
            },
            {
              label: 'Slightly limited',
              description: 'Health mostly allows work; complaints can be handled with small adjustments.',
            },
            { label: 'No obstacle', description: 'Health does not stand in the way of working the hours they want.' },
          ],
        },
        punctuality: {
          name: 'Punctuality',
          description: 'Turning up on time and keeping to what was agreed.',
          levels: [
            { label: 'Rarely shows up', description: 'Misses most appointments without letting anyone know.' },
            { label: 'Irregular', description: 'Comes about half the time, often late or unprepared.' },
            {
              label: 'Mostly',
              description: 'Keeps most appointments when reminded, and cancels when they cannot make it.',
            },
            { label: 'Reliable', description: 'Is almost always on time and prepared, without reminders.' },
            {
              label: 'As an employer expects',
              description: 'Keeps to working hours and agreements as at a workplace, also over a longer period.',
            },
          ],
        },
        social_network: {
          name: 'Social network',
          description: 'People around someone who support them and can help them towards work.',
          levels: [
            {
              label: 'On their own',
              description: 'Has hardly anyone to fall back on, or their contacts mostly cause strain.',
            },
            {
              label: 'Small network',
              description: 'Has one or two people to fall back on, but they can do little to help towards work.',
            },
            {
              label: 'Some support',
              description: 'Has a few people who support them day to day and encourage the steps they take.',
            },
            {
              label: 'Supportive network',
              description: 'Gets practical help from others, such as childcare, transport or tips about vacancies.',
            },
            { label: 'Strong network', description: 'Has a varied network and uses it actively, also to find work.' },
          ],
        },
        language: {
          name: 'Language',
          description:
            'How well someone speaks, understands, reads and writes the local language, measured against what work asks.',
          levels: [
            {
              label: 'None yet',
              description: 'Cannot yet make themselves understood without an interpreter or help from others.',
            },
            {
              label: 'Basic',
              description: 'Manages simple conversations with difficulty; reading forms is not yet possible.',
            },
            {
              label: 'Getting by',
              description:
                'Manages everyday conversations and simple texts; work instructions sometimes need explaining.',
            },
            {
              label: 'Good',
              description: 'Understands work instructions and talks to colleagues and customers without much trouble.',
            },
            { label: 'Fluent', description: 'Speaks, reads and writes well enough for the work they are aiming for.' },
          ],
        },
        finances: {
          name: 'Finances',
          description: 'How money matters and debts affect the way towards work.',
          levels: [
            {
              label: 'Acute crisis',
              description: 'Has urgent debts or no income; money worries leave no room for anything else.',
            },
            { label: 'Unstable', description: 'Regularly runs short; debts are not yet mapped out or dealt with.' },
            {
              label: 'Managed with help',
              description: 'Debts are in a repayment plan or there is budget support, and fixed costs get paid.',
            },
            { label: 'Stable', description: 'Handles their own money matters, with the odd question.' },
            {
              label: 'Independent',
              description: 'Keeps track of income and bills themselves; money does not stand in the way of work.',
            },
          ],
        },
      },
    },
    empty: {
      name: 'New scoring sheet',
    },
  },
  nl: {
    targetGroups: {
      ready: 'Werkfit',
      route: 'Ontwikkelroute naar werk',
      young: 'Jongeren tot 27 jaar',
      taking_part: 'Meedoen',
    },
    ladder: {
      name: 'Participatieladder',
      description: 'Zes treden, van sociaal geïsoleerd tot betaald werk zonder ondersteuning.',
      indicators: {
        participation: {
          name: 'Participatie',
          description: 'Hoe iemand meedoet in de samenleving.',
          levels: [
            { label: 'Geïsoleerd', description: 'Weinig of geen contact buiten het eigen huis.' },
            {
              label: 'Contacten buitenshuis',
              description: 'Heeft af en toe contact met mensen buiten het huishouden: familie, buren, vrienden.',
            },
            {
              label: 'Georganiseerde activiteiten',
              description: 'Doet mee aan iets georganiseerds: een club, cursus, buurthuis of dagbesteding.',
            },
            { label: 'Onbetaald werk', description: 'Doet vrijwilligerswerk, een werkervaringsplaats of stage.' },
            {
              label: 'Betaald werk met ondersteuning',
              description: 'Werkt betaald, met loonkostensubsidie, jobcoach of andere steun.',
            },
            {
              label: 'Betaald werk zonder ondersteuning',
              description: 'Werkt betaald en redt zich zonder ondersteuning.',
            },
          ],
        },
      },
    },
    work_readiness: {
      name: 'Werkfitheid',
      description: 'Zeven onderwerpen die samen laten zien hoe dicht iemand bij werk staat en waar de drempels zitten.',
      indicators: {
        motivation: {
          name: 'Motivatie',
          description: 'Hoe graag iemand wil werken en of diegene daar zelf stappen voor zet.',
          levels: [
            {
              label: 'Nog niet aan toe',
              description: 'Ziet werk nu niet zitten, of andere zorgen vragen alle aandacht.',
            },
            { label: 'Twijfelt', description: 'Praat soms over werk, maar ziet het nog niet als iets voor zichzelf.' },
            {
              label: 'Wil, met een duwtje',
              description: 'Wil aan het werk en zet stappen als iemand helpt om te beginnen.',
            },
            { label: 'Neemt initiatief', description: 'Zoekt zelf naar mogelijkheden en doet wat is afgesproken.' },
            { label: 'Gedreven', description: 'Werkt vasthoudend aan een baan en gaat na een tegenslag gewoon door.' },
          ],
        },
        work_identity: {
          name: 'Beeld van werk',
          description: 'Hoe helder iemand ziet welk werk past en wat diegene een werkgever te bieden heeft.',
          levels: [
            { label: 'Geen beeld', description: 'Weet nog niet welk werk zou passen of waar diegene goed in is.' },
            {
              label: 'Vaag beeld',
              description: 'Noemt wat wensen, maar die sluiten niet aan bij de eigen kunde of bij wat er aan werk is.',
            },
            {
              label: 'Eerste richting',
              description: 'Kan één of twee soorten werk noemen die passen, en ongeveer waarom.',
            },
            {
              label: 'Duidelijke richting',
              description: 'Weet welk werk past, wat diegene meebrengt en wat nog geleerd moet worden.',
            },
            {
              label: 'Helder profiel',
              description:
                'Presenteert zich overtuigend bij een werkgever, met een haalbaar doel en een cv dat erbij past.',
            },
          ],
        },
        health: {
          name: 'Gezondheid',
          description: 'Hoe de lichamelijke en psychische gezondheid het werken beïnvloedt.',
          levels: [
            {
              label: 'Werken nu niet mogelijk',
              description: 'Gezondheidsklachten maken werk of een vaste dagbesteding op dit moment onmogelijk.',
            },
            {
              label: 'Sterk beperkt',
              description: 'Kan een paar uur licht bezig zijn, maar valt vaak uit of heeft veel rust nodig.',
            },
            {
              label: 'Beperkt, wordt aangepakt',
              description: 'Klachten zijn in beeld en in behandeling; deeltijdwerk met aanpassingen is haalbaar.',
            },
            {
              label: 'Licht beperkt',
              description:
                'De gezondheid laat werk grotendeels toe; klachten zijn met kleine aanpassingen te hanteren.',
            },
            {
              label: 'Geen belemmering',
              description: 'De gezondheid staat het gewenste aantal uren werk niet in de weg.',
            },
          ],
        },
        punctuality: {
          name: 'Afspraken en op tijd komen',
          description: 'Op tijd verschijnen en je houden aan wat is afgesproken.',
          levels: [
            { label: 'Komt zelden', description: 'Mist de meeste afspraken zonder af te melden.' },
            { label: 'Wisselend', description: 'Komt ongeveer de helft van de keren, vaak te laat of onvoorbereid.' },
            {
              label: 'Meestal',
              description:
                'Komt de meeste afspraken na als diegene eraan herinnerd wordt, en meldt zich af als het niet lukt.',
            },
            { label: 'Betrouwbaar', description: 'Is bijna altijd op tijd en voorbereid, ook zonder herinnering.' },
            {
              label: 'Zoals een werkgever verwacht',
              description: 'Houdt zich aan werktijden en afspraken zoals op een werkplek, ook over langere tijd.',
            },
          ],
        },
        social_network: {
          name: 'Sociaal netwerk',
          description: 'Mensen om iemand heen die steunen en kunnen helpen op weg naar werk.',
          levels: [
            {
              label: 'Er alleen voor',
              description: 'Heeft bijna niemand om op terug te vallen, of contacten zorgen vooral voor spanning.',
            },
            {
              label: 'Klein netwerk',
              description:
                'Heeft één of twee mensen om op terug te vallen, maar die kunnen weinig helpen richting werk.',
            },
            {
              label: 'Enige steun',
              description:
                'Heeft een paar mensen die in het dagelijks leven steunen en de gezette stappen aanmoedigen.',
            },
            {
              label: 'Steunend netwerk',
              description: 'Krijgt praktische hulp van anderen, zoals oppas, vervoer of tips over vacatures.',
            },
            {
              label: 'Sterk netwerk',
              description: 'Heeft een gevarieerd netwerk en zet dat actief in, ook om werk te vinden.',
            },
          ],
        },
        language: {
          name: 'Nederlandse taal',
          description: 'Hoe goed iemand Nederlands spreekt, begrijpt, leest en schrijft, gemeten aan wat werk vraagt.',
          levels: [
            { label: 'Nog geen', description: 'Kan zich nog niet verstaanbaar maken zonder tolk of hulp van anderen.' },
            {
              label: 'Basis',
              description: 'Redt zich met moeite in eenvoudige gesprekken; formulieren lezen lukt nog niet.',
            },
            {
              label: 'Redt zich',
              description:
                'Redt zich in alledaagse gesprekken en eenvoudige teksten; werkinstructies moeten soms worden uitgelegd.',
            },
            {
              label: 'Goed',
              description: 'Begrijpt werkinstructies en praat zonder veel moeite met collega’s en klanten.',
            },
            {
              label: 'Vloeiend',
              description: 'Spreekt, leest en schrijft goed genoeg voor het werk dat diegene ambieert.',
            },
          ],
        },
        finances: {
          name: 'Financiën',
          description: 'Hoe geldzaken en schulden de weg naar werk beïnvloeden.',
          levels: [
            {
              label: 'Acute nood',
              description: 'Heeft dringende schulden of geen inkomen; geldzorgen laten geen ruimte voor iets anders.',
            },
            { label: 'Onstabiel', description: 'Komt regelmatig tekort; schulden zijn nog niet in beeld of geregeld.' },
            {
              label: 'Geregeld met hulp',
              description: 'Schulden zitten in een regeling of er is budgetbeheer, en de vaste lasten worden betaald.',
            },
            { label: 'Stabiel', description: 'Regelt de eigen geldzaken zelf, met af en toe een vraag.' },
            {
              label: 'Zelfstandig',
              description: 'Houdt inkomsten en rekeningen zelf bij; geld staat werk niet in de weg.',
            },
          ],
        },
      },
    },
    empty: {
      name: 'Nieuwe scorelijst',
    },
  },
  da: {
    targetGroups: {
      ready: 'Jobparat',
      route: 'Aktivitetsparat',
      young: 'Unge under 30 år',
      taking_part: 'Ressourceforløb',
    },
    ladder: {
      name: 'Deltagelsesstige',
      description: 'Seks trin, fra socialt isoleret til lønnet arbejde uden støtte.',
      indicators: {
        participation: {
          name: 'Deltagelse',
          description: 'Hvordan borgeren deltager i samfundet.',
          levels: [
            { label: 'Isoleret', description: 'Lidt eller ingen kontakt uden for hjemmet.' },
            {
              label: 'Kontakter uden for hjemmet',
              description: 'Har jævnligt kontakt med familie, naboer eller venner.',
            },
            {
              label: 'Organiserede aktiviteter',
              description: 'Deltager i noget organiseret: en forening, et kursus eller et værested.',
            },
            { label: 'Ulønnet arbejde', description: 'Er i frivilligt arbejde, virksomhedspraktik eller lignende.' },
            {
              label: 'Lønnet arbejde med støtte',
              description: 'Arbejder mod løn med løntilskud, mentor eller anden støtte.',
            },
            { label: 'Lønnet arbejde uden støtte', description: 'Arbejder mod løn og klarer sig uden støtte.' },
          ],
        },
      },
    },
    work_readiness: {
      name: 'Jobparathed',
      description: 'Syv områder, der tilsammen viser, hvor tæt borgeren er på job, og hvad der står i vejen.',
      indicators: {
        motivation: {
          name: 'Motivation',
          description: 'Hvor meget borgeren ønsker at arbejde, og om vedkommende selv tager skridt mod det.',
          levels: [
            {
              label: 'Ikke klar endnu',
              description: 'Kan ikke se sig selv i arbejde lige nu, eller andre bekymringer fylder det hele.',
            },
            {
              label: 'I tvivl',
              description: 'Taler indimellem om arbejde, men ser det endnu ikke som noget for sig selv.',
            },
            {
              label: 'Vil gerne, med støtte',
              description: 'Vil gerne i arbejde og tager skridt, når nogen hjælper med at komme i gang.',
            },
            { label: 'Tager initiativ', description: 'Søger selv efter muligheder og gør det, der er aftalt.' },
            { label: 'Målrettet', description: 'Arbejder vedholdende mod et job og fortsætter trods modgang.' },
          ],
        },
        work_identity: {
          name: 'Jobmål og kompetencer',
          description:
            'Hvor klart borgeren ser, hvilket arbejde der passer, og hvad vedkommende kan tilbyde en arbejdsgiver.',
          levels: [
            {
              label: 'Intet billede',
              description: 'Ved endnu ikke, hvilket arbejde der kunne passe, eller hvad vedkommende er god til.',
            },
            {
              label: 'Uklart billede',
              description: 'Nævner nogle ønsker, men de hænger ikke sammen med egne evner eller de job, der findes.',
            },
            {
              label: 'En retning tegner sig',
              description: 'Kan nævne en eller to slags arbejde, der passer, og nogenlunde hvorfor.',
            },
            {
              label: 'Klar retning',
              description:
                'Ved, hvilket arbejde der passer, hvad vedkommende kan bidrage med, og hvad der mangler at blive lært.',
            },
            {
              label: 'Tydelig profil',
              description:
                'Kan præsentere sig overbevisende for en arbejdsgiver med et realistisk mål og et CV, der passer.',
            },
          ],
        },
        health: {
          name: 'Helbred',
          description: 'Hvordan fysisk og psykisk helbred påvirker evnen til at arbejde.',
          levels: [
            {
              label: 'Arbejde ikke muligt nu',
              description: 'Helbredsproblemer gør arbejde eller faste aktiviteter umulige lige nu.',
            },
            {
              label: 'Meget begrænset',
              description:
                'Kan klare lette opgaver et par timer ad gangen, men melder ofte fra eller har brug for meget hvile.',
            },
            {
              label: 'Begrænset, tages hånd om',
              description: 'Helbredsproblemerne er kendte og under behandling; deltid med tilpasninger er realistisk.',
            },
            {
              label: 'Lidt begrænset',
              description: 'Helbredet tillader for det meste arbejde; gener kan håndteres med små tilpasninger.',
            },
            {
              label: 'Ingen hindring',
              description: 'Helbredet står ikke i vejen for at arbejde det ønskede antal timer.',
            },
          ],
        },
        punctuality: {
          name: 'Mødestabilitet',
          description: 'At møde til tiden og holde de aftaler, der er lavet.',
          levels: [
            { label: 'Kommer sjældent', description: 'Udebliver fra de fleste aftaler uden at melde afbud.' },
            { label: 'Svingende', description: 'Kommer cirka halvdelen af gangene, ofte for sent eller uforberedt.' },
            {
              label: 'For det meste',
              description: 'Overholder de fleste aftaler med en påmindelse og melder afbud, når det ikke går.',
            },
            { label: 'Stabil', description: 'Møder næsten altid til tiden og forberedt, også uden påmindelse.' },
            {
              label: 'Som en arbejdsgiver forventer',
              description: 'Overholder arbejdstider og aftaler som på en arbejdsplads, også over længere tid.',
            },
          ],
        },
        social_network: {
          name: 'Netværk',
          description: 'Mennesker omkring borgeren, som støtter og kan hjælpe på vejen mod job.',
          levels: [
            {
              label: 'Står alene',
              description: 'Har næsten ingen at støtte sig til, eller kontakterne giver mest uro.',
            },
            {
              label: 'Lille netværk',
              description: 'Har en eller to at støtte sig til, men de kan ikke hjælpe meget i forhold til job.',
            },
            {
              label: 'Nogen støtte',
              description: 'Har nogle få, der støtter i hverdagen og bakker op om de skridt, der tages.',
            },
            {
              label: 'Støttende netværk',
              description:
                'Får praktisk hjælp fra andre, for eksempel pasning, transport eller tips om ledige stillinger.',
            },
            {
              label: 'Stærkt netværk',
              description: 'Har et bredt netværk og bruger det aktivt, også til at finde arbejde.',
            },
          ],
        },
        language: {
          name: 'Dansk sprog',
          description: 'Hvor godt borgeren taler, forstår, læser og skriver dansk i forhold til, hvad et job kræver.',
          levels: [
            {
              label: 'Endnu intet',
              description: 'Kan endnu ikke gøre sig forståelig uden tolk eller hjælp fra andre.',
            },
            {
              label: 'Grundlæggende',
              description: 'Klarer med besvær enkle samtaler; at læse blanketter går endnu ikke.',
            },
            {
              label: 'Klarer sig',
              description: 'Klarer hverdagssamtaler og enkle tekster; arbejdsinstruktioner skal indimellem forklares.',
            },
            {
              label: 'Godt',
              description: 'Forstår arbejdsinstruktioner og taler uden større besvær med kolleger og kunder.',
            },
            {
              label: 'Flydende',
              description: 'Taler, læser og skriver godt nok til det arbejde, vedkommende sigter mod.',
            },
          ],
        },
        finances: {
          name: 'Økonomi',
          description: 'Hvordan pengesager og gæld påvirker vejen mod job.',
          levels: [
            {
              label: 'Akut krise',
              description: 'Har presserende gæld eller ingen indtægt; pengebekymringer giver ikke plads til andet.',
            },
            { label: 'Ustabil', description: 'Mangler jævnligt penge; gælden er endnu ikke overskuet eller ordnet.' },
            {
              label: 'Styr på det med hjælp',
              description:
                'Gælden er i en afdragsordning, eller der er hjælp til budget, og de faste udgifter bliver betalt.',
            },
            { label: 'Stabil', description: 'Klarer selv sin økonomi med et spørgsmål en gang imellem.' },
            {
              label: 'Selvstændig',
              description: 'Holder selv styr på indtægter og regninger; økonomien står ikke i vejen for job.',
            },
          ],
        },
      },
    },
    empty: {
      name: 'Nyt scoreark',
    },
  },
});
