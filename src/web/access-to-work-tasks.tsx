import type { AccessToWorkTaskView } from '../access-to-work/access-to-work.service.js';
import { TaskList } from './task-list.js';
import { longDate } from './young-person.js';

/** A job coach's Access to Work tasks, each with its young person, its date and a link to where it is done. */
export function AccessToWorkTaskList(props: { tasks: AccessToWorkTaskView[] }) {
  if (props.tasks.length === 0) return <p class="govuk-body">Nothing about Access to Work needs you today.</p>;
  return (
    <TaskList
      tasks={props.tasks.map((task) => ({
        path: task.path,
        heading: `${task.youngPerson.preferredName}: Access to Work`,
        title: task.title,
        when: `${task.dateLabel} ${longDate(task.dueOn)}`,
      }))}
    />
  );
}
