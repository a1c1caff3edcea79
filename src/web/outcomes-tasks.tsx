import type { OutcomesTaskView } from '../outcomes/outcomes.service.js';
import { longDate } from './young-person.js';

/** EHC plan reviews coming and follow-ups due, each with its young person, its date and a link to where it is done. */
export function OutcomesTaskList(props: { tasks: OutcomesTaskView[] }) {
  if (props.tasks.length === 0) return null;
  return (
    <ul class="govuk-list app-inbox">
      {props.tasks.map((task) => (
        <li class="app-inbox__item">
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={task.path}>
              {task.youngPerson.preferredName}:{' '}
              {task.kind === 'ehc_review_due' ? 'EHC plan review' : `${task.month}-month follow-up`}
            </a>
          </h3>
          <p class="govuk-body-s govuk-!-margin-bottom-1">{task.title}</p>
          <p class="govuk-body-s">
            {task.kind === 'ehc_review_due' ? 'The review is on' : 'Due on'} {longDate(task.dueOn)}
          </p>
        </li>
      ))}
    </ul>
  );
}
