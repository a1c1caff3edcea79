import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { addYoungPerson } from '../helpers/journey-world.js';
import { makeAccount, makeProvider, type Person, type ProviderWorld, password } from '../helpers/world.js';
import { anonymousClient, signInOverHttp } from './http-session.js';

let harness: Harness;
let world: ProviderWorld;
let parentOfTwo: Person;
let secondChild: string;

beforeAll(async () => {
  harness = await createHarness();
  world = await makeProvider(harness);
  secondChild = await addYoungPerson(harness, world.coach, 'Robin');
  parentOfTwo = await makeAccount(harness, {
    role: 'delegate',
    providerId: world.providerId,
    actsFor: [
      { youngPersonId: world.youngPersonId, rights: ['view_profile'] },
      { youngPersonId: secondChild, rights: ['view_profile'] },
    ],
  });
});
afterAll(async () => harness?.close());

/** Values as an attacker writes them into a link (so still percent-encoded where they would be). */
const bypasses = [
  '/%09/evil.example',
  '/%09%5Cevil.example',
  '/%0A/evil.example',
  '/%0D/evil.example',
  '/%00/evil.example',
  '//evil.example',
  '/%5Cevil.example',
  '/%5C/evil.example',
  '%2F%2Fevil.example',
  'https://evil.example',
  'javascript:alert(1)',
];

/** A redirect that stays on this service, to one of its pages, with nothing a browser would strip. */
function expectOwnPage(response: Response) {
  expect(response.status).toBe(303);
  const location = response.headers.get('location')!;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a browser drops these before reading the Location.
  expect(location).not.toMatch(/[\u0000-\u001f\\]/);
  expect(new URL(location, 'https://service.example').origin).toBe('https://service.example');
  expect(location).not.toContain('evil');
}

describe('the pages that send a browser on after signing in or choosing whom a parent helps', () => {
  it.each(bypasses)('sign-in (POST) with returnTo=%s stays on this service', async (value) => {
    const client = await anonymousClient(harness);
    const response = await client.post(`/sign-in?returnTo=${value}`, { email: world.youngPerson.email, password });
    expectOwnPage(response);
  });

  it.each(bypasses)('sign-in (GET, signed in) with returnTo=%s stays on this service', async (value) => {
    const client = await signInOverHttp(harness, world.youngPerson.email);
    expectOwnPage(await client.get(`/sign-in?returnTo=${value}`));
  });

  it.each(bypasses)('the sign-in form does not carry returnTo=%s on to its POST', async (value) => {
    const client = await anonymousClient(harness);
    const response = await client.get(`/sign-in?returnTo=${value}`);
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('evil');
  });

  it.each(bypasses)('acting-for (GET, one young person) with then=%s stays on this service', async (value) => {
    const client = await signInOverHttp(harness, world.delegate.email);
    expectOwnPage(await client.get(`/acting-for?then=${value}`));
  });

  it.each(bypasses)('acting-for (POST) with then=%s stays on this service', async (value) => {
    const client = await signInOverHttp(harness, parentOfTwo.email);
    const form = await client.get(`/acting-for?then=${value}`);
    expect(await form.text()).not.toContain('evil');
    expectOwnPage(await client.post(`/acting-for?then=${value}`, { youngPersonId: secondChild }));
  });

  it('still brings people back to the page of this service they asked for', async () => {
    const client = await anonymousClient(harness);
    const back = `/young-people/${world.youngPersonId}/delegates`;
    const signedIn = await client.post(`/sign-in?returnTo=${encodeURIComponent(back)}`, {
      email: world.youngPerson.email,
      password,
    });
    expect(signedIn.headers.get('location')).toBe(back);
    const parent = await signInOverHttp(harness, parentOfTwo.email);
    const theirPage = `/young-people/${secondChild}`;
    const chosen = await parent.post(`/acting-for?then=${encodeURIComponent(theirPage)}`, {
      youngPersonId: secondChild,
    });
    expect(chosen.headers.get('location')).toBe(theirPage);
  });
});
