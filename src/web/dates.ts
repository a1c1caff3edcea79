import type { DateParts } from './components/DateInput.js';
import { type FormBody, text } from './forms.js';

/** The three boxes of a GOV.UK date input named `name`, as typed. */
export function datePartsFrom(form: FormBody, name: string): DateParts {
  return { day: text(form, `${name}-day`), month: text(form, `${name}-month`), year: text(form, `${name}-year`) };
}

/** "2027-03-27" as the three boxes, for showing a stored date in a form. */
export function datePartsOf(value: string | undefined): DateParts {
  if (!value) return {};
  const [year, month, day] = value.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** "27", "3", "2027" as 2027-03-27, or a problem in words naming the field. Empty boxes give neither. */
export function isoDateFrom(parts: DateParts, label: string): { value?: string; error?: string } {
  const { day = '', month = '', year = '' } = parts;
  if (!day && !month && !year) return {};
  const problem = { error: `${label} must be a real date, like 27 3 2027` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return problem;
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return problem;
  return { value };
}
