import { defineMessages } from './define';

/** The browser tab after signing in to the team (main/sync/sign-in.ts): the user goes back to Koers. */
export const teamSignInTexts = defineMessages({
  en: {
    done: 'You are signed in. You can close this tab and go back to Koers.',
    failed: 'Signing in did not succeed. Go back to Koers to try again.',
  },
  nl: {
    done: 'U bent aangemeld. U kunt dit tabblad sluiten en teruggaan naar Koers.',
    failed: 'Aanmelden is niet gelukt. Ga terug naar Koers om het opnieuw te proberen.',
  },
  da: {
    done: 'Du er logget ind. Du kan lukke denne fane og gå tilbage til Koers.',
    failed: 'Login lykkedes ikke. Gå tilbage til Koers for at prøve igen.',
  },
});
