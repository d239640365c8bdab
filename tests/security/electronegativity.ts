import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Electronegativity over the code that runs in Electron (main and preload). Fails
 * on any HIGH or MEDIUM finding that is not disabled with a justification next to
 * the code it flags (`// eng-disable CHECK — why`). Part of `npm test`.
 */
const root = resolve(import.meta.dirname, '../..');
const electron = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;
const out = mkdtempSync(join(tmpdir(), 'koers-eneg-'));
let findings: string[];
try {
  // Main and preload scanned together: the app-wide checks (CSP, navigation limits,
  // permission handler) look for their code across both.
  const target = join(out, 'app');
  for (const folder of ['main', 'preload']) cpSync(join(root, folder), join(target, folder), { recursive: true });
  const csv = join(out, 'findings.csv');
  // -e: the Electron version in use (the tool would otherwise look it up online); -s medium: MEDIUM and HIGH only.
  execFileSync(
    join(root, 'node_modules/.bin/electronegativity'),
    ['-i', target, '-r', '-s', 'medium', '-v', 'false', '-e', electron, '-p', 'typescript', '-o', csv],
    { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  findings = readFileSync(csv, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .filter((row) => /^[A-Z_]+,"(HIGH|MEDIUM)"/.test(row));
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (findings.length > 0) {
  console.error(`Electronegativity: ${findings.length} finding(s) at MEDIUM or above:\n${findings.join('\n')}`);
  process.exit(1);
}
console.log('Electronegativity: no HIGH or MEDIUM findings in main/ and preload/');
