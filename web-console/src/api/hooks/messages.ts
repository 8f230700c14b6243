import { useCallback, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { MessageProduce } from '../generated';
import { downloadMessages, startMessageSearch, type DownloadProgress, type MessageSearch, type StopOutcome } from '../messageSearch';
import type { MessageExportParams, MessageQueryParams } from '../../lib/messageQuery';
import { saveBlob } from '../../lib/download';
import { topicKeys } from './topics';

export const messageKeys = {
  all: (project: string, instance: string, topic: string) => [...topicKeys.detail(project, instance, topic), 'messages'] as const,
  query: (project: string, instance: string, topic: string) => [...messageKeys.all(project, instance, topic), 'query'] as const,
  produce: (project: string, instance: string, topic: string) => [...messageKeys.all(project, instance, topic), 'produce'] as const,
};

/**
 * GET /projects/{p}/instances/{i}/topics/{t}/messages, run on demand. A search is an action
 * (a scan may run for seconds and is continued page by page), so it is a mutation. A key or
 * content scan is sent with a fresh `searchId`: `stop()` cancels it on the server, which then
 * answers with what it found (`stoppedBy: CANCELLED`) and a cursor to continue from; a read by
 * offset or time is simply aborted. `stop({ abort: true })` also drops the request (leaving the page).
 */
export function useQueryMessages(project: string, instance: string, topic: string) {
  const current = useRef<MessageSearch | null>(null);
  const mutation = useMutation({
    mutationKey: messageKeys.query(project, instance, topic),
    mutationFn: (params: MessageQueryParams) => {
      current.current?.stop({ abort: true });
      const search = startMessageSearch(api.messages, { project, instance, topic, ...params });
      current.current = search;
      return search.result.finally(() => {
        if (current.current === search) current.current = null;
      });
    },
  });
  const stop = useCallback(
    (options?: { abort?: boolean }): Promise<StopOutcome> => current.current?.stop(options) ?? Promise.resolve('finished'),
    [],
  );
  return { ...mutation, stop };
}

/**
 * GET /projects/{p}/instances/{i}/topics/{t}/messages/export as a `.jsonl` download, with the
 * number of messages received so far while it streams in; `cancel()` drops it.
 */
export function useExportMessages(project: string, instance: string, topic: string) {
  const controller = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ params, fileName }: { params: MessageExportParams; fileName: string }) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setProgress({ bytes: 0, lines: 0 });
      try {
        const { blob, lines } = await downloadMessages(api.messages, { project, instance, topic, ...params }, { signal: current.signal, onProgress: setProgress });
        saveBlob(blob, fileName);
        return { fileName, lines, bytes: blob.size };
      } finally {
        if (controller.current === current) controller.current = null;
        setProgress(null);
      }
    },
  });
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...mutation, progress, cancel };
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
