import type { Context } from 'hono';
import type { Actor } from '../auth/policy.js';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { CsrfField } from '../web/csrf.js';
import { pageNotFound } from '../web/errors.js';
import { type FieldErrors, type FormBody, fieldErrorsFromRefusal } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import type { AdjustmentsService } from './adjustments.service.js';

/** What the adjustments pages (the checklist, the employer's answer, the check, the coach's review) share. */

export type Checklist = Awaited<ReturnType<AdjustmentsService['checklist']>>;
export type Item = Checklist['items'][number];
export type Posted = { form: FormBody; errors: FieldErrors };

/** The service's refusals a form shows beside a field rather than as an error page. */
export const refusals = ['unprocessable', 'conflict', 'validation_failed'] as const;

export const checklistRoute = '/journeys/:matchId{[0-9a-f]{24}}/adjustments';
export const adjustmentRoute = `${checklistRoute}/:adjustmentId{[0-9a-f]{24}}`;
export const checklistPath = (matchId: string) => `/journeys/${matchId}/adjustments`;

export async function loadChecklist(c: Context<WebEnv>): Promise<Checklist> {
  return c.var.services.adjustments.checklist(pageActor(c), pageParam(c, 'matchId'));
}

/** The request the page is about, from the checklist the reader may see; 404 for one they may not. */
export async function loadItem(c: Context<WebEnv>): Promise<{ checklist: Checklist; item: Item }> {
  const checklist = await loadChecklist(c);
  const item = checklist.items.find((candidate) => candidate.id === pageParam(c, 'adjustmentId'));
  if (!item) throw pageNotFound();
  return { checklist, item };
}

/** The adjustment a step posted from its page is about, and who posts it, from the URL and the request. */
export interface StepOf {
  adjustments: AdjustmentsService;
  actor: Actor;
  matchId: string;
  adjustmentId: string;
  requestId: string;
}

/**
 * Saves one step posted from an adjustment's page (the employer's answer, the day it was in place,
 * what the coach saw, the review): a refusal (`refusals`) is shown on the form again, beside the
 * field it names (`refusal`); otherwise back to the checklist with `flash`.
 */
export async function saveStep(
  c: Context<WebEnv>,
  step: {
    save: (of: StepOf) => Promise<unknown>;
    again: (errors: FieldErrors) => Response | Promise<Response>;
    refusal: Omit<Parameters<typeof fieldErrorsFromRefusal>[1], 'codes'>;
    flash: string;
  },
): Promise<Response> {
  const matchId = pageParam(c, 'matchId');
  try {
    await step.save({
      adjustments: c.var.services.adjustments,
      actor: pageActor(c),
      matchId,
      adjustmentId: pageParam(c, 'adjustmentId'),
      requestId: c.get('requestId'),
    });
  } catch (error) {
    return step.again(fieldErrorsFromRefusal(error, { codes: refusals, ...step.refusal }));
  }
  return redirectWithFlash(c, checklistPath(matchId), step.flash);
}

/** What the reader calls the young person: "you", or their name for everyone else (a delegate included). */
export const youOf = (checklist: Checklist) =>
  checklist.parties.includes('young_person') && !checklist.asDelegate ? 'you' : checklist.youngPersonName;

export function Caption(props: { checklist: Checklist }) {
  return (
    <span class="govuk-caption-l">
      {props.checklist.youngPersonName}: {props.checklist.placementTitle} at {props.checklist.employerName}
    </span>
  );
}

/** A form page about one request: caption, heading, the young person's words, then the form. */
export function FormPage(props: {
  checklist: Checklist;
  item: Item;
  heading: string;
  errors: FieldErrors;
  csrf: string;
  children: unknown;
  button: string;
  headingInLegend?: boolean;
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        <Caption checklist={props.checklist} />
        {props.headingInLegend ? null : <h1 class="govuk-heading-l">{props.heading}</h1>}
        {props.item.text ? <p class="govuk-body-l app-section-text">{props.item.text}</p> : null}
        <form method="post" novalidate>
          <CsrfField token={props.csrf} />
          {props.children as never}
          <Button>{props.button}</Button>
        </form>
      </div>
    </div>
  );
}
