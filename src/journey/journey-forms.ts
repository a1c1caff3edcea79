import type { z } from 'zod';
import type { DateParts } from '../web/components/DateInput.js';
import { datePartsFrom, isoDateFrom } from '../web/dates.js';
import {
  type FieldErrors,
  type FormBody,
  type FormWording,
  fieldErrorsFromRefusal,
  limitsOf,
  maxLengthOf,
  text,
} from '../web/forms.js';

/** Reading the journey's forms: text, lines, dates and hours, with the API's limits and the service's refusals as field errors. */
export const value = (form: FormBody, name: string) => text(form, name);

export interface TextLimit {
  label: string;
  max: number;
}

export const limitOf = (label: string, schema: z.ZodType): TextLimit => ({ label, max: maxLengthOf(schema) });

/**
 * A box of one item a line (tasks), checked against the limits of the API's list: the length of
 * each line and the number of lines.
 */
export function linesProblem(form: FormBody, name: string, label: string, list: z.ZodType): FieldErrors {
  const { maxItems, itemMaxLength } = limitsOf(list);
  const lines = lineItems(form, name);
  if (itemMaxLength !== undefined && lines.some((item) => item.length > itemMaxLength))
    return { [name]: `${label} must be ${itemMaxLength} characters or fewer on each line` };
  if (maxItems !== undefined && lines.length > maxItems)
    return { [name]: `${label} must be ${maxItems} lines or fewer` };
  return {};
}

export const lineItems = (form: FormBody, name: string) =>
  value(form, name)
    .split('\n')
    .map((item) => item.trim())
    .filter(Boolean);
export const dateField = (form: FormBody, name: string): DateParts => datePartsFrom(form, name);

export function requireDate(form: FormBody, name: string, label: string, errors: FieldErrors): string | undefined {
  const { value: date, error } = isoDateFrom(datePartsFrom(form, name), label);
  if (error) errors[name] = error;
  else if (!date) errors[name] = `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  return date;
}

export const firstSegment = (path: string) => path.split('.')[0] ?? 'form';

export async function call(
  run: () => Promise<unknown>,
  fieldFor: (path: string) => string = firstSegment,
  wording: FormWording = {},
): Promise<FieldErrors | void> {
  try {
    await run();
  } catch (error) {
    return fieldErrorsFromRefusal(error, {
      codes: ['unprocessable', 'validation_failed', 'conflict'],
      fieldFor,
      fallbackField: 'form',
      wording,
    });
  }
}

/** `label` starts a sentence ("Hours worked"); an empty box asks for it ("Enter the hours worked") unless told how. */
export function hoursFrom(
  form: FormBody,
  name: string,
  label: string,
  errors: FieldErrors,
  whenEmpty = `Enter the ${label.toLowerCase()}`,
): number {
  const raw = value(form, name);
  const hours = Number(raw);
  if (!raw) errors[name] = whenEmpty;
  else if (!Number.isFinite(hours) || hours < 0 || hours > 60) errors[name] = `${label} must be a number from 0 to 60`;
  return hours;
}
