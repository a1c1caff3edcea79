import type { Context } from 'hono';
import type { Actor } from '../auth/policy.js';
import { longDate } from '../core/dates.js';
import type { DelegateRight } from '../domain/vocabulary.js';
import { pageActor, pageParam } from './page-context.js';
import type { WebEnv } from './web.env.js';

/** Whose pages these are and who is looking: the young person themself, or a delegate acting for them. */
export interface PersonPage {
  actor: Actor;
  youngPersonId: string;
  /** True when someone else is looking: a parent, carer or appointee acting for the young person (or staff). */
  asDelegate: boolean;
  /** The young person's own pages say "my"; a delegate's say the young person's name. */
  whose: (thing: string) => string;
  /**
   * Who the page's sentences speak of: "you" to the young person, their name to anyone else, so a
   * parent reads "Tell people at work a little about Sam", never words written for Sam.
   */
  you: string;
  You: string;
  /** "your" to the young person, "Sam’s" to anyone else. */
  your: string;
  Your: string;
  /** "my" in the young person's own titles and links ("Who has seen my passport"), "Sam’s" in anyone else's. */
  my: string;
  /** What this viewer may do, for showing only the buttons that will work. The services still decide. */
  may: (right: DelegateRight) => boolean;
}

/**
 * Resolves the young person of a `/young-people/{id}/...` page for the young person or a
 * delegate. A delegate must first choose to act for this young person (on /acting-for), so every
 * page they see names whom they act for. Returns a redirect when they have not.
 */
export function personPage(c: Context<WebEnv>, youngPersonId: string): PersonPage | Response {
  const actor = pageActor(c);
  if (actor.role === 'delegate') {
    const actingFor = c.get('session')?.actingFor;
    if (actingFor?.youngPersonId !== youngPersonId) {
      const url = new URL(c.req.url);
      return c.redirect(`/acting-for?then=${encodeURIComponent(url.pathname)}`, 303);
    }
    const rights = actor.actsFor.find((grant) => grant.youngPersonId === youngPersonId)?.rights ?? [];
    return {
      actor,
      youngPersonId,
      asDelegate: true,
      whose: (thing) => `${actingFor.name}’s ${thing}`,
      ...spokenOf(actingFor.name),
      may: (right) => rights.includes(right),
    };
  }
  if (actor.role === 'young_person')
    return {
      actor,
      youngPersonId,
      asDelegate: false,
      whose: (thing) => `My ${thing}`,
      you: 'you',
      You: 'You',
      your: 'your',
      Your: 'Your',
      my: 'my',
      may: () => actor.youngPersonId === youngPersonId,
    };
  // Staff who open these pages read them as they are allowed to (the services decide); they change nothing here.
  return {
    actor,
    youngPersonId,
    asDelegate: true,
    whose: (thing) => `The young person’s ${thing}`,
    you: 'the young person',
    You: 'The young person',
    your: 'the young person’s',
    Your: 'The young person’s',
    my: 'the young person’s',
    may: () => false,
  };
}

/**
 * Runs a page for the young person or a delegate acting for them; a delegate not yet acting for
 * them is redirected. Every `/young-people/{id}/...` page starts here: someone else's young person is a 404 page, as in
 * the API, before anything else (a parent is not even asked to choose them on /acting-for).
 */
export async function withPerson(c: Context<WebEnv>, render: (person: PersonPage) => Response | Promise<Response>) {
  await c.var.services.youngPeople.mustSee(pageActor(c), pageParam(c, 'id'));
  const person = personPage(c, pageParam(c, 'id'));
  if (person instanceof Response) return person;
  return render(person);
}

function spokenOf(name: string) {
  return { you: name, You: name, your: `${name}’s`, Your: `${name}’s`, my: `${name}’s` };
}

/** Pages write dates as emails do: one formatter, in src/core/dates.ts. */
export { longDate };

/** A month ("YYYY-MM") as people say it: "October 2026". */
export function monthInWords(month: string): string {
  return new Date(`${month}-15T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "10:14", in England. */
export function timeOfDay(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}

/** "3 March 2026 at 10:14". */
export function dateAndTime(value: string | Date): string {
  return `${longDate(value)} at ${timeOfDay(value)}`;
}
