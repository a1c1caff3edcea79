import type { Context } from 'hono';
import { z } from 'zod';
import { idSchema } from '../core/db/ids.js';
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

/** How a page names one field in its messages (GOV.UK error message style). */
export interface FieldWording {
  /** The field's name at the start of a sentence: "Notes", "The name of your organisation". */
  label: string;
  /** The id of the field on the page, when it is not the schema's top-level key. */
  id?: string;
  /** Said when the field is left empty; "Enter " and the label by default. */
  whenEmpty?: string;
  /** Said for an answer in the wrong form (a pattern, a choice), when "<label> <problem>" would not read well. */
  whenWrong?: string;
}

/** Wording keyed by the schema path ("notes", "address.town") or its first part ("address"). */
export type FormWording = Record<string, FieldWording>;

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
const upperFirst = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** A label made from a schema key when a page gives none: "hoursWorked" is "Hours worked". */
const labelFromKey = (key: string) => upperFirst(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());

function wordingFor(path: string, wording: FormWording): { key: string; field: FieldWording } {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const key = parts.slice(0, length).join('.');
    const field = wording[key];
    if (field) return { key, field };
  }
  const key = parts[0] || 'form';
  return { key, field: { label: labelFromKey(key) } };
}

const emptyAnswer = (issue: z.core.$ZodIssue) =>
  issue.code === 'invalid_type' ||
  (issue.code === 'too_small' && (issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) <= 1);

/**
 * The sentence for one problem with one field. A message a schema or a service wrote as a
 * sentence of its own (it starts with a capital) is kept; otherwise what to enter when it is
 * empty, what to choose when the choice is not one offered, else the field's label before the
 * plain problem ("Notes" + "must be 2000 characters or fewer").
 */
export function fieldMessage(
  field: FieldWording,
  problem: string,
  kind: 'empty' | 'choice' | 'wrong' | 'other',
): string {
  if (/^[A-Z]/.test(problem)) return problem;
  if (kind === 'empty') return field.whenEmpty ?? `Enter ${lowerFirst(field.label)}`;
  if (kind === 'choice') return field.whenWrong ?? field.whenEmpty ?? `Choose ${lowerFirst(field.label)}`;
  if (kind === 'wrong' && field.whenWrong) return field.whenWrong;
  return `${field.label} ${problem}`;
}

/**
 * Turns zod's issues into one message per field, keyed by the field's id on the page, in the
 * order they are shown. zod's own messages are already plain fragments (see
 * `core/plain-messages.ts`); `wording` gives each field its label.
 */
export function fieldErrors(error: z.ZodError, wording: FormWording = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const { key, field } = wordingFor(issue.path.map(String).join('.'), wording);
    const id = field.id ?? key;
    if (errors[id]) continue;
    const tooLong = issue.code === 'too_big' && issue.origin === 'string';
    // A choice the page did not offer is one not made: the list of codes is for API clients.
    const kind = emptyAnswer(issue) ? 'empty' : issue.code === 'invalid_value' ? 'choice' : tooLong ? 'other' : 'wrong';
    errors[id] = fieldMessage(field, issue.message, kind);
  }
  return errors;
}

/**
 * The limits a schema states (as the OpenAPI document does), so that a page checks what the API
 * checks: `maxLength` of a text, `maxItems` of a list and `itemMaxLength` of each item in it.
 */
export function limitsOf(schema: z.ZodType): { maxLength?: number; maxItems?: number; itemMaxLength?: number } {
  const stated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    maxLength?: number;
    maxItems?: number;
    items?: { maxLength?: number };
  };
  return { maxLength: stated.maxLength, maxItems: stated.maxItems, itemMaxLength: stated.items?.maxLength };
}

/** The most characters a text schema takes (its `.max()`). */
export function maxLengthOf(schema: z.ZodType): number {
  const { maxLength } = limitsOf(schema);
  if (maxLength === undefined) throw new Error('maxLengthOf needs a text schema with a maximum length');
  return maxLength;
}

/**
 * Free-text answers longer than their limits, as "Notes must be 2000 characters or fewer".
 * Pages check these with their other rules, so an over-long note is reported beside the field
 * (and kept) instead of reaching a store that refuses it.
 */
export function tooLongAnswers(form: FormBody, limits: Record<string, { label: string; max: number }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, { label, max }] of Object.entries(limits))
    if (text(form, name).length > max) errors[name] = `${label} must be ${max} characters or fewer`;
  return errors;
}

/**
 * A service's refusal (one of `codes`) as messages beside the fields: `fieldFor` maps each problem's
 * API path to a field id, and `wording` names each field, so "must be a Monday" reads "The week
 * must be a Monday". A refusal without field problems lands on `fallbackField`. Any other error is
 * rethrown for the error page.
 */
export function fieldErrorsFromRefusal(
  error: unknown,
  options: {
    codes: readonly ErrorCode[];
    fieldFor: (path: string) => string;
    fallbackField: string;
    wording?: FormWording;
  },
): FieldErrors {
  if (!(error instanceof ApiError) || !options.codes.includes(error.code)) throw error;
  const errors: FieldErrors = {};
  if (Array.isArray(error.details))
    for (const problem of error.details) {
      const id = options.fieldFor(problem.path);
      errors[id] ??= fieldMessage(options.wording?.[id] ?? { label: labelFromKey(id) }, problem.message, 'other');
    }
  if (Object.keys(errors).length === 0) errors[options.fallbackField] = error.message;
  return errors;
}

/** True for a stored record's id, as a page checks a chosen value before asking a service about it. */
export const isId = (value: string | undefined) => idSchema.safeParse(value).success;
