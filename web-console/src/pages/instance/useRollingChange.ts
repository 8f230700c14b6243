import { useState } from 'react';
import type { Instance, InstanceUpdate } from '../../api/generated';
import { useChangeInstance } from '../../api/hooks/instances';
import { useFollowedOperation } from './useFollowedOperation';

/** The operations a PATCH may start: both roll the brokers one at a time. */
export type RollingOperationType = 'RESTART_BROKERS' | 'UPGRADE_KAFKA';

/**
 * PATCH the instance with a change that rolls the brokers (flavor and broker settings: a rolling restart; kafkaVersion:
 * an upgrade); when the answer is 202, follow the operation of `type` it started (or scheduled, with `applyAt:
 * MAINTENANCE_WINDOW`). `operation` is that operation (only the one this form started), `active` is true while any
 * operation of that type runs or is scheduled on the instance, `scheduled` while that one waits for the window.
 */
export function useRollingChange(instance: Instance, type: RollingOperationType = 'RESTART_BROKERS') {
  const change = useChangeInstance(instance.projectId, instance.id);
  const [started, setStarted] = useState<string | null>(null);
  const { operation, active, scheduled } = useFollowedOperation(instance, type, started);

  const submit = (body: InstanceUpdate, onApplied?: (updated: Instance) => void) =>
    change.mutate(body, {
      onSuccess: ({ instance: updated, operationId }) => {
        if (operationId) setStarted(operationId);
        else onApplied?.(updated);
      },
    });

  return { submit, error: change.error, pending: change.isPending, operation: started ? operation : undefined, active, scheduled };
}
