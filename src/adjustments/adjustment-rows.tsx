import type { SummaryRow } from '../web/components/SummaryList.js';
import { Tag } from '../web/components/Tag.js';
import { longDate, monthInWords } from '../web/young-person.js';
import { type Checklist, type Item, youOf } from './adjustment-page.js';
import {
  adjustmentStateWords,
  checkAnswerWords,
  kindWords,
  payerWords,
  reviewDecisionWords,
} from './adjustments.words.js';

/** One request's summary, a row a fact, each shown only once there is something to say. */

const kindRow = (item: Item): SummaryRow | undefined =>
  item.kind ? { key: 'What it is about', value: kindWords[item.kind] } : undefined;

function stateRow(item: Item): SummaryRow {
  const state = adjustmentStateWords[item.state];
  return { key: 'Where it is now', value: <Tag colour={state.colour}>{state.text}</Tag> };
}

const knownToWorkRow = (item: Item): SummaryRow | undefined =>
  item.knownToWork.length > 0
    ? {
        key: 'Known to work',
        value: item.knownToWork.map((worked) => `At ${worked.employer}, ${monthInWords(worked.month)}.`).join(' '),
      }
    : undefined;

const agreedRow = ({ agreed }: Item): SummaryRow | undefined =>
  agreed
    ? {
        key: 'Agreed',
        value: `${agreed.who} will do it by ${longDate(agreed.byDate)}. ${payerWords[agreed.payer]} pays${agreed.accessToWorkLine ? ` (${agreed.accessToWorkLine})` : ''}.`,
      }
    : undefined;

const notPossibleRow = ({ notPossible }: Item): SummaryRow | undefined =>
  notPossible?.reason
    ? {
        key: 'Why it is not possible',
        value: (
          <>
            <p class="govuk-body app-section-text">{notPossible.reason}</p>
            {notPossible.alternative ? (
              <p class="govuk-body app-section-text">Instead: {notPossible.alternative}</p>
            ) : null}
          </>
        ),
      }
    : undefined;

const inPlaceRow = (item: Item): SummaryRow | undefined =>
  item.inPlace ? { key: 'In place since', value: longDate(item.inPlace.on) } : undefined;

const checkRow = ({ check }: Item, checklist: Checklist): SummaryRow | undefined =>
  check
    ? {
        key: `Does it help ${youOf(checklist)}?`,
        value: (
          <>
            {checkAnswerWords[check.answer]}
            {check.why ? <p class="govuk-body app-section-text">{check.why}</p> : null}
          </>
        ),
      }
    : undefined;

const observationsRow = (item: Item): SummaryRow | undefined =>
  item.observations.length > 0
    ? {
        key: 'What the job coach saw',
        value: (
          <ul class="govuk-list">
            {item.observations.map((entry) => (
              <li class="app-section-text">{entry.note}</li>
            ))}
          </ul>
        ),
      }
    : undefined;

const reviewsRow = (item: Item): SummaryRow | undefined =>
  item.reviews.length > 0
    ? {
        key: 'Reviews',
        value: (
          <ul class="govuk-list">
            {item.reviews.map((entry) => (
              <li>
                {longDate(entry.heldOn)}: {reviewDecisionWords[entry.decision].text}
                {entry.note ? `. ${entry.note}` : ''}
              </li>
            ))}
          </ul>
        ),
      }
    : undefined;

/** The rows of one request, in the order it moves: what, where now, agreed or not, in place, checked, reviewed. */
export function rowsOf(item: Item, checklist: Checklist): SummaryRow[] {
  return [
    kindRow(item),
    stateRow(item),
    knownToWorkRow(item),
    agreedRow(item),
    notPossibleRow(item),
    inPlaceRow(item),
    checkRow(item, checklist),
    observationsRow(item),
    reviewsRow(item),
  ].filter((row): row is SummaryRow => row !== undefined);
}
