import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { isInvalidState } from '../problem';
import type { Operation } from '../generated';
import { instanceKeys } from './instances';
import { operationKeys } from './operations';

/** After a scheduled operation was started, cancelled, or found to have changed: the operation, its instance and the history anew. */
function refreshAfter(client: QueryClient, project: string, instance: string, operation?: Operation) {
  if (operation) client.setQueryData(operationKeys.detail(project, operation.id), operation);
  return Promise.all([
    client.invalidateQueries({ queryKey: instanceKeys.detail(project, instance) }),
    client.invalidateQueries({ queryKey: instanceKeys.lists(project) }),
    client.invalidateQueries({ queryKey: operationKeys.all(project) }),
  ]);
}

/**
 * POST /projects/{p}/operations/{o}/start: a scheduled operation begins now instead of in the maintenance window.
 * 409 INVALID_STATE when it is no longer scheduled (it began, or was cancelled): everything is fetched again.
 */
export function useStartOperationNow(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (operation: string) => api.operations.startOperationNow({ project, operation }),
    onSuccess: (operation) => refreshAfter(client, project, instance, operation),
    onError: (error) => (isInvalidState(error) ? refreshAfter(client, project, instance) : undefined),
  });
}

/**
 * POST /projects/{p}/operations/{o}/cancel: a scheduled operation is CANCELLED and the change that made it undone (the
 * instance gets back its flavor, broker settings and Kafka version). 409 INVALID_STATE once it has begun.
 */
export function useCancelOperation(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (operation: string) => api.operations.cancelOperation({ project, operation }),
    onSuccess: (operation) => refreshAfter(client, project, instance, operation),
    onError: (error) => (isInvalidState(error) ? refreshAfter(client, project, instance) : undefined),
  });
}
