import { describe, expect, it } from 'vitest';
import { generate } from '../../seed/generate.js';
import { londonDayAndHour } from '../../src/core/dates.js';
import {
  isOptionalKind,
  mandatoryKinds,
  type NotificationKind,
  notificationKinds,
} from '../../src/notifications/kinds.js';
import { webPathPatterns, webPaths } from '../../src/notifications/links.js';
import { transportOptions } from '../../src/notifications/mailer.js';
import { type NotificationPreferences, UnsubscribeLinks, wantsEmail } from '../../src/notifications/preferences.js';
import { type Facts, renderEmail, serviceName } from '../../src/notifications/templates.js';
import { retryDelayMs } from '../../src/notifications/worker.js';

const dataset = generate({ today: '2026-11-27' });
const youngPeople = [...dataset.youngPeople()];
const placements = [...dataset.placements()];
const id = (n: number) => n.toString(16).padStart(24, '0');

/** Every piece of text in the demo passports: what no email may ever contain. */
function passportTexts(): string[] {
  const texts = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') texts.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const { passport } of youngPeople) if (passport) walk(passport.sections);
  // Short values are vocabulary ("approved", "equipment"), not something a person wrote.
  return [...texts].filter((text) => text.length >= 12);
}

/** The facts each kind is made with, from one demo young person and placement. */
function factsFor(kind: NotificationKind, n: number): { facts: Facts; path: string } {
  const { person } = youngPeople[n % youngPeople.length]!;
  const placement = placements[n % placements.length]!;
  const employer = dataset.employers.find((e) => e.id === placement.employerId)!;
  const names = {
    youngPersonName: person.preferredName,
    placementTitle: placement.title,
    employerName: employer.name,
    forSelf: n % 2 === 0 ? 'yes' : 'no',
  };
  const byKind: Record<NotificationKind, { facts: Facts; path: string }> = {
    invitation: {
      facts: { inviterName: 'Alex Morgan', roleLabel: 'a job coach', expiresOn: 'Friday 4 December 2026' },
      path: webPaths.invitation('abcDEF123_-xyz'),
    },
    proposal_received: { facts: names, path: webPaths.proposal(id(n), id(n + 1)) },
    proposal_agreed: { facts: { ...names, shared: 'yes' }, path: webPaths.journey(id(n)) },
    decided_for_you: {
      facts: {
        ...names,
        delegateName: 'Alex Taylor',
        decision: ['accepted', 'declined', 'shared'][n % 3]!,
        on: 'Monday 7 December 2026',
      },
      path: n % 3 === 2 ? webPaths.passportShares(id(n)) : webPaths.proposal(id(n), id(n + 1)),
    },
    employer_decision: {
      facts: { ...names, decision: n % 3 === 0 ? 'declined' : 'accepted' },
      path: webPaths.journey(id(n)),
    },
    taster_arranged: {
      facts: { ...names, tasterLabel: 'A taster day', date: 'Monday 7 December 2026' },
      path: webPaths.proposal(id(n), id(n + 2)),
    },
    passport_draft_waiting: { facts: { ...names, coachName: 'Jordan Lee' }, path: webPaths.passportDrafts(id(n)) },
    share_ending_soon: {
      facts: { employerName: employer.name, endsOn: 'Monday 14 December 2026' },
      path: webPaths.passportShares(id(n)),
    },
    share_ended: {
      facts: { employerName: employer.name, endedOn: 'Monday 14 December 2026' },
      path: webPaths.passportShares(id(n)),
    },
    weekly_log_missing: { facts: { ...names, weekStarting: 'Monday 23 November 2026' }, path: webPaths.journey(id(n)) },
    review_due: { facts: { ...names, dueOn: 'Monday 23 November 2026' }, path: webPaths.journey(id(n)) },
    follow_up_due: { facts: { ...names, dueOn: 'Monday 23 November 2026' }, path: webPaths.journey(id(n)) },
    ehc_review_due: { facts: { ...names, dueOn: 'Friday 20 November 2026' }, path: webPaths.ehcOutcomes(id(n)) },
    access_to_work_application: { facts: names, path: webPaths.accessToWork(id(n)) },
    access_to_work_reconsideration: { facts: names, path: webPaths.accessToWork(id(n)) },
    access_to_work_renewal: { facts: names, path: webPaths.accessToWork(id(n)) },
    access_to_work_claim: { facts: names, path: webPaths.accessToWork(id(n)) },
    adjustment_answer_due: { facts: names, path: webPaths.adjustments(id(n)) },
    adjustment_overdue: { facts: names, path: webPaths.adjustments(id(n)) },
    adjustment_check_due: { facts: names, path: webPaths.adjustments(id(n)) },
    security_new_sign_in: {
      facts: { at: '29 November 2026, 21:00 GMT', reason: n % 2 === 0 ? 'after_password_change' : 'new_address' },
      path: webPaths.signIn(),
    },
    security_refresh_reuse: { facts: { at: '29 November 2026, 21:00 GMT' }, path: webPaths.signIn() },
    password_reset: {
      facts: { expiresAt: '29 November 2026, 22:00 GMT' },
      path: webPaths.passwordReset('abcDEF123_-xyz'),
    },
    digest: { facts: {}, path: webPaths.home() },
  };
  return byKind[kind];
}

const context = {
  publicUrl: 'https://internships.example.org',
  recipientName: 'Sam',
  unsubscribeUrl: 'https://internships.example.org/notifications/unsubscribe/x',
};

