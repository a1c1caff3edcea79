import { ApiError, type ErrorCode } from '../core/errors.js';

/**
 * True when a service refused with an ApiError of one of `codes` (of any code when none are
 * given), so a page can answer that refusal in words and let every other failure reach the error page.
 */
export function isRefusal(error: unknown, ...codes: ErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/**
 * What `promise` gives, or `absent` when the service says it is not there or not for this reader
 * (not_found, forbidden), so a page leaves out what the reader may not see. Any other failure (a
 * 503, a bug) still reaches the error page rather than reading as "nothing to show".
 */
export async function unlessAbsent<T>(promise: Promise<T>): Promise<T | undefined>;
export async function unlessAbsent<T, A>(promise: Promise<T>, absent: A): Promise<T | A>;
export async function unlessAbsent<T, A>(promise: Promise<T>, absent?: A): Promise<T | A | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (isRefusal(error, 'not_found', 'forbidden')) return absent;
    throw error;
  }
}
