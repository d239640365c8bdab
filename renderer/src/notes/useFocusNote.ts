import { useEffect } from 'react';

/** Once the notes are on screen, scrolls to the note a search result pointed at and focuses it. */
export function useFocusNote(noteId: string | undefined, ready: boolean): void {
  useEffect(() => {
    if (!noteId || !ready) return;
    const note = document.getElementById(`note-${noteId}`);
    note?.scrollIntoView({ block: 'center' });
    note?.focus({ preventScroll: true });
  }, [noteId, ready]);
}
