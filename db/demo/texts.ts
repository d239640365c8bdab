/**
 * The words of the demo caseload, per app language: target groups, to-do titles,
 * closure notes and household names, in the terms klantmanagers and
 * sagsbehandlere use themselves.
 */
import type { ActionKind } from '../schema';
import type { Origin } from './names';

export type DemoLanguage = 'nl' | 'da' | 'en';

export interface TargetGroupSpec {
  name: string;
  /** Relative share of clients. */
  weight: number;
  minAge?: number;
  maxAge?: number;
  /** Clients of this group are drawn from these origins only (e.g. refugees). */
  origins?: readonly Origin[];
  /** Whole households are typically in this group. */
  family?: boolean;
  /** False for groups defined by age: households are not placed in them. */
  households?: boolean;
  /** Rescore every so many weeks. */
  rescoreWeeks: number;
  /** Scored on the participation ladder rather than work readiness. */
  ladder?: boolean;
}

const REFUGEE_ORIGINS: readonly Origin[] = ['syrian', 'eritrean'];

export const TARGET_GROUPS: Readonly<Record<DemoLanguage, readonly TargetGroupSpec[]>> = {
  nl: [
    { name: 'Werkfit (Participatiewet)', weight: 30, minAge: 23, rescoreWeeks: 8 },
    { name: 'Jongeren 18–27', weight: 20, maxAge: 27, households: false, rescoreWeeks: 4 },
    { name: 'Statushouders', weight: 15, origins: REFUGEE_ORIGINS, rescoreWeeks: 8 },
    {
      name: 'Gezinnen met jeugdhulp',
      weight: 15,
      minAge: 25,
      maxAge: 55,
      family: true,
      rescoreWeeks: 12,
      ladder: true,
    },
    { name: 'Arbeidsbeperking', weight: 20, rescoreWeeks: 6 },
  ],
  da: [
    { name: 'Jobparat', weight: 30, minAge: 30, rescoreWeeks: 6 },
    { name: 'Aktivitetsparat', weight: 25, minAge: 30, rescoreWeeks: 8 },
    { name: 'Uddannelseshjælp', weight: 15, maxAge: 29, households: false, rescoreWeeks: 4 },
    { name: 'Ressourceforløb', weight: 12, minAge: 30, rescoreWeeks: 12, ladder: true },
    { name: 'Sygedagpenge', weight: 18, minAge: 25, rescoreWeeks: 8 },
  ],
  en: [
    { name: 'Work-ready (Participation Act)', weight: 25, minAge: 23, rescoreWeeks: 8 },
    { name: 'Young people 18–27', weight: 18, maxAge: 27, households: false, rescoreWeeks: 4 },
    { name: 'Refugees with a residence permit', weight: 12, origins: REFUGEE_ORIGINS, rescoreWeeks: 8 },
    {
      name: 'Families with youth care',
      weight: 12,
      minAge: 25,
      maxAge: 55,
      family: true,
      rescoreWeeks: 12,
      ladder: true,
    },
    { name: 'Work disability', weight: 15, rescoreWeeks: 6 },
    { name: 'Sickness benefit', weight: 18, minAge: 25, rescoreWeeks: 8 },
  ],
};

/**
 * Work readiness version 2 in the demo: the key person sharpened one indicator's
 * description (same keys, so progression runs on across the versions).
 */
export const SHEET_REWORDINGS: Readonly<Record<DemoLanguage, Readonly<Record<string, string>>>> = {
  nl: {
    health:
      'Hoe de lichamelijke en psychische gezondheid het werken beïnvloedt, ook klachten waarvoor nog geen hulp is.',
  },
  da: {
    health:
      'Hvordan fysisk og psykisk helbred påvirker evnen til at arbejde, også gener, der endnu ikke får behandling.',
  },
  en: {
    health: 'How physical and mental health affect the ability to work, including complaints not yet being treated.',
  },
};

