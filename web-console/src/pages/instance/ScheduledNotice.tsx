import { Link } from 'react-router';
import type { Operation } from '../../api/generated';
import { formatScheduledAt } from '../../lib/format';

/** What a dialog or form says instead of a progress bar once its change was scheduled for the maintenance window. */
export function ScheduledNotice({ operation, projectId }: { operation: Operation; projectId: string }) {
  return (
    <div className="alert alert-info scheduled-notice" role="status">
      <strong>Scheduled for {formatScheduledAt(operation.scheduledAt)}</strong>
      <p>
        No broker restarts until then. The operation waits in the{' '}
        <Link to={`/projects/${projectId}/instances/${operation.instanceId}/operations`}>operations list</Link>, where it can be
        started now or cancelled.
      </p>
    </div>
  );
}
