import { type AppError, conflict } from './app-error';

/** How deep to follow `cause`, as for storage failures. */
const MAX_CAUSES = 5;

/**
 * A write a key person's laptop refused because the client is a colleague's (the triggers of
 * migration 0012 raise `koers: colleagues_client`): the user's own plain refusal, not a bug.
 */
export function colleaguesClientRefusal(error: unknown): AppError | null {
  let current = error;
  for (let depth = 0; depth < MAX_CAUSES && typeof current === 'object' && current !== null; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (
      code === 'SQLITE_CONSTRAINT_TRIGGER' &&
      typeof message === 'string' &&
      message.includes('koers: colleagues_client')
    )
      return conflict("A colleague's client: only its assignment can change on this laptop", {
        reason: 'colleagues_client',
      });
    current = cause;
  }
  return null;
}
