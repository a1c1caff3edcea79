/** One task in a list of what needs the reader: whom it is about, what to do, and when. */
export interface TaskItem {
  path: string;
  heading: string;
  title: string;
  /** The date in words with what it is ("Due on 3 March 2027"). */
  when?: string;
}

/** Tasks as the inbox shows them: a heading linking to where the task is done, what to do, and when. */
export function TaskList(props: { tasks: TaskItem[] }) {
  return (
    <ul class="govuk-list app-inbox">
      {props.tasks.map((task) => (
        <li class="app-inbox__item">
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={task.path}>
              {task.heading}
            </a>
          </h3>
          <p class={task.when ? 'govuk-body-s govuk-!-margin-bottom-1' : 'govuk-body-s'}>{task.title}</p>
          {task.when ? <p class="govuk-body-s">{task.when}</p> : null}
        </li>
      ))}
    </ul>
  );
}
