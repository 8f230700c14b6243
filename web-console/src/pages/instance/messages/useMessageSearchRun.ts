import { useEffect, useState } from 'react';
import type { Message, MessageQueryResult } from '../../../api/generated';
import { useQueryMessages } from '../../../api/hooks/messages';
import { isAborted } from '../../../api/problem';
import { continueQuery, describeStop, isCancelled, type MessageQueryParams } from '../../../lib/messageQuery';

/** What has been found so far by one search and its continuations. */
export interface SearchRun {
  params: MessageQueryParams;
  messages: Message[];
  scanned: number;
  last: MessageQueryResult;
}

/**
 * One search of a topic's messages and its continuations: what was found so far, whether it is
 * running, stopping or was stopped, and for how long it has run. Leaving the page ends a running
 * scan, on the server too.
 */
export function useMessageSearchRun(projectId: string, instanceId: string, topicName: string) {
  const search = useQueryMessages(projectId, instanceId, topicName);
  const [run, setRun] = useState<SearchRun | null>(null);
  const [stopped, setStopped] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [scanning, setScanning] = useState(false);
  const elapsed = useElapsedSeconds(search.isPending);
  const { stop } = search;
  useEffect(
    () => () => {
      void stop({ abort: true });
    },
    [stop],
  );

  /** Runs `params`, adding what it finds to `previous` when it continues that run. */
  const start = (params: MessageQueryParams, previous: SearchRun | null) => {
    setStopped(false);
    setStopping(false);
    setScanning(!!(params.key || params.contains));
    search.mutate(params, {
      onSettled: () => setStopping(false),
      onSuccess: (result) =>
        setRun({
          params,
          messages: previous ? [...previous.messages, ...result.messages] : result.messages,
          scanned: (previous?.scanned ?? 0) + result.scanned,
          last: result,
        }),
      onError: (error) => {
        if (isAborted(error)) setStopped(true);
      },
    });
  };

  return {
    run,
    running: search.isPending,
    /** The search's failure, unless it was stopped. */
    error: search.error && !isAborted(search.error) ? search.error : null,
    stopped,
    stopping,
    scanning,
    elapsed,
    /** Where the last answer stopped, when it did not cover the whole range. */
    stopReason: run ? describeStop(run.last) : null,
    cancelled: run ? isCancelled(run.last) : false,
    /** The query that continues from where the last answer stopped, if there is more to search. */
    next: run ? continueQuery(run.params, run.last) : null,
    /** A new search: what the previous one found is dropped. */
    begin: (params: MessageQueryParams) => {
      setRun(null);
      start(params, null);
    },
    /** Searches on from where the last answer stopped. */
    continueRun: () => {
      const next = run ? continueQuery(run.params, run.last) : null;
      if (next) start(next, run);
    },
    /** A scan is cancelled on the server and answers with what it found; a read is dropped. */
    stop: () => {
      setStopping(true);
      void stop();
    },
  };
}

export type MessageSearchRun = ReturnType<typeof useMessageSearchRun>;

/** Whole seconds since `running` turned true (0 when not running). */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!running) return;
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return seconds;
}
