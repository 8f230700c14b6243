import { useQuery } from '@tanstack/react-query';
import { api } from '../client';

export const operationKeys = {
  all: (project: string) => ['projects', project, 'operations'] as const,
  list: (project: string, instanceId: string | undefined, page: number) =>
    [...operationKeys.all(project), 'list', { instanceId, page }] as const,
  detail: (project: string, operation: string) => [...operationKeys.all(project), 'detail', operation] as const,
};

/** GET /projects/{p}/operations?instanceId= */
export function useOperations(project: string, instanceId?: string, page = 0) {
  return useQuery({
    queryKey: operationKeys.list(project, instanceId, page),
    queryFn: ({ signal }) => api.operations.listOperations({ project, instanceId, page, size: 20 }, { signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((o) => o.status === 'PENDING' || o.status === 'RUNNING') ? 3_000 : false,
  });
}

/** GET /projects/{p}/operations/{o}; polls every 1.5 s until the operation has finished. */
export function useOperation(project: string, operation: string | null | undefined) {
  return useQuery({
    queryKey: operationKeys.detail(project, operation ?? 'none'),
    queryFn: ({ signal }) => api.operations.getOperation({ project, operation: operation! }, { signal }),
    enabled: !!operation,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'SUCCEEDED' || status === 'FAILED' ? false : 1_500;
    },
  });
}
