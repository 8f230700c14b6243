import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import type { Operation } from '../generated';

export const operationKeys = {
  all: (project: string) => ['projects', project, 'operations'] as const,
  list: (project: string, instanceId: string | undefined, page: number) =>
    [...operationKeys.all(project), 'list', { instanceId, page }] as const,
  detail: (project: string, operation: string) => [...operationKeys.all(project), 'detail', operation] as const,
};

/** Statuses an operation ends in: nothing changes once it is in one. */
export const OPERATION_FINISHED: ReadonlySet<Operation['status']> = new Set<Operation['status']>(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** An operation waiting for the instance's maintenance window (PENDING with `scheduledAt`): it may be started now or cancelled. */
export function isScheduled(operation: Operation | null | undefined): operation is Operation & { scheduledAt: Date } {
  return !!operation && operation.status === 'PENDING' && operation.scheduledAt != null;
}

/** A scheduled operation begins on its own at the window: looked at again this often, enough to notice that it began. */
const SCHEDULED_POLL_MS = 30_000;

/** GET /projects/{p}/operations?instanceId= */
export function useOperations(project: string, instanceId?: string, page = 0) {
  return useQuery({
    queryKey: operationKeys.list(project, instanceId, page),
    queryFn: ({ signal }) => api.operations.listOperations({ project, instanceId, page, size: 20 }, { signal }),
    refetchInterval: (query) => {
      const items = query.state.data?.items ?? [];
      if (items.some((o) => !OPERATION_FINISHED.has(o.status) && !isScheduled(o))) return 3_000;
      return items.some(isScheduled) ? SCHEDULED_POLL_MS : false;
    },
  });
}

/** GET /projects/{p}/operations/{o}; polls every 1.5 s until the operation has finished (every 30 s while it is scheduled). */
export function useOperation(project: string, operation: string | null | undefined) {
  return useQuery({
    queryKey: operationKeys.detail(project, operation ?? 'none'),
    queryFn: ({ signal }) => api.operations.getOperation({ project, operation: operation! }, { signal }),
    enabled: !!operation,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data && OPERATION_FINISHED.has(data.status)) return false;
      return isScheduled(data) ? SCHEDULED_POLL_MS : 1_500;
    },
  });
}