describe('email templates', () => {
  it('never contain passport text, for every kind and every demo young person', () => {
    const forbidden = passportTexts();
    expect(forbidden.length).toBeGreaterThan(100);
    // Every forbidden text by its first characters, so each email is scanned once, not once per text.
    const window = 12;
    const byPrefix = new Map<string, string[]>();
    for (const text of forbidden)
      byPrefix.set(text.slice(0, window), [...(byPrefix.get(text.slice(0, window)) ?? []), text]);
    const found: string[] = [];
    for (const kind of notificationKinds) {
      for (let n = 0; n < youngPeople.length; n += 1) {
        const { facts, path } = factsFor(kind, n);
        const email = renderEmail(kind, facts, {
          ...context,
          path,
          digestItems: [{ subject: 'A job coach has suggested a placement for you', path: webPaths.home() }],
        });
        const all = `${email.subject}\n${email.text}\n${email.html}`;
        for (let i = 0; i + window <= all.length; i += 1) {
          for (const text of byPrefix.get(all.slice(i, i + window)) ?? [])
            if (all.startsWith(text, i)) found.push(`${kind}: ${text}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('each have a plain-text and an accessible HTML part with the service name, the reason, and one link into the web app', () => {
    for (const kind of notificationKinds) {
      const { facts, path } = factsFor(kind, 0);
      const email = renderEmail(kind, facts, { ...context, path });
      expect(email.subject.length).toBeGreaterThan(10);
      expect(email.subject).not.toContain('undefined');
      expect(email.text).not.toContain('undefined');
      expect(email.text).toContain(serviceName);
      expect(email.text).toContain('You get this email');
      expect(email.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
      expect(email.html).toContain(`<title>`);
      expect(email.html.match(/<h1/g)).toHaveLength(1);
      const links = [...email.html.matchAll(/href="([^"]+)"/g)].map(
        (match) => new URL(match[1]!.replaceAll('&amp;', '&')),
      );
      const main = links.filter(
        (url) => url.pathname !== '/settings/notifications' && !url.pathname.startsWith('/notifications/unsubscribe/'),
      );
      expect(main, kind).toHaveLength(1);
      expect(
        webPathPatterns.some((pattern) => pattern.test(main[0]!.pathname)),
        main[0]!.pathname,
      ).toBe(true);
      expect(email.text).toContain(main[0]!.toString());
      // Only kinds a person may turn off offer to stop them.
      expect(email.text.includes('Stop emails like this one'), kind).toBe(isOptionalKind(kind));
    }
  });

  it('escape names in HTML', () => {
    const email = renderEmail(
      'proposal_received',
      { youngPersonName: '<b>Sam</b>', placementTitle: 'Cook & clean', employerName: 'A "quoted" café', forSelf: 'no' },
      { ...context, path: '/' },
    );
    expect(email.html).toContain('&lt;b&gt;Sam&lt;/b&gt;');
    expect(email.html).toContain('Cook &amp; clean');
    expect(email.html).not.toContain('<b>Sam</b>');
  });
});

describe('delivery rules', () => {
  it('back off exponentially with jitter, up to the cap', () => {
    const options = { baseBackoffMs: 1000, maxBackoffMs: 60_000 };
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(1, options, () => 1)).toBe(1000);
    expect(retryDelayMs(3, options, () => 1)).toBe(4000);
    expect(retryDelayMs(20, options, () => 1)).toBe(60_000);
    expect(retryDelayMs(20, options, () => 0)).toBe(30_000);
  });

  it('send security emails whatever the preferences; hold others for a digest; suppress what is turned off', () => {
    const preferences: NotificationPreferences = {
      email: {
        ...Object.fromEntries(notificationKinds.filter(isOptionalKind).map((k) => [k, true])),
        review_due: false,
      } as never,
      dailyDigest: false,
    };
    for (const kind of mandatoryKinds) expect(wantsEmail({ ...preferences, dailyDigest: true }, kind)).toBe('send');
    expect(wantsEmail(preferences, 'review_due')).toBe('suppress');
    expect(wantsEmail(preferences, 'proposal_received')).toBe('send');
    expect(wantsEmail({ ...preferences, dailyDigest: true }, 'proposal_received')).toBe('hold');
  });

  it('one-click unsubscribe links name one account and one kind and cannot be changed', () => {
    const links = new UnsubscribeLinks('a secret of at least thirty-two characters');
    const token = links.token(id(1), 'review_due');
    expect(links.verify(token)).toEqual({ accountId: id(1), kind: 'review_due' });
    expect(links.verify(token.replace('review_due', 'follow_up_due'))).toBeUndefined();
    expect(links.verify(token.replace(id(1), id(2)))).toBeUndefined();
    expect(links.verify(`${id(1)}.security_refresh_reuse.${token.split('.')[2]}`)).toBeUndefined();
    expect(new UnsubscribeLinks('another secret of thirty-two characters').verify(token)).toBeUndefined();
  });

  it('require STARTTLS in production unless the URL asks for implicit TLS', () => {
    expect(transportOptions('smtp://user:p%40ss@mail.example:587', { requireTls: true })).toMatchObject({
      host: 'mail.example',
      port: 587,
      secure: false,
      requireTLS: true,
      auth: { user: 'user', pass: 'p@ss' },
    });
    expect(transportOptions('smtps://mail.example', { requireTls: true })).toMatchObject({
      port: 465,
      secure: true,
      requireTLS: false,
    });
    expect(transportOptions('smtp://127.0.0.1:2525', { requireTls: false })).toMatchObject({
      port: 2525,
      requireTLS: false,
    });
  });

  it('count days and hours in England, summer and winter', () => {
    expect(londonDayAndHour(new Date('2026-07-01T23:30:00Z'))).toEqual({ day: '2026-07-02', hour: 0 });
    expect(londonDayAndHour(new Date('2026-12-01T07:30:00Z'))).toEqual({ day: '2026-12-01', hour: 7 });
  });
});
