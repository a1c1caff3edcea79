import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import { fieldErrors, fieldErrorsFromRefusal, limitsOf } from '../../src/web/forms.js';

const schemaLibraryWording = /expected|Too big|Too small|Invalid input|Invalid option|Unrecognized|>=|<=/;

const messagesOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('the one map from a schema problem to plain words', () => {
  it('says each kind of problem as a fragment that follows the field’s name', () => {
    expect(messagesOf(z.string().max(2000), 'x'.repeat(2001))).toEqual(['must be 2000 characters or fewer']);
    expect(messagesOf(z.string().min(1), '')).toEqual(['must not be empty']);
    expect(messagesOf(z.string().min(12), 'short')).toEqual(['must be 12 characters or more']);
    expect(messagesOf(z.number().min(0).max(60), 61)).toEqual(['must be 60 or less']);
    expect(messagesOf(z.number().positive(), 0)).toEqual(['must be more than 0']);
    expect(messagesOf(z.number().int(), 1.5)).toEqual(['must be a whole number']);
    expect(messagesOf(z.array(z.string()).max(1), ['a', 'b'])).toEqual(['must have 1 item or fewer']);
    expect(messagesOf(z.array(z.string()).min(1), [])).toEqual(['must have at least one item']);
    expect(messagesOf(z.enum(['mon', 'tue']), 'sun')).toEqual(['must be one of: mon, tue']);
    expect(messagesOf(z.iso.date(), '2027-02-30')).toEqual(['must be a real date, like 2026-09-01']);
    expect(messagesOf(z.object({ a: z.string() }), {})).toEqual(['is required']);
    expect(messagesOf(z.string(), 42)).toEqual(['must be text']);
    expect(messagesOf(z.union([z.string(), z.number()]), true)).toEqual(['is not one of the forms this field takes']);
    expect(messagesOf(z.strictObject({}), { extra: 1 })).toEqual(['has a field that is not known: extra']);
    for (const message of messagesOf(z.string().max(1).regex(/^a/), 'bb'))
      expect(message).not.toMatch(schemaLibraryWording);
  });

  it('keeps a message a schema gives itself', () => {
    expect(messagesOf(z.string().regex(/^\d+$/, { message: 'must be a phone number' }), 'x')).toEqual([
      'must be a phone number',
    ]);
  });
});

describe('a page’s messages, from the field’s label', () => {
  const schema = z.object({
    name: z.string().trim().min(1).max(120),
    sector: z.enum(['retail', 'leisure']),
    email: z.string().min(1, 'Enter your email address'),
  });

  it('asks for what is missing, gives the limit of what is too long, and keeps a sentence the schema wrote', () => {
    const empty = schema.safeParse({ name: '', sector: '', email: '' });
    expect(fieldErrors(empty.error!, { name: { label: 'The name of your organisation' } })).toEqual({
      name: 'Enter the name of your organisation',
      sector: 'Choose sector',
      email: 'Enter your email address',
    });
    const tooLong = schema.safeParse({ name: 'N'.repeat(300), sector: 'retail', email: 'a@b.c' });
    expect(fieldErrors(tooLong.error!, { name: { label: 'The name of your organisation' } })).toEqual({
      name: 'The name of your organisation must be 120 characters or fewer',
    });
  });

  it('puts the label before a service’s fragment', () => {
    const refusal = new ApiError('unprocessable', 'No.', {
      details: [{ path: 'weekStarting', in: 'body', message: 'already has a log' }],
    });
    expect(
      fieldErrorsFromRefusal(refusal, {
        codes: ['unprocessable'],
        fieldFor: (path) => path,
        fallbackField: 'form',
        wording: { weekStarting: { label: 'That week' } },
      }),
    ).toEqual({ weekStarting: 'That week already has a log' });
  });

  it('reads a page’s limits from the API’s schema', () => {
    expect(limitsOf(z.string().trim().max(2000).optional())).toMatchObject({ maxLength: 2000 });
    expect(limitsOf(z.array(z.string().max(120)).max(20).default([]))).toMatchObject({
      maxItems: 20,
      itemMaxLength: 120,
    });
  });
});
