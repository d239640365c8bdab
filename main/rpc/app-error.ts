import type { ErrorCode, ErrorDetails } from '../contract';

/** An expected failure a handler reports to the user (as opposed to a bug). */
export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal'>,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
