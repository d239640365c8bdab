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
