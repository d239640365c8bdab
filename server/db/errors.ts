/** The SQLSTATE (or Node's error code) of a failure, '' when it has none. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/**
 * Errors worth a retry: the database was unreachable, restarting, or chose this transaction as the
 * loser of a conflict. Anything else is a bug or a refusal and is not retried blindly.
 * SQLSTATE classes: 08 connection exception, 57P0x shutdown / cannot connect now, 53 insufficient
 * resources; 40001 serialization failure, 40P01 deadlock.
 */
export function isTemporary(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = errorCode(error);
  if (/^(08|53)/.test(code) || /^57P0[1-3]$/.test(code) || code === '40001' || code === '40P01') return true;
  // Node's own: the socket could not be opened or was cut.
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  const message = 'message' in error ? String(error.message) : '';
  return /Connection terminated|timeout exceeded when trying to connect/.test(message);
}
