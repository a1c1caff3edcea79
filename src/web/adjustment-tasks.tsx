import type { AdjustmentInboxTask } from '../adjustments/adjustments.inbox.js';
import { TaskList } from './task-list.js';

/** The adjustment reminders that are the reader's, each linking to the journey's adjustments. */
export function AdjustmentTaskList(props: { tasks: AdjustmentInboxTask[] }) {
  return (
    <TaskList
      tasks={props.tasks.map((task) => ({
        path: task.path,
        heading: `${task.youngPerson.preferredName}: ${task.placement.title} at ${task.placement.employerName}`,
        title: task.title,
      }))}
    />
  );
}
