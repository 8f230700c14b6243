import { useState } from 'react';
import type { Instance, InstanceUpdate } from '../../api/generated';
import { useChangeInstance } from '../../api/hooks/instances';
import { useFollowedOperation } from './useFollowedOperation';

/**
 * PATCH the instance with a change that may need a rolling restart (flavor, broker settings); when the answer is 202,
 * follow the restart it started. `restart` is that operation (only the one this form started), `active` is true while
 * any rolling restart of the instance runs.
 */
export function useRollingChange(instance: Instance) {
  const change = useChangeInstance(instance.projectId, instance.id);
  const [started, setStarted] = useState<string | null>(null);
  const { operation, active } = useFollowedOperation(instance, 'RESTART_BROKERS', started);

  const submit = (body: InstanceUpdate, onApplied?: (updated: Instance) => void) =>
    change.mutate(body, {
      onSuccess: ({ instance: updated, restartOperationId }) => {
        if (restartOperationId) setStarted(restartOperationId);
        else onApplied?.(updated);
      },
    });

  return { submit, error: change.error, pending: change.isPending, restart: started ? operation : undefined, active };
}
