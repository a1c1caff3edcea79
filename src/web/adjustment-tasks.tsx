import type { AdjustmentInboxTask } from '../adjustments/adjustments.inbox.js';

/** The adjustment reminders that are the reader's, each linking to the journey's adjustments. */
export function AdjustmentTaskList(props: { tasks: AdjustmentInboxTask[] }) {
  return (
    <ul class="govuk-list app-inbox">
      {props.tasks.map((task) => (
        <li class="app-inbox__item">
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={task.path}>
              {task.youngPerson.preferredName}: {task.placement.title} at {task.placement.employerName}
            </a>
          </h3>
          <p class="govuk-body-s">{task.title}</p>
        </li>
      ))}
    </ul>
  );
}
