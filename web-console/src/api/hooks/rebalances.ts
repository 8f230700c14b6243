import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { type Rebalance } from '../generated';
import { isInvalidState, isNotFound } from '../problem';
import { instanceKeys } from './instances';
import { operationKeys } from './operations';

export const rebalanceKeys = {
  // under the instance's key: whatever refreshes the instance (an operation that finished) refreshes this too
  latest: (project: string, instance: string) => [...instanceKeys.detail(project, instance), 'rebalance'] as const,
};

/** A rebalance still moving partitions (or about to). */
export function isRebalanceActive(rebalance: Rebalance | null | undefined): rebalance is Rebalance {
  return !!rebalance && (rebalance.status === 'PENDING' || rebalance.status === 'RUNNING');
}

function refreshInstance(client: QueryClient, project: string, instance: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: instanceKeys.detail(project, instance) }),
    client.invalidateQueries({ queryKey: [...operationKeys.all(project), 'list'] }),
  ]);
}

/**
 * GET .../rebalances: the instance's latest rebalance (its own, or a scale-out's or scale-in's), `null` when it never had
 * one (404). Polled every 2 s while it runs, and every 5 s with `watch` (the instance is changing: a scale-out's rebalance
 * may start); once it has finished, the instance and the operations history are fetched again.
 */
export function useLatestRebalance(project: string, instance: string, { watch = false }: { watch?: boolean } = {}) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: rebalanceKeys.latest(project, instance),
    queryFn: async ({ signal }): Promise<Rebalance | null> => {
      try {
        return await api.instances.getRebalance({ project, instance }, { signal });
      } catch (error) {
        if (isNotFound(error)) return null; // REBALANCE_NOT_FOUND: no rebalance yet
        throw error;
      }
    },
    refetchInterval: (q) => (isRebalanceActive(q.state.data) ? 2_000 : watch ? 5_000 : false),
  });

  const active = isRebalanceActive(query.data);
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) void refreshInstance(client, project, instance);
    wasActive.current = active;
  }, [active, client, project, instance]);
  return query;
}

function request(dryRun: boolean, throttleBytesPerSecond: number | null) {
  return throttleBytesPerSecond == null ? { dryRun } : { dryRun, throttleBytesPerSecond };
}

/** POST .../rebalances `{dryRun: true}`: the plan (200), nothing changed. */
export function usePlanRebalance(project: string, instance: string) {
  return useMutation({
    mutationFn: (throttleBytesPerSecond: number | null) =>
      api.instances.startRebalance({ project, instance, rebalanceRequest: request(true, throttleBytesPerSecond) }),
  });
}

/** POST .../rebalances `{dryRun: false}` (202, a REBALANCE operation), then the started rebalance as GET shows it, followed by `useLatestRebalance`. */
export function useStartRebalance(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (throttleBytesPerSecond: number | null): Promise<Rebalance> => {
      // the 202 answers the plan being carried out, with its operation; the rebalance's progress is the GET
      await api.instances.startRebalance({ project, instance, rebalanceRequest: request(false, throttleBytesPerSecond) });
      return api.instances.getRebalance({ project, instance });
    },
    onSuccess: (rebalance) => {
      client.setQueryData(rebalanceKeys.latest(project, instance), rebalance);
      return Promise.all([
        client.invalidateQueries({ queryKey: instanceKeys.detail(project, instance), exact: true }),
        client.invalidateQueries({ queryKey: [...operationKeys.all(project), 'list'] }),
      ]);
    },
    // 409: another operation runs, or the instance is not running; refresh the instance
    onError: (error) => (isInvalidState(error) ? client.invalidateQueries({ queryKey: instanceKeys.detail(project, instance), exact: true }) : undefined),
  });
}

/** DELETE .../rebalances: cancels the running rebalance (202); 409 when none runs or it is a scale-in's. */
export function useCancelRebalance(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.instances.cancelRebalance({ project, instance }),
    onSuccess: (rebalance) => client.setQueryData(rebalanceKeys.latest(project, instance), rebalance),
    // REBALANCE_NOT_RUNNING: it has just finished; fetch how it ended
    onError: () => client.invalidateQueries({ queryKey: rebalanceKeys.latest(project, instance) }),
  });
}
