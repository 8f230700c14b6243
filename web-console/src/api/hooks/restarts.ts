import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { instanceKeys } from './instances';
import { operationKeys } from './operations';
import { isInvalidState } from '../problem';
import type { BrokerRestart } from '../generated';

/**
 * POST .../restarts → the started operation (202): a rolling restart of every broker (`{}`), or of the one `nodeId`;
 * with `applyAt: MAINTENANCE_WINDOW` it is scheduled (PENDING with `scheduledAt`) instead. Follow it with `useOperation`.
 */
export function useRestartBrokers(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BrokerRestart) => api.instances.restartInstanceBrokers({ project, instance, brokerRestart: body }),
    onSuccess: (operation) => {
      client.setQueryData(operationKeys.detail(project, operation.id), operation);
      return Promise.all([
        client.invalidateQueries({ queryKey: instanceKeys.detail(project, instance) }),
        client.invalidateQueries({ queryKey: [...operationKeys.all(project), 'list'] }),
      ]);
    },
    // 409 INVALID_STATE: not running, or another operation runs (the problem names it); refresh the instance
    onError: (error) => (isInvalidState(error) ? client.invalidateQueries({ queryKey: instanceKeys.detail(project, instance) }) : undefined),
  });
}
