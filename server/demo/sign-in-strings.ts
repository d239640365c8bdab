import type { Language } from '../../common/languages';

/** The demo sign-in page's words, in the languages Koers speaks. */
export const SIGN_IN_STRINGS: Record<
  Language,
  { title: string; banner: string; choose: string; cancel: string; failed: string }
> = {
  nl: {
    title: 'Aanmelden bij Koers — demo',
    banner:
      'Demo — niet voor echte gegevens. De mensen hieronder zijn verzonnen en niemand wordt gecontroleerd: voer geen gegevens van echte klanten in.',
    choose: 'Kies als wie u zich aanmeldt:',
    cancel: 'Annuleren',
    failed: 'Aanmelden is mislukt',
  },
  da: {
    title: 'Log ind på Koers — demo',
    banner:
      'Demo — ikke til rigtige data. Personerne nedenfor er opdigtede, og ingen bliver kontrolleret: indtast ikke oplysninger om rigtige borgere.',
    choose: 'Vælg, hvem du logger ind som:',
    cancel: 'Annuller',
    failed: 'Login mislykkedes',
  },
  en: {
    title: 'Sign in to Koers — demo',
    banner:
      'Demo — not for real data. The people below are made up and nobody is checked: do not enter anything about real clients.',
    choose: 'Choose who you sign in as:',
    cancel: 'Cancel',
    failed: 'Sign-in failed',
  },
};
