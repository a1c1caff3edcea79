import { z } from 'zod';

/**
 * What zod says about a value, in the plain words of the rest of the service: a fragment that
 * follows the field's name ("notes" + "must be 2000 characters or fewer"), never the library's
 * own wording ("Too big: expected string to have <=2000 characters"). Installed once, as zod's
 * global error map, so every schema says it the same way: the API's `details` show the fragment
 * after the field's path, and the pages put the field's label in front of it. A message a schema
 * gives itself ("must be a UK postcode, like SW1A 1AA") still wins, as zod ranks a schema's own
 * message above the global one.
 */
export function plainIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return typeNames[issue.expected] ?? 'is not the right kind of value';
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive ?? true);
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive ?? true);
    case 'invalid_format':
      return formatNames[issue.format] ?? 'is not in the right format';
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} that ${issue.keys.length === 1 ? 'is' : 'are'} not known: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'is not one of the forms this field takes';
    case 'invalid_key':
      return 'has a name that is not allowed';
    case 'invalid_element':
      return 'has a value that is not allowed';
    default:
      return 'is not valid';
  }
}

const typeNames: Partial<Record<string, string>> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  bigint: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be an object with named fields',
  date: 'must be a date',
  null: 'must be null',
};

const formatNames: Partial<Record<string, string>> = {
  date: 'must be a real date, like 2026-09-01',
  datetime: 'must be a date and time, like 2026-09-01T09:30:00Z',
  time: 'must be a time, like 09:30',
  email: 'must be an email address, like name@example.com',
  url: 'must be a web address, like https://www.example.com',
  uuid: 'must be an identifier in the form the service gives',
  regex: 'is not in the right format',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function tooBig(origin: string, maximum: number, inclusive: boolean): string {
  const most = inclusive ? maximum : maximum - 1;
  switch (origin) {
    case 'string':
      return `must be ${plural(most, 'character', 'characters')} or fewer`;
    case 'array':
    case 'set':
      return `must have ${plural(most, 'item', 'items')} or fewer`;
    case 'file':
      return `must be ${plural(most, 'byte', 'bytes')} or smaller`;
    case 'date':
      return `must be on or before ${new Date(maximum).toISOString().slice(0, 10)}`;
    default:
      return inclusive ? `must be ${maximum} or less` : `must be less than ${maximum}`;
  }
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): string {
  const least = inclusive ? minimum : minimum + 1;
  switch (origin) {
    case 'string':
      return least <= 1 ? 'must not be empty' : `must be ${plural(least, 'character', 'characters')} or more`;
    case 'array':
    case 'set':
      return least <= 1 ? 'must have at least one item' : `must have ${plural(least, 'item', 'items')} or more`;
    case 'date':
      return `must be on or after ${new Date(minimum).toISOString().slice(0, 10)}`;
    default:
      return inclusive ? `must be ${minimum} or more` : `must be more than ${minimum}`;
  }
}

z.config({ customError: plainIssueMessage });
