import { type AppError, conflict } from './app-error';
import { causesOf } from './storage-failure';

/**
 * A write a key person's laptop refused because the client is a colleague's (the triggers of
 * migration 0012 raise `koers: colleagues_client`): the user's own plain refusal, not a bug.
 */
export function colleaguesClientRefusal(error: unknown): AppError | null {
  for (const { code, message } of causesOf(error))
    if (
      code === 'SQLITE_CONSTRAINT_TRIGGER' &&
      typeof message === 'string' &&
      message.includes('koers: colleagues_client')
    )
      return conflict("A colleague's client: only its assignment can change on this laptop", {
        reason: 'colleagues_client',
      });
  return null;
}
