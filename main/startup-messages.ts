import type { Language } from './contract/languages';

/**
 * The few sentences main shows before the renderer exists (native error boxes).
 * Everything else is translated in the renderer.
 */
const MESSAGES: Record<Language, { title: string; tooNew: string; openFailed: string }> = {
  nl: {
    title: 'Koers kan niet starten',
    tooNew: 'Deze gegevens zijn opgeslagen door een nieuwere versie van Koers. Installeer die versie om ze te openen. Er is niets gewijzigd.',
    openFailed: 'De database kon niet worden geopend. Er is niets gewijzigd. Neem contact op met uw functioneel beheerder.',
  },
  da: {
    title: 'Koers kan ikke starte',
    tooNew: 'Disse data er gemt af en nyere version af Koers. Installer den version for at åbne dem. Intet er ændret.',
    openFailed: 'Databasen kunne ikke åbnes. Intet er ændret. Kontakt din systemansvarlige.',
  },
  en: {
    title: 'Koers cannot start',
    tooNew: 'This data was saved by a newer version of Koers. Install that version to open it. Nothing has been changed.',
    openFailed: 'The database could not be opened. Nothing has been changed. Please contact your application administrator.',
  },
};

export function startupMessages(language: Language) {
  return MESSAGES[language];
}
