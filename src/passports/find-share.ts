import type { Context } from 'hono';
import { pageNotFound } from '../web/errors.js';
import type { WebEnv } from '../web/web.env.js';
import type { PersonPage } from '../web/young-person.js';
import { otherActiveSharesWith } from './passports.rules.js';

/** The share named in the path, its employer's name, and the other shares with that employer active now. */
export async function findShare(c: Context<WebEnv>, person: PersonPage) {
  const { passports, clock } = c.var.services;
  const all = await passports.shares(person.actor, person.youngPersonId);
  const share = all.find((candidate) => candidate.id === c.req.param('shareId'));
  if (!share) throw pageNotFound();
  const name = (await passports.employerNames([share])).get(share.employerId) ?? 'the employer';
  return { share, name, others: otherActiveSharesWith(all, share, clock.now()) };
}
