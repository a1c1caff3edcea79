import { z } from '@hono/zod-openapi';
import { normalisePostcode } from '../geo/postcodes.js';
import {
  adjustmentCategories,
  communicationPreferences,
  disabilityConfidentLevels,
  environmentFactors,
  levels,
  sectors,
  transportModes,
  weekdays,
} from './vocabulary.js';

/** Small building blocks shared by the request schemas of every feature. */

/**
 * Text with at least one character that trimming keeps, and no control characters (tab and line
 * breaks are fine in a body). Said as a pattern so that the OpenAPI document states the rule too:
 * "   " has a length of 3 but trims to nothing.
 */
const visibleBodyText =
  /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*[^\s\ufeff\u0000-\u001F\u007F-\u009F][^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;
const visibleQueryText =
  /^[^\u0000-\u001F\u007F-\u009F]*[^\s\ufeff\u0000-\u001F\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$/;
const mustBeVisible = { message: 'must have some text, and no control characters' };

export const shortText = (max = 120) => z.string().trim().min(1).max(max).regex(visibleBodyText, mustBeVisible);

/** Search words in a query string (`q`): some visible text, no control characters. */
export const searchWords = (max = 100) => z.string().trim().min(1).max(max).regex(visibleQueryText, mustBeVisible);
export const longText = (max = 2000) => z.string().trim().max(max);
export const textList = (maxItems: number, maxLength = 120) => z.array(shortText(maxLength)).max(maxItems);

/** A plain email address (spaces around it are dropped); the pattern is the rule, stated in the document. */
const emailPattern = /^ *[A-Za-z0-9_'+-]+(\.[A-Za-z0-9_'+-]+)*@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,} *$/;

export const emailSchema = z
  .string()
  .max(254)
  .regex(emailPattern, { message: 'must be an email address' })
  .trim()
  .transform((email) => email.toLowerCase())
  .openapi({ example: 'sam.jones@example.org' });

/** A UK postcode in either case, with or without the space: "LS1 4AP", "ls14ap". */
const postcodePattern =
  /^ *([Gg][Ii][Rr] ?0[Aa][Aa]|[A-PR-UWYZa-pr-uwyz]([0-9][0-9A-HJKPSTUWa-hjkpstuw]?|[A-HK-Ya-hk-y][0-9][0-9ABEHMNPRVWXYabehmnprvwxy]?) ?[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}) *$/;

export const postcodeSchema = z
  .string()
  .max(10, { abort: true })
  .regex(postcodePattern, { message: 'must be a UK postcode, like SW1A 1AA' })
  .transform(normalisePostcode)
  .openapi({ example: 'LS1 4AP' });

export const coordinatesSchema = z
  .strictObject({
    lat: z.number().min(49.8).max(61).openapi({ example: 53.7997 }),
    lng: z.number().min(-8.7).max(2).openapi({ example: -1.5492 }),
  })
  .openapi('Coordinates', { description: 'A position in the UK (WGS84).' });

export const addressSchema = z
  .strictObject({
    line1: shortText(120),
    line2: shortText(120).optional(),
    town: shortText(80),
    postcode: postcodeSchema,
  })
  .openapi('Address');

export const sectorSchema = z.enum(sectors);
export const weekdaySchema = z.enum(weekdays);
export const levelSchema = z.enum(levels);
export const adjustmentCategorySchema = z.enum(adjustmentCategories);
export const disabilityConfidentSchema = z.enum(disabilityConfidentLevels);
export const transportModeSchema = z.enum(transportModes);
export const communicationPreferenceSchema = z.enum(communicationPreferences);

/** "HH:MM", 24-hour clock. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 09:30' })
  .openapi({ example: '09:30' });

export const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The other way: minutes since midnight as "HH:MM". */
export const clockTimeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** An ISO calendar date, "YYYY-MM-DD". */
export const dateSchema = z.iso.date({ message: 'must be a date like 2026-09-01' }).openapi({ example: '2026-09-01' });

/** One level (none..high) for each environment factor. */
export const environmentProfileSchema = z
  .strictObject(
    Object.fromEntries(environmentFactors.map((factor) => [factor, levelSchema])) as Record<
      (typeof environmentFactors)[number],
      typeof levelSchema
    >,
  )
  .openapi('EnvironmentProfile', {
    description: 'How much of each factor the workplace has: none, low, medium or high.',
  });

/** The most of each factor a young person can work with; a factor left out has no limit. */
export const environmentLimitsSchema = z
  .strictObject(
    Object.fromEntries(environmentFactors.map((factor) => [factor, levelSchema.optional()])) as Record<
      (typeof environmentFactors)[number],
      z.ZodOptional<typeof levelSchema>
    >,
  )
  .openapi('EnvironmentLimits', { description: 'The most of each factor the young person can work with.' });

/** Query strings are strict too: an unknown or operator-shaped parameter (`status[$ne]`) is a 400. */
export const paginationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

/** One page of a list the service returns whole (short lists: delegates, shares, versions, the inbox). */
export function pageFrom<T>(items: T[], { limit, offset }: { limit: number; offset: number }) {
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
    .openapi(name);
