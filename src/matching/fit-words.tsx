import type { EarlierProposal } from '../journey/earlier-proposals.js';
import { Tag } from '../web/components/Tag.js';
import { reasonSentences } from '../web/match-reasons.js';
import { longDate } from '../web/young-person.js';
import type { MatchReasons } from './scoring.js';

/**
 * How well a placement fits a young person, in words for the job coach: the fit score, the
 * reasons, and what happened the last time the two were matched. The matches, propose and
 * candidates pages all show them.
 */

/** The fit score in words first; the number and the bar only repeat it. */
function fitWords(score: number): string {
  if (score >= 75) return 'Very good fit';
  if (score >= 55) return 'Good fit';
  if (score >= 35) return 'Some fit';
  return 'Weak fit';
}

export function FitScore(props: { score: number }) {
  const filled = Math.max(0, Math.min(100, props.score)) * 1.2;
  return (
    <p class="govuk-body app-fit">
      <strong>{fitWords(props.score)}</strong>
      <span>({props.score} out of 100)</span>
      <svg class="app-fit__bar" viewBox="0 0 120 12" aria-hidden="true" focusable="false">
        <rect x="0" y="0" width="120" height="12" fill="#f3f2f1" stroke="#505a5f" stroke-width="1" />
        <rect x="0" y="0" width={String(filled)} height="12" fill="#1d70b8" />
      </svg>
    </p>
  );
}

/** Every reason, as sentences about the young person by name, for the job coach reading them. */
export function Reasons(props: { reasons: MatchReasons; name: string }) {
  const { good, harder } = reasonSentences(props.reasons as unknown as Record<string, unknown>, props.name);
  return (
    <>
      {good.length > 0 ? (
        <>
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">Why it fits</h3>
          <ul class="govuk-list govuk-list--bullet">
            {good.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {harder.length > 0 ? (
        <>
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">Where support is needed</h3>
          <ul class="govuk-list govuk-list--bullet">
            {harder.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/**
 * What happened the last time this young person was proposed for the placement, in words a
 * coach can read out: a short tag for the list and the whole sentence.
 */
function earlierProposalWords(earlier: EarlierProposal, name: string): { tag: string; sentence: string } {
  const on = longDate(earlier.at);
  const because = earlier.reason ? `: “${earlier.reason}”` : '.';
  switch (earlier.state) {
    case 'proposed':
      return { tag: 'Proposed already', sentence: `Proposed on ${on}. Waiting for ${name} to answer.` };
    case 'awaiting_employer':
      return { tag: 'Proposed already', sentence: `${name} said yes on ${on}. Waiting for the employer.` };
    case 'taster_arranged':
      return { tag: 'Proposed already', sentence: `${name} said yes. The employer arranged a taster on ${on}.` };
    case 'agreed':
      return { tag: 'Agreed already', sentence: `${name} and the employer agreed on ${on}.` };
    case 'in_progress':
      return { tag: 'On this placement', sentence: `${name} is on this placement now.` };
    case 'declined_by_young_person':
      return {
        tag: `${name} said no`,
        sentence: earlier.reason
          ? `${name} said no on ${on}${because}`
          : `${name} said no on ${on} and gave no reason.`,
      };
    case 'declined_by_employer':
      return { tag: 'The employer said no', sentence: `The employer said no on ${on}${because}` };
    case 'withdrawn':
      return { tag: 'Withdrawn before', sentence: `It was proposed before and withdrawn on ${on}${because}` };
    case 'completed':
    case 'followed_up':
      return { tag: 'Done before', sentence: `${name} finished this placement. Last changed on ${on}.` };
  }
}

export function EarlierProposalNote(props: { earlier: EarlierProposal; name: string }) {
  const words = earlierProposalWords(props.earlier, props.name);
  return (
    <p class="govuk-body">
      <Tag colour={props.earlier.underWay ? 'blue' : 'orange'}>{words.tag}</Tag> {words.sentence}
    </p>
  );
}
