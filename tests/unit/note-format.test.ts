import { describe, expect, it } from 'vitest';
import { parseInline, parseNote, splitHighlights } from '../../renderer/src/notes/format';

const text = (t: string) => ({ type: 'text', text: t });
const strong = (t: string) => ({ type: 'strong', text: t });

describe('note formatting', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseNote('First line\nsecond line\n\n  \nNew paragraph')).toEqual([
      { type: 'paragraph', lines: [[text('First line')], [text('second line')]] },
      { type: 'paragraph', lines: [[text('New paragraph')]] },
    ]);
  });

  it('makes lists of lines starting with "- " or "* ", next to the text around them', () => {
    expect(parseNote('Agreed:\n- cv ready\n* apply twice\nThen we talk.')).toEqual([
      { type: 'paragraph', lines: [[text('Agreed:')]] },
      { type: 'list', items: [[text('cv ready')], [text('apply twice')]] },
      { type: 'paragraph', lines: [[text('Then we talk.')]] },
    ]);
    // No space after the dash: not a bullet.
    expect(parseNote('-5 degrees')).toEqual([{ type: 'paragraph', lines: [[text('-5 degrees')]] }]);
  });

  it('makes **bold** strong, also inside list items', () => {
    expect(parseInline('a **big** step and **another**')).toEqual([
      text('a '),
      strong('big'),
      text(' step and '),
      strong('another'),
    ]);
    expect(parseNote('- **by Friday**: call')).toEqual([
      { type: 'list', items: [[strong('by Friday'), text(': call')]] },
    ]);
    expect(parseInline('** not closed')).toEqual([text('** not closed')]);
  });

  it('leaves URLs as plain text', () => {
    expect(parseInline('See https://example.org/a?b=1 for more')).toEqual([
      text('See https://example.org/a?b=1 for more'),
    ]);
  });

  it('leaves HTML as plain text', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(1)</script> &amp;';
    expect(parseNote(payload)).toEqual([{ type: 'paragraph', lines: [[text(payload)]] }]);
    expect(parseInline('**<b>x</b>**')).toEqual([strong('<b>x</b>')]);
  });

  it('gives nothing for empty text', () => {
    expect(parseNote('')).toEqual([]);
    expect(parseNote('\n\n')).toEqual([]);
  });
});

describe('search snippet highlights', () => {
  it('marks the words between \\u0002 and \\u0003', () => {
    expect(splitHighlights('…over de \u0002Café\u0003-beheer en \u0002één\u0003 gesprek')).toEqual([
      { text: '…over de ', marked: false },
      { text: 'Café', marked: true },
      { text: '-beheer en ', marked: false },
      { text: 'één', marked: true },
      { text: ' gesprek', marked: false },
    ]);
  });

  it('drops stray markers and keeps HTML as text', () => {
    expect(splitHighlights('<b>x</b>\u0003 y\u0002 z')).toEqual([{ text: '<b>x</b> y z', marked: false }]);
  });
});
