import type { AccessToWorkTaskView } from '../access-to-work/access-to-work.service.js';
import { longDate } from './young-person.js';

/** A job coach's Access to Work tasks, each with its young person, its date and a link to where it is done. */
export function AccessToWorkTaskList(props: { tasks: AccessToWorkTaskView[] }) {
  if (props.tasks.length === 0) return <p class="govuk-body">Nothing about Access to Work needs you today.</p>;
  return (
    <ul class="govuk-list app-inbox">
      {props.tasks.map((task) => (
        <li class="app-inbox__item">
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={task.path}>
              {task.youngPerson.preferredName}: Access to Work
            </a>
          </h3>
          <p class="govuk-body-s govuk-!-margin-bottom-1">{task.title}</p>
          <p class="govuk-body-s">
            {task.dateLabel} {longDate(task.dueOn)}
          </p>
        </li>
      ))}
    </ul>
  );
}
