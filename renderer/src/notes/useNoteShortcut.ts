import { useEffect } from 'react';

/** True when a key press belongs to a field or an open dialog, not to the page. */
function typingElsewhere(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement;
  return (
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    target.closest('input, textarea, select, dialog, [contenteditable]') !== null ||
    document.querySelector('dialog[open]') !== null
  );
}

/** `n` writes a note: a shortcut for the page as a whole, not while typing in a field. */
export function useNoteShortcut(onNote: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'n' || event.repeat || typingElsewhere(event)) return;
      event.preventDefault();
      onNote();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onNote]);
}
