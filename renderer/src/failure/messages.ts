import { defineMessages } from '../../../common/i18n/define';

/** What the renderer says when a screen, a dialog or the start itself fails. */
export const messages = defineMessages({
  en: {
    retry: 'Try again',
    page: {
      title: 'This screen could not be shown',
      body: 'Koers ran into a problem while showing this screen. Nothing was changed. Try again, or go to another screen in the menu.',
    },
    dialog: 'This window could not be shown. Nothing was changed. Close it and try again.',
    startup: {
      title: 'Koers could not start',
      info: 'Koers could not open its database and settings.',
      session: 'Koers could not load the caseworkers and the lists.',
      lock: 'Koers could not check whether it is locked.',
      screen: 'Koers could not show its window.',
      logs: 'The log folder holds the details, for whoever helps you with Koers.',
    },
  },
  nl: {
    retry: 'Opnieuw proberen',
    page: {
      title: 'Dit scherm kon niet worden getoond',
      body: 'Koers liep tegen een probleem aan bij het tonen van dit scherm. Er is niets gewijzigd. Probeer het opnieuw of ga via het menu naar een ander scherm.',
    },
    dialog: 'Dit venster kon niet worden getoond. Er is niets gewijzigd. Sluit het en probeer het opnieuw.',
    startup: {
      title: 'Koers kon niet starten',
      info: 'Koers kon zijn database en instellingen niet openen.',
      session: 'Koers kon de klantmanagers en de lijsten niet laden.',
      lock: 'Koers kon niet nagaan of het vergrendeld is.',
      screen: 'Koers kon zijn venster niet tonen.',
      logs: 'In de logmap staan de details, voor wie u met Koers helpt.',
    },
  },
  da: {
    retry: 'Prøv igen',
    page: {
      title: 'Skærmbilledet kunne ikke vises',
      body: 'Koers stødte på et problem, da skærmbilledet skulle vises. Intet er ændret. Prøv igen, eller gå til et andet skærmbillede i menuen.',
    },
    dialog: 'Vinduet kunne ikke vises. Intet er ændret. Luk det, og prøv igen.',
    startup: {
      title: 'Koers kunne ikke starte',
      info: 'Koers kunne ikke åbne sin database og sine indstillinger.',
      session: 'Koers kunne ikke indlæse sagsbehandlerne og listerne.',
      lock: 'Koers kunne ikke kontrollere, om det er låst.',
      screen: 'Koers kunne ikke vise sit vindue.',
      logs: 'Logmappen indeholder detaljerne til den, der hjælper dig med Koers.',
    },
  },
});
