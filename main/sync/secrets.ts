import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/**
 * The team sign-in's refresh token, kept encrypted in a file of its own: never in the plain
 * settings. The cipher is the OS's (Electron's safeStorage at the edge: the keychain, DPAPI,
 * libsecret); without one the token is kept in memory only and the user signs in at each start.
 */

export interface SecretCipher {
  available(): Promise<boolean>;
  encrypt(text: string): Promise<Buffer>;
  decrypt(data: Buffer): Promise<string>;
}

export interface SecretStore {
  read(): Promise<string | null>;
  /** False when this computer cannot encrypt: nothing was written. */
  write(value: string): Promise<boolean>;
  clear(): Promise<void>;
}

export function secretFile(path: string, cipher: SecretCipher): SecretStore {
  return {
    async read() {
      let data: Buffer;
      try {
        data = await readFile(path);
      } catch {
        return null;
      }
      try {
        return await cipher.decrypt(data);
      } catch {
        // Another user's or machine's key (a copied profile), or no keychain here (the command
        // line): useless here, but left alone for the program that can read it.
        return null;
      }
    },
    async write(value) {
      if (!(await cipher.available())) return false;
      const data = await cipher.encrypt(value);
      // Written whole or not at all; readable by this user only.
      const temporary = `${path}.${randomUUID()}.tmp`;
      await writeFile(temporary, data, { mode: 0o600 });
      await rename(temporary, path);
      return true;
    },
    clear: () => rm(path, { force: true }),
  };
}

/** Marks a file as the command line's sign-in, so a file of another program is never taken for one. */
const COMMAND_LINE_MARK = 'koers-command-line-sign-in:1\n';

/**
 * The command line has no OS keychain (Electron's safeStorage is the app's): its own sign-in is
 * kept in a file of its own, as text readable by this user only (0600), like other command-line
 * tools' tokens. The app's encrypted file is another one and is never touched by it.
 */
export const COMMAND_LINE_CIPHER: SecretCipher = {
  available: async () => true,
  encrypt: async (text) => Buffer.from(`${COMMAND_LINE_MARK}${text}`, 'utf8'),
  async decrypt(data) {
    const text = data.toString('utf8');
    if (!text.startsWith(COMMAND_LINE_MARK)) throw new Error('Not a sign-in of the command line');
    return text.slice(COMMAND_LINE_MARK.length);
  },
};
