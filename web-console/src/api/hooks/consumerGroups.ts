import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { isNotFound } from '../problem';
import type { OffsetReset } from '../generated';

export const consumerGroupKeys = {
  all: (project: string, instance: string) => ['projects', project, 'instances', instance, 'consumer-groups'] as const,
  list: (project: string, instance: string) => [...consumerGroupKeys.all(project, instance), 'list'] as const,
  detail: (project: string, instance: string, group: string) => [...consumerGroupKeys.all(project, instance), 'detail', group] as const,
};

/** GET /projects/{p}/instances/{i}/consumer-groups; lag moves, so it polls. */
export function useConsumerGroups(project: string, instance: string) {
  return useQuery({
    queryKey: consumerGroupKeys.list(project, instance),
    queryFn: ({ signal }) => api.consumerGroups.listConsumerGroups({ project, instance }, { signal }),
    refetchInterval: 15_000,
  });
}

/** GET /projects/{p}/instances/{i}/consumer-groups/{g} */
export function useConsumerGroup(project: string, instance: string, group: string) {
  return useQuery({
    queryKey: consumerGroupKeys.detail(project, instance, group),
    queryFn: ({ signal }) => api.consumerGroups.getConsumerGroup({ project, instance, group }, { signal }),
    retry: (count, error) => !isNotFound(error) && count < 2,
    refetchInterval: 10_000,
  });
}

/** DELETE /projects/{p}/instances/{i}/consumer-groups/{g} (only an empty group; 409 otherwise). */
export function useDeleteConsumerGroup(project: string, instance: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.consumerGroups.deleteConsumerGroup({ project, instance, group }),
    onSuccess: () => {
      client.removeQueries({ queryKey: consumerGroupKeys.detail(project, instance, group) });
      return client.invalidateQueries({ queryKey: consumerGroupKeys.list(project, instance) });
    },
  });
}

/** POST /projects/{p}/instances/{i}/consumer-groups/{g}/offset-resets; a dry run changes nothing. */
export function useResetOffsets(project: string, instance: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OffsetReset) => api.consumerGroups.resetConsumerGroupOffsets({ project, instance, group, offsetReset: body }),
    onSuccess: (result) => {
      if (result.dryRun) return;
      return client.invalidateQueries({ queryKey: consumerGroupKeys.all(project, instance) });
    },
  });
}
