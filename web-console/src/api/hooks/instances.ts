import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { isInvalidState, isNotFound } from '../problem';
import { operationKeys } from './operations';
import type { Instance, InstanceCreate, InstanceStatus, InstanceUpdate } from '../generated';

export interface InstanceFilter {
  status?: InstanceStatus;
  q?: string;
  page?: number;
  size?: number;
}

export const instanceKeys = {
  all: (project: string) => ['projects', project, 'instances'] as const,
  lists: (project: string) => [...instanceKeys.all(project), 'list'] as const,
  list: (project: string, filter: InstanceFilter) => [...instanceKeys.lists(project), filter] as const,
  detail: (project: string, instance: string) => [...instanceKeys.all(project), 'detail', instance] as const,
};

/** States the control plane is still working on: keep polling while an instance is in one. */
export const TRANSITIONAL: ReadonlySet<InstanceStatus> = new Set<InstanceStatus>([
  'CREATING',
  'DELETING',
  'RESTARTING',
  'EXTENDING',
  'UPGRADING',
]);

/** GET /projects/{p}/instances?status=&q= */
export function useInstances(project: string, filter: InstanceFilter) {
  return useQuery({
    queryKey: instanceKeys.list(project, filter),
    queryFn: ({ signal }) =>
      api.instances.listInstances(
        { project, status: filter.status, q: filter.q || undefined, page: filter.page, size: filter.size },
        { signal },
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => TRANSITIONAL.has(i.status)) ? 5_000 : 30_000,
  });
}

/** GET /projects/{p}/instances/{i}; polls every 2 s while the instance is changing. */
export function useInstance(project: string, instance: string, options: { pollWhileGone?: boolean } = {}) {
  return useQuery({
    queryKey: instanceKeys.detail(project, instance),
    queryFn: ({ signal }) => api.instances.getInstance({ project, instance }, { signal }),
    retry: (count, error) => !isNotFound(error) && count < 2,
    refetchInterval: (query) => {
      if (isNotFound(query.state.error)) return options.pollWhileGone ? 2_000 : false;
      const status = query.state.data?.status;
      return status && TRANSITIONAL.has(status) ? 2_000 : false;
    },
  });
}

/** POST /projects/{p}/instances */
export function useCreateInstance(project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InstanceCreate) => api.instances.createInstance({ project, instanceCreate: body }),
    onSuccess: (accepted) => {
      client.setQueryData(instanceKeys.detail(project, accepted.instance.id), accepted.instance);
      return client.invalidateQueries({ queryKey: instanceKeys.lists(project) });
    },
  });
}

/** PATCH /projects/{p}/instances/{i} */
export function useUpdateInstance(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InstanceUpdate) => api.instances.updateInstance({ project, instance, instanceUpdate: body }),
    onSuccess: (updated: Instance) => {
      client.setQueryData(instanceKeys.detail(project, instance), updated);
      return client.invalidateQueries({ queryKey: instanceKeys.lists(project) });
    },
  });
}

/** What a PATCH answered: the instance, and the operation (rolling restart or upgrade) that applies the change when the answer was 202. */
export interface InstanceChange {
  instance: Instance;
  operationId: string | null;
}

/**
 * PATCH /projects/{p}/instances/{i} for a change that may need a rolling restart (flavor, broker settings) or is an
 * upgrade (kafkaVersion): tells a 200 (applied) from a 202 (`currentOperationId` is the operation that applies it).
 */
export function useChangeInstance(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: InstanceUpdate): Promise<InstanceChange> => {
      const response = await api.instances.updateInstanceRaw({ project, instance, instanceUpdate: body });
      const updated = await response.value();
      return { instance: updated, operationId: response.raw.status === 202 ? updated.currentOperationId ?? null : null };
    },
    onSuccess: ({ instance: updated }) => {
      client.setQueryData(instanceKeys.detail(project, instance), updated);
      return Promise.all([
        client.invalidateQueries({ queryKey: instanceKeys.lists(project) }),
        client.invalidateQueries({ queryKey: [...operationKeys.all(project), 'list'] }),
      ]);
    },
    // 409 INVALID_STATE: not running, or another operation runs (the problem names it); refresh the instance
    onError: (error) => (isInvalidState(error) ? client.invalidateQueries({ queryKey: instanceKeys.detail(project, instance) }) : undefined),
  });
}

/** DELETE /projects/{p}/instances/{i} */
export function useDeleteInstance(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.instances.deleteInstance({ project, instance }),
    onSuccess: (accepted) => {
      client.setQueryData(instanceKeys.detail(project, instance), accepted.instance);
      return client.invalidateQueries({ queryKey: instanceKeys.lists(project) });
    },
  });
}

/** GET /projects/{p}/instances/{i}/events; refreshed while the page is open (capacity actions happen on their own). */
export function useInstanceEvents(project: string, instance: string, page = 0) {
  return useQuery({
    queryKey: [...instanceKeys.detail(project, instance), 'events', { page }] as const,
    queryFn: ({ signal }) => api.instances.listInstanceEvents({ project, instance, page, size: 20 }, { signal }),
    refetchInterval: 10_000,
  });
}
