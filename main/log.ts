import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { restrictToUser } from './safety/backups';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Log {
  readonly folder: string;
  write(level: LogLevel, tag: string, message: string, error?: unknown): void;
}

/**
 * An error as the log may hold it: its kind, its code and where it happened.
 * Never its message: messages carry values (a name that failed a check, a note's
 * text in a parse error), and the log must hold no personal data.
 */
export function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 6)
    .map((line) => line.trim());
  return [error.name, typeof code === 'string' ? code : '', ...frames].filter(Boolean).join(' | ');
}

/**
 * The main process's log: `main.log` in the folder, rotated to `main.1.log` …
 * `main.<keep>.log` when it passes `maxBytes`, so it never grows without bound.
 * Callers pass fixed texts and ids only; errors are reduced by `errorForLog`.
 */
export function createFileLog(
  folder: string,
  options: { maxBytes?: number; keep?: number; now?: () => Date } = {},
): Log {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const file = join(folder, 'main.log');
  // The user's own, like the database: the folder 700, the files 600 (also those an older Koers left open).
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  restrictToUser(folder, true);
  for (const name of readdirSync(folder)) if (/^main(\.\d+)?\.log$/.test(name)) restrictToUser(join(folder, name));

  const rotate = () => {
    rmSync(join(folder, `main.${keep}.log`), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      const from = join(folder, `main.${n}.log`);
      if (existsSync(from)) renameSync(from, join(folder, `main.${n + 1}.log`));
    }
    renameSync(file, join(folder, 'main.1.log'));
  };

  return {
    folder,
    write(level, tag, message, error) {
      const line = `${now().toISOString()} ${level.toUpperCase()} [${tag}] ${message}${error === undefined ? '' : ` — ${errorForLog(error)}`}\n`;
      try {
        if (existsSync(file) && statSync(file).size + line.length > maxBytes) rotate();
        appendFileSync(file, line, { mode: 0o600 });
      } catch {
        // Logging must never take the app down.
      }
    },
  };
}
