import { useCallback, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { MessageProduce } from '../generated';
import type { MessageQueryParams } from '../../lib/messageQuery';
import { topicKeys } from './topics';

export const messageKeys = {
  all: (project: string, instance: string, topic: string) => [...topicKeys.detail(project, instance, topic), 'messages'] as const,
  query: (project: string, instance: string, topic: string) => [...messageKeys.all(project, instance, topic), 'query'] as const,
  produce: (project: string, instance: string, topic: string) => [...messageKeys.all(project, instance, topic), 'produce'] as const,
};

/**
 * GET /projects/{p}/instances/{i}/topics/{t}/messages, run on demand. A search is an action
 * (a scan may run for seconds and is continued page by page), so it is a mutation; `stop()`
 * aborts the request in flight through its AbortController.
 */
export function useQueryMessages(project: string, instance: string, topic: string) {
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationKey: messageKeys.query(project, instance, topic),
    mutationFn: (params: MessageQueryParams) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      return api.messages.queryMessages({ project, instance, topic, ...params }, { signal: current.signal }).finally(() => {
        if (controller.current === current) controller.current = null;
      });
    },
  });
  const stop = useCallback(() => controller.current?.abort(), []);
  return { ...mutation, stop };
}

/** POST /projects/{p}/instances/{i}/topics/{t}/messages */
export function useProduceMessage(project: string, instance: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: messageKeys.produce(project, instance, topic),
    mutationFn: (body: MessageProduce) => api.messages.produceMessage({ project, instance, topic, messageProduce: body }),
    // the partition's latest offset and the topic's message estimate have moved
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: topicKeys.detail(project, instance, topic), exact: true }),
        client.invalidateQueries({ queryKey: topicKeys.lists(project, instance) }),
      ]),
  });
}
