import type { Child } from 'hono/jsx';
import { Tag, type TagColour } from './Tag.js';

export interface TaskListItem {
  title: Child;
  href?: string;
  hint?: Child;
  /** A tag for statuses that need attention; plain text for "Completed". */
  status: { text: string; tag?: TagColour | 'default' };
}

/** GOV.UK task list: each task's link is described by its hint and status. */
export function TaskList(props: { items: TaskListItem[]; idPrefix?: string }) {
  const prefix = props.idPrefix ?? 'task-list';
  return (
    <ul class="govuk-task-list">
      {props.items.map((item, i) => {
        const index = i + 1;
        const hintId = `${prefix}-${index}-hint`;
        const statusId = `${prefix}-${index}-status`;
        return (
          <li class={item.href ? 'govuk-task-list__item govuk-task-list__item--with-link' : 'govuk-task-list__item'}>
            <div class="govuk-task-list__name-and-hint">
              {item.href ? (
                <a
                  class="govuk-link govuk-task-list__link"
                  href={item.href}
                  aria-describedby={item.hint ? `${hintId} ${statusId}` : statusId}
                >
                  {item.title}
                </a>
              ) : (
                <div>{item.title}</div>
              )}
              {item.hint ? (
                <div id={hintId} class="govuk-task-list__hint">
                  {item.hint}
                </div>
              ) : null}
            </div>
            <div
              class={
                item.status.tag
                  ? 'govuk-task-list__status'
                  : 'govuk-task-list__status govuk-task-list__status--cannot-start-yet'
              }
              id={statusId}
            >
              {item.status.tag ? (
                <Tag colour={item.status.tag === 'default' ? undefined : item.status.tag}>{item.status.text}</Tag>
              ) : (
                item.status.text
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
