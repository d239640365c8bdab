/** A file name fit to suggest in a save dialog: made only by `saveName`. */
export type SaveName = string & { readonly __saveName: unique symbol };

/** Characters no file system takes in a name, path separators among them. */
const FORBIDDEN = /[\\/:*?"<>|]+/g;
/** Control characters and the bidirectional controls that can make "x‮gnp.exe" look like "exe.png". */
const INVISIBLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** Device names Windows reserves, also with an extension ("NUL.txt"). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** In UTF-8 bytes: Linux file systems take 255 bytes, Windows 255 UTF-16 units; room is left for the extension. */
const MAX_BYTES = 200;

/**
 * "Scores ../../etc/evil 2026-11-23" → "Scores ..-..-etc-evil 2026-11-23.xlsx": the
 * suggested name of a save dialog, built from words, names and dates the user typed,
 * stays one file in the folder the user picks, on Windows, macOS and Linux. Every
 * `defaultName` passes through here (the Desktop interface takes only a SaveName).
 */
export function saveName(base: string, extension: string): SaveName {
  if (!/^[a-z0-9]+$/.test(extension)) throw new Error(`Not a file extension: ${extension}`);
  // Leading dots hide a file; Windows drops trailing dots and spaces.
  const trim = (text: string) => text.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  let name = trim(base.replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(FORBIDDEN, '-'));
  if (Buffer.byteLength(name) > MAX_BYTES) {
    // Cut between letters, never inside one.
    let bytes = 0;
    const kept = [];
    for (const letter of name) {
      bytes += Buffer.byteLength(letter);
      if (bytes > MAX_BYTES) break;
      kept.push(letter);
    }
    name = trim(kept.join(''));
  }
  if (name === '') name = 'Koers';
  if (RESERVED.test((name.split('.')[0] ?? '').trimEnd())) name = `_${name}`;
  return `${name}.${extension}` as SaveName;
}
