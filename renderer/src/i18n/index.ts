import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../common/languages';
import { messages as caseload } from '../caseload/messages';
import { messages as charts } from '../charts/messages';
import { messages as client } from '../client/messages';
import { messages as consent } from '../consent/messages';
import { messages as clientMode } from '../client-mode/messages';
import { messages as papers } from '../papers/messages';
import { messages as failure } from '../failure/messages';
import { messages as firstRun } from '../firstrun/messages';
import { messages as households } from '../households/messages';
import { messages as keyPerson } from '../keyperson/messages';
import { messages as manage } from '../manage/messages';
import { messages as myDay } from '../myday/messages';
import { messages as notes } from '../notes/messages';
import { messages as coverage } from '../coverage/messages';
import { messages as presentation } from '../presentation/messages';
import { messages as report } from '../report/messages';
import { messages as safety } from '../safety/messages';
import { messages as scoring } from '../scoring/messages';
import { messages as sheets } from '../sheets/messages';
import { messages as spreadsheets } from '../spreadsheets/messages';
import { messages as team } from '../team/messages';
import { messages as sync } from '../sync/messages';
import { messages as dates } from '../ui/messages';
import { common } from '../../../common/i18n/common';

function compose(language: Language) {
  return {
    ...common[language],
    caseload: caseload[language],
    charts: charts[language],
    client: client[language],
    consent: consent[language],
    clientMode: clientMode[language],
    papers: papers[language],
    failure: failure[language],
    firstRun: firstRun[language],
    households: households[language],
    keyPerson: keyPerson[language],
    manage: manage[language],
    myDay: myDay[language],
    notes: notes[language],
    sheets: sheets[language],
    spreadsheets: spreadsheets[language],
    scoring: scoring[language],
    coverage: coverage[language],
    team: team[language],
    sync: sync[language],
    presentation: presentation[language],
    report: report[language],
    safety: safety[language],
    dates: dates[language],
  };
}

export const resources = {
  en: { translation: compose('en') },
  nl: { translation: compose('nl') },
  da: { translation: compose('da') },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    // English texts define the keys; the other languages are checked against them.
    resources: { translation: ReturnType<typeof compose> };
  }
}

/** Starts i18next in `language`; a second call (a retried start) only switches the language. */
export async function initI18n(language: Language): Promise<typeof i18next> {
  if (i18next.isInitialized) {
    await i18next.changeLanguage(language);
    return i18next;
  }
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