export const ACTION_TITLES: Readonly<Record<DemoLanguage, Readonly<Record<ActionKind, readonly string[]>>>> = {
  nl: {
    task: [
      'Plan van aanpak opstellen',
      'Inkomstenformulier controleren',
      'Cv bijwerken met klant',
      'Aanmelden bij werkfit-traject',
      'Rapportage re-integratie schrijven',
      'Bewijsstukken opvragen',
      'Aanvraag bijzondere bijstand beoordelen',
      'Verwijzing schuldhulpverlening regelen',
      'Taaltraject aanvragen',
      'Participatieverklaring inplannen',
      'Overleg met jeugdhulp afstemmen',
      'Loonkostensubsidie aanvragen',
      'Jobcoach inschakelen',
    ],
    appointment: [
      'Gesprek over werkfit-traject',
      'Huisbezoek',
      'Intakegesprek',
      'Driegesprek met werkgever',
      'Evaluatie stageplek',
      'Voortgangsgesprek',
      'Diagnosegesprek',
      'Gesprek met leerwerkbedrijf',
      'Sollicitatietraining',
      'Keukentafelgesprek',
    ],
    follow_up: [
      'Terugbellen over uitkering',
      'Nabellen over sollicitatie',
      'Navragen uitslag keuring',
      'Terugkoppeling werkgever vragen',
      'Nabellen over proefplaatsing',
      'Afspraken plan van aanpak nagaan',
      'Mail beantwoorden over afspraak',
      'Terugbellen over toeslagen',
    ],
  },
  da: {
    task: [
      'Udarbejde jobplan',
      'Opdatere CV på Jobnet',
      'Indhente lægeattest',
      'Forberede rehabiliteringsteammøde',
      'Bevilge mentorstøtte',
      'Oprette virksomhedspraktik',
      'Vurdere rådighed',
      'Skrive statusattest',
      'Oprette løntilskudsaftale',
      'Henvise til danskuddannelse',
    ],
    appointment: [
      'Opfølgningssamtale',
      'Jobsamtale',
      'Evaluering af virksomhedspraktik',
      'Hjemmebesøg',
      'Rundbordssamtale',
      'Samtale med virksomhedskonsulent',
      'Visitationssamtale',
      'Møde i rehabiliteringsteamet',
      'Sygeopfølgningssamtale',
    ],
    follow_up: [
      'Ring tilbage om ledighedsydelse',
      'Ring tilbage om kontanthjælp',
      'Følge op på lægeattest',
      'Følge op på jobansøgning',
      'Svare på besked i Min Plan',
      'Følge op med arbejdsgiver',
      'Ring tilbage om sygedagpenge',
    ],
  },
  en: {
    task: [
      'Draft action plan',
      'Update CV with client',
      'Request supporting documents',
      'Refer to debt counselling',
      'Write re-integration report',
      'Arrange language course',
      'Apply for wage subsidy',
      'Obtain medical certificate',
    ],
    appointment: [
      'Progress meeting',
      'Home visit',
      'Intake interview',
      'Three-way meeting with employer',
      'Work placement review',
      'Job interview practice',
      'Assessment interview',
      'Follow-up meeting',
    ],
    follow_up: [
      'Call back about benefits',
      'Follow up on job application',
      'Check medical assessment outcome',
      'Ask employer for feedback',
      'Reply to client email',
      'Call back about sickness benefit',
    ],
  },
};

/** Outcome notes keyed by the shipped closure reasons (default_key); `other` also serves renamed or added reasons. */
export const CLOSURE_NOTES: Readonly<
  Record<DemoLanguage, Readonly<Record<'work' | 'education' | 'moved' | 'other', readonly string[]>>>
> = {
  nl: {
    work: [
      'Vaste baan gevonden bij een schoonmaakbedrijf, 32 uur per week.',
      'Aan het werk als orderpicker via uitzendbureau; uitkering beëindigd.',
      'Contract van zes maanden in de zorg; uitstroom naar werk.',
      'Na de werkervaringsplek in dienst genomen door het leerwerkbedrijf.',
    ],
    education: [
      'Gestart met een mbo-opleiding (BBL).',
      'Ingeschreven voor de opleiding helpende zorg en welzijn; studiefinanciering aangevraagd.',
    ],
    moved: ['Verhuisd naar een andere gemeente; dossier overgedragen.', 'Verhuisd naar familie buiten de regio.'],
    other: [
      'Uitkering beëindigd wegens samenwonen met partner met inkomen.',
      'Niet meer verschenen op afspraken; dossier gesloten na hoorgesprek.',
      'Overgedragen aan UWV (Wajong).',
    ],
  },
  da: {
    work: [
      'Fået fast job som lagermedarbejder, 37 timer om ugen.',
      'Ansat på ordinære vilkår efter virksomhedspraktik.',
      'Selvforsørgende via job i rengøring.',
      'Ansat i ældreplejen efter jobrotation.',
    ],
    education: ['Startet på erhvervsuddannelse (EUD) med SU.', 'Optaget på SOSU-uddannelsen.'],
    moved: ['Fraflyttet kommunen; sagen er overdraget.', 'Flyttet til en anden kommune.'],
    other: ['Selvforsørgende via ægtefælle.', 'Tilkendt førtidspension.', 'Overgået til fleksjob.'],
  },
  en: {
    work: [
      'Found a permanent job with a cleaning company, 32 hours a week.',
      'Working as an order picker through an agency; benefit ended.',
      'Six-month contract in care; moved off benefit into work.',
      'Hired by the employer after the work placement.',
    ],
    education: ['Started vocational training (apprenticeship track).', 'Enrolled in a healthcare assistant course.'],
    moved: ['Moved to another municipality; case file handed over.', 'Moved in with family outside the region.'],
    other: [
      'Benefit ended: now living with a partner who has an income.',
      'Stopped attending appointments; case closed after a hearing.',
      'Granted a disability pension.',
    ],
  },
};

/** "Familie De Vries": without a first name the Dutch tussenvoegsel takes a capital. */
export function householdName(language: DemoLanguage, lastName: string): string {
  const name = lastName.charAt(0).toUpperCase() + lastName.slice(1);
  if (language === 'nl') return `Familie ${name}`;
  if (language === 'da') return `Familien ${name}`;
  return `The ${name} household`;
}
