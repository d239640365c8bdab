import { defineMessages } from './define';

/**
 * The few sentences main shows before the renderer exists (native error boxes at start).
 * {{moved}}: where the damaged file went; {{date}}, {{clients}}, {{scorings}}, {{notes}}: the backup offered.
 */
export const startupTexts = defineMessages({
  en: {
    title: 'Koers cannot start',
    tooNew:
      'This data was saved by a newer version of Koers. Install that version to open it. Nothing has been changed.',
    busy: 'Another program (for example Koers’s command line) is using the database now. Wait until it is done and start Koers again. Nothing has been changed.',
    diskFull:
      'The disk is full, so Koers cannot open the database. Free some space and start Koers again. Nothing has been changed.',
    readOnly:
      'Koers may not write to the database or its folder (read-only). Please contact your application administrator. Nothing has been changed.',
    openFailed:
      'The database could not be opened. Nothing has been changed. Please contact your application administrator.',
    damaged: 'Koers’s data is damaged.',
    restoreOffer:
      'The damaged file was set aside as {{moved}}. The newest good backup is from {{date}}: {{clients}} clients, {{scorings}} scorings, {{notes}} notes. What was entered after it must be entered again. Restore this backup?',
    noBackup:
      'The damaged file was set aside as {{moved}}. No good backup was found; Koers does not start with an empty database. Please contact your application administrator.',
    restoreRefused:
      'The backup could not be restored: it was checked again while being restored and refused. Nothing was restored. The damaged file was set aside as {{moved}}. Please contact your application administrator.',
    restore: 'Restore backup',
    quit: 'Quit',
  },
  nl: {
    title: 'Koers kan niet starten',
    tooNew:
      'Deze gegevens zijn opgeslagen door een nieuwere versie van Koers. Installeer die versie om ze te openen. Er is niets gewijzigd.',
    busy: 'Een ander programma (bijvoorbeeld de opdrachtregel van Koers) gebruikt de database nu. Wacht tot het klaar is en start Koers opnieuw. Er is niets gewijzigd.',
    diskFull:
      'De schijf is vol, dus Koers kan de database niet openen. Maak ruimte vrij en start Koers opnieuw. Er is niets gewijzigd.',
    readOnly:
      'Koers mag de database of de map ervan niet beschrijven (alleen-lezen). Neem contact op met uw functioneel beheerder. Er is niets gewijzigd.',
    openFailed:
      'De database kon niet worden geopend. Er is niets gewijzigd. Neem contact op met uw functioneel beheerder.',
    damaged: 'De gegevens van Koers zijn beschadigd.',
    restoreOffer:
      'Het beschadigde bestand is apart gezet als {{moved}}. De nieuwste goede back-up is van {{date}}: {{clients}} klanten, {{scorings}} scores, {{notes}} notities. Wat daarna is ingevoerd, moet opnieuw worden ingevoerd. Deze back-up terugzetten?',
    noBackup:
      'Het beschadigde bestand is apart gezet als {{moved}}. Er is geen goede back-up gevonden; Koers start niet met een lege database. Neem contact op met uw functioneel beheerder.',
    restoreRefused:
      'De back-up kon niet worden teruggezet: hij is bij het terugzetten opnieuw gecontroleerd en afgekeurd. Er is niets teruggezet. Het beschadigde bestand staat apart als {{moved}}. Neem contact op met uw functioneel beheerder.',
    restore: 'Back-up terugzetten',
    quit: 'Afsluiten',
  },
  da: {
    title: 'Koers kan ikke starte',
    tooNew: 'Disse data er gemt af en nyere version af Koers. Installer den version for at åbne dem. Intet er ændret.',
    busy: 'Et andet program (for eksempel Koers’ kommandolinje) bruger databasen lige nu. Vent, til det er færdigt, og start Koers igen. Intet er ændret.',
    diskFull: 'Disken er fuld, så Koers kan ikke åbne databasen. Frigør plads, og start Koers igen. Intet er ændret.',
    readOnly:
      'Koers må ikke skrive i databasen eller dens mappe (skrivebeskyttet). Kontakt din systemansvarlige. Intet er ændret.',
    openFailed: 'Databasen kunne ikke åbnes. Intet er ændret. Kontakt din systemansvarlige.',
    damaged: 'Koers’ data er beskadiget.',
    restoreOffer:
      'Den beskadigede fil er lagt til side som {{moved}}. Den nyeste gode sikkerhedskopi er fra {{date}}: {{clients}} borgere, {{scorings}} scoringer, {{notes}} notater. Det, der er indtastet siden, skal indtastes igen. Vil du gendanne denne sikkerhedskopi?',
    noBackup:
      'Den beskadigede fil er lagt til side som {{moved}}. Der er ingen god sikkerhedskopi; Koers starter ikke med en tom database. Kontakt din systemansvarlige.',
    restoreRefused:
      'Sikkerhedskopien kunne ikke gendannes: den blev kontrolleret igen under gendannelsen og afvist. Intet er gendannet. Den beskadigede fil er lagt til side som {{moved}}. Kontakt din systemansvarlige.',
    restore: 'Gendan sikkerhedskopi',
    quit: 'Afslut',
  },
});
