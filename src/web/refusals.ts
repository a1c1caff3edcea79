import { ApiError, type ErrorCode } from '../core/errors.js';

/**
 * True when a service refused with an ApiError of one of `codes` (of any code when none are
 * given), so a page can answer that refusal in words and let every other failure reach the error page.
 */
export function isRefusal(error: unknown, ...codes: ErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}
