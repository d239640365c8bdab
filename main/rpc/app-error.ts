import type { ErrorCode, ErrorDetails, FieldIssue } from '../../common/contract';

/** An expected failure a handler reports to the user (as opposed to a bug). */
export class AppError extends Error {
  /** The call's changes are saved all the same (an erasure not yet off the disk): views showing them must reload. */
  readonly committed: boolean;

  constructor(
    readonly code: Exclude<ErrorCode, 'internal'>,
    message: string,
    readonly details?: ErrorDetails,
    options: { committed?: boolean } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.committed = options.committed ?? false;
  }
}

/** Input that passed the schema but not the data, e.g. a retired stage or a deactivated caseworker. */
export function invalidInput(...issues: FieldIssue[]): AppError {
  return new AppError('validation', 'Invalid input', { issues });
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

export function conflict(message: string, details: ErrorDetails, options?: { committed?: boolean }): AppError {
  return new AppError('conflict', message, details, options);
}
