/**
 * The light formatting of note text, as a small tree: the renderer builds React
 * elements from it, so nothing a caseworker types is ever parsed as HTML.
 */

export type Inline = { type: 'text'; text: string } | { type: 'strong'; text: string };
/** A paragraph keeps its single line breaks: one entry per line. */
export type Block = { type: 'paragraph'; lines: Inline[][] } | { type: 'list'; items: Inline[][] };

const BULLET = /^\s*[-*] +(.*)$/;
const BOLD = /\*\*(.+?)\*\*/g;

/** `**bold**` becomes strong; everything else (URLs, tags, entities) stays plain text. */
export function parseInline(line: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of line.matchAll(BOLD)) {
    if (match.index > last) parts.push({ type: 'text', text: line.slice(last, match.index) });
    parts.push({ type: 'strong', text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < line.length) parts.push({ type: 'text', text: line.slice(last) });
  return parts;
}

/** Blank line: new paragraph. Lines starting with "- " or "* ": a bullet list. */
export function parseNote(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (current?.type !== 'list') {
        current = { type: 'list', items: [] };
        blocks.push(current);
      }
      current.items.push(parseInline(bullet[1] ?? ''));
    } else {
      if (current?.type !== 'paragraph') {
        current = { type: 'paragraph', lines: [] };
        blocks.push(current);
      }
      current.lines.push(parseInline(line));
    }
  }
  return blocks;
}

/** Marks the search puts around matched words (see db/search/notes.ts). */
const MARK_START = '\u0002';
const MARK_END = '\u0003';

/** A search snippet as pieces, the matched ones marked; stray or unclosed markers are dropped. */
export function splitHighlights(snippet: string): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let marked = false;
  let buffer = '';
  const push = () => {
    const last = parts.at(-1);
    if (buffer && last && !last.marked && !marked) last.text += buffer;
    else if (buffer) parts.push({ text: buffer, marked });
    buffer = '';
  };
  for (const char of snippet) {
    if (char === MARK_START && !marked) {
      push();
      marked = true;
    } else if (char === MARK_END && marked) {
      push();
      marked = false;
    } else if (char !== MARK_START && char !== MARK_END) {
      buffer += char;
    }
  }
  marked = false;
  push();
  return parts;
}
