import type { InboxService } from '../journey/inbox.service.js';
import { longDate } from './young-person.js';

type InboxEntry = Awaited<ReturnType<InboxService['inbox']>>[number];

/** The inbox as a list of links, each saying whom it is about and what to do. */
export function InboxList(props: { items: InboxEntry[] }) {
  if (props.items.length === 0) return <p class="govuk-body">Nothing needs you today.</p>;
  return (
    <ul class="govuk-list app-inbox">
      {props.items.map((item) => (
        <li class="app-inbox__item">
          <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={`/journeys/${item.matchId}`}>
              {item.youngPerson.preferredName}: {item.placement.title} at {item.placement.employerName}
            </a>
          </h2>
          <p class="govuk-body-s govuk-!-margin-bottom-1">{item.title}</p>
          {item.weeksWithoutLog ? <p class="govuk-body-s">Weeks with no log: {item.weeksWithoutLog.length}</p> : null}
          {item.dueOn ? <p class="govuk-body-s">Due {longDate(item.dueOn)}</p> : null}
        </li>
      ))}
    </ul>
  );
}
