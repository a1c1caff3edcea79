import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, type ErrorCode } from '../core/errors.js';
import type { WebEnv } from './web.env.js';

/** Problems keyed by the id of the field they belong to, in the order they are shown. */
export type FieldErrors = Record<string, string>;

export type FormBody = Record<string, string | string[]>;

/** The posted form, with repeated names (checkboxes) as lists. The CSRF field is left out. */
export async function readForm(c: Context<WebEnv>): Promise<FormBody> {
  const body = await c.req.parseBody({ all: true });
  const form: FormBody = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '_csrf') continue;
    if (Array.isArray(value)) form[name] = value.filter((item): item is string => typeof item === 'string');
    else if (typeof value === 'string') form[name] = value;
  }
  return form;
}

export function text(form: FormBody, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

export function list(form: FormBody, name: string): string[] {
  const value = form[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item) => item !== '');
}

/**
 * Turns zod's issues into one message per field. `fieldIds` maps a schema path ("rights",
 * "period.days") to the id of the field on the page, and `messages` gives a plain-English
 * message per field where zod's would not read well.
 */
export function fieldErrors(
  error: z.ZodError,
  options: { fieldIds?: Record<string, string>; messages?: Record<string, string> } = {},
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const top = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    const id = options.fieldIds?.[path] ?? options.fieldIds?.[top] ?? top;
    if (errors[id]) continue;
    errors[id] = options.messages?.[path] ?? options.messages?.[top] ?? issue.message;
  }
  return errors;
}

/**
 * A service's refusal (one of `codes`) as messages beside the fields: `fieldFor` maps each problem's
 * API path to a field id, and a refusal without field problems lands on `fallbackField`. Any other
 * error is rethrown for the error page.
 */
export function fieldErrorsFromRefusal(
  error: unknown,
  options: { codes: readonly ErrorCode[]; fieldFor: (path: string) => string; fallbackField: string },
): FieldErrors {
  if (!(error instanceof ApiError) || !options.codes.includes(error.code)) throw error;
  const errors: FieldErrors = {};
  if (Array.isArray(error.details))
    for (const problem of error.details)
      errors[options.fieldFor(problem.path)] ??=
        `${problem.message.charAt(0).toUpperCase()}${problem.message.slice(1)}`;
  if (Object.keys(errors).length === 0) errors[options.fallbackField] = error.message;
  return errors;
}
