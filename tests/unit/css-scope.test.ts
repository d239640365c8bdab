import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classNamesSetIn, cssScopeProblems, type SourceFile } from '../css-scope';

const src = resolve(import.meta.dirname, '../../renderer/src');

function read(pattern: RegExp): SourceFile[] {
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((path) => pattern.test(path))
    .map((path) => ({
      path: relative(src, join(src, path)).split('\\').join('/'),
      text: readFileSync(join(src, path), 'utf8'),
    }));
}

const shared: SourceFile = {
  path: 'styles.css',
  text: '.panel { padding: 1rem } .badge { color: gray } table { width: 100% }',
};

describe('feature CSS does not leak into other features', () => {
  it('holds for the renderer', () => {
    expect(cssScopeProblems(read(/\.css$/), read(/\.tsx?$/))).toEqual([]);
  });

  it('refuses a feature rule that is not scoped to a class of its own', () => {
    const notes: SourceFile = {
      path: 'notes/notes.css',
      text: '.note-card .badge { color: red } .badge { color: red } h2 { margin: 0 }',
    };
    expect(cssScopeProblems([shared, notes], [])).toEqual([
      'notes/notes.css: ".badge" is not scoped to a class of notes/',
      'notes/notes.css: "h2" is not scoped to a class of notes/',
    ]);
  });

  it('refuses a class styled by two features', () => {
    const notes: SourceFile = { path: 'notes/notes.css', text: '.danger { color: red }' };
    const safety: SourceFile = { path: 'safety/safety.css', text: '.lock-screen .x {} .danger { background: red }' };
    expect(cssScopeProblems([shared, notes, safety], [])).toEqual([
      'safety/safety.css: .danger is styled by notes/ too',
    ]);
  });

  it("refuses importing or using another feature's stylesheet and classes", () => {
    const sheets: SourceFile = { path: 'sheets/sheets.css', text: '.coverage-page { max-width: 60rem }' };
    const coverage: SourceFile = {
      path: 'coverage/CoveragePage.tsx',
      text: 'import \'../sheets/sheets.css\';\nexport const P = () => <section className="coverage-page panel" />;',
    };
    expect(cssScopeProblems([shared, sheets], [coverage])).toEqual([
      'coverage/CoveragePage.tsx: imports sheets/sheets.css, which belongs to sheets/',
      'coverage/CoveragePage.tsx: sets .coverage-page, a class of sheets/',
    ]);
  });

  it('reads class names from strings, conditions and template literals', () => {
    const source =
      'const a = <p className="hint page-intro" />; const b = <tr className={done ? \'is-done\' : undefined} />;' +
      ' const c = <span className={`badge status-${s}`} />;';
    expect([...classNamesSetIn(source)].sort()).toEqual(['badge', 'hint', 'is-done', 'page-intro', 'status-']);
  });
});
