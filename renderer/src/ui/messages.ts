import { defineMessages } from '../../../common/i18n/define';

/** The shared date and time fields: how a date is typed here, the calendar, and a date that does not exist. */
export const messages = defineMessages({
  en: {
    placeholder: 'dd-mm-yyyy',
    timePlaceholder: 'hh:mm',
    date: 'Date',
    time: 'Time',
    invalid: '{{field}}: {{text}} is not a date. Type it day first, e.g. 7-12-2026 or 7-12.',
    invalidTime: '{{field}}: {{text}} is not a time. Type it as on a 24-hour clock, e.g. 14:30.',
    open: 'Open the calendar',
    calendar: 'Calendar: {{field}}',
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
  },
  nl: {
    placeholder: 'dd-mm-jjjj',
    timePlaceholder: 'uu:mm',
    date: 'Datum',
    time: 'Tijd',
    invalid: '{{field}}: {{text}} is geen datum. Typ eerst de dag, bijvoorbeeld 7-12-2026 of 7-12.',
    invalidTime: '{{field}}: {{text}} is geen tijd. Typ hem als op een 24-uursklok, bijvoorbeeld 14:30.',
    open: 'Kalender openen',
    calendar: 'Kalender: {{field}}',
    previousMonth: 'Vorige maand',
    nextMonth: 'Volgende maand',
  },
  da: {
    placeholder: 'dd-mm-åååå',
    timePlaceholder: 'tt:mm',
    date: 'Dato',
    time: 'Klokkeslæt',
    invalid: '{{field}}: {{text}} er ikke en dato. Skriv dagen først, f.eks. 7-12-2026 eller 7-12.',
    invalidTime: '{{field}}: {{text}} er ikke et klokkeslæt. Skriv det som på et 24-timers ur, f.eks. 14:30.',
    open: 'Åbn kalenderen',
    calendar: 'Kalender: {{field}}',
    previousMonth: 'Forrige måned',
    nextMonth: 'Næste måned',
  },
});
