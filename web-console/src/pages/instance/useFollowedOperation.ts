import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Instance, Operation } from '../../api/generated';
import { instanceKeys } from '../../api/hooks/instances';
import { isScheduled, OPERATION_FINISHED, operationKeys, useOperation } from '../../api/hooks/operations';

/**
 * The operation of `type` this page started (`started`), or else the instance's current one when it is of that type,
 * polled; once it has finished (or was cancelled), the instance (status, current operation) and the history are fetched
 * again. `active`: it has not finished (a scheduled one counts: it holds the instance); `scheduled`: it waits for the
 * maintenance window.
 */
export function useFollowedOperation(instance: Instance, type: Operation['type'], started: string | null) {
  const projectId = instance.projectId;
  const client = useQueryClient();
  const op = useOperation(projectId, started ?? instance.currentOperationId);
  const operation = op.data?.type === type ? op.data : undefined;
  const finished = !!operation && OPERATION_FINISHED.has(operation.status);

  useEffect(() => {
    if (!finished) return;
    void client.invalidateQueries({ queryKey: instanceKeys.detail(projectId, instance.id) });
    void client.invalidateQueries({ queryKey: [...operationKeys.all(projectId), 'list'] });
  }, [finished, client, projectId, instance.id]);

  return { operation, active: !!operation && !finished, finished, scheduled: isScheduled(operation) };
}
