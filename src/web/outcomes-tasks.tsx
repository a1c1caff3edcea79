import type { OutcomesTaskView } from '../outcomes/outcomes.service.js';
import { TaskList } from './task-list.js';
import { longDate } from './young-person.js';

/** EHC plan reviews coming and follow-ups due, each with its young person, its date and a link to where it is done. */
export function OutcomesTaskList(props: { tasks: OutcomesTaskView[] }) {
  if (props.tasks.length === 0) return null;
  return (
    <TaskList
      tasks={props.tasks.map((task) => {
        const review = task.kind === 'ehc_review_due';
        return {
          path: task.path,
          heading: `${task.youngPerson.preferredName}: ${review ? 'EHC plan review' : `${task.month}-month follow-up`}`,
          title: task.title,
          when: `${review ? 'The review is on' : 'Due on'} ${longDate(task.dueOn)}`,
        };
      })}
    />
  );
}
