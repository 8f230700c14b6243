import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { isNotFound } from '../problem';
import type { Topic, TopicCreate, TopicUpdate } from '../generated';

export interface TopicFilter {
  q?: string;
  includeInternal?: boolean;
  page?: number;
  size?: number;
}

export const topicKeys = {
  all: (project: string, instance: string) => ['projects', project, 'instances', instance, 'topics'] as const,
  lists: (project: string, instance: string) => [...topicKeys.all(project, instance), 'list'] as const,
  list: (project: string, instance: string, filter: TopicFilter) => [...topicKeys.lists(project, instance), filter] as const,
  detail: (project: string, instance: string, topic: string) => [...topicKeys.all(project, instance), 'detail', topic] as const,
};

/** GET /projects/{p}/instances/{i}/topics?q=&includeInternal= */
export function useTopics(project: string, instance: string, filter: TopicFilter, enabled = true) {
  return useQuery({
    queryKey: topicKeys.list(project, instance, filter),
    queryFn: ({ signal }) =>
      api.topics.listTopics(
        { project, instance, q: filter.q || undefined, includeInternal: filter.includeInternal || undefined, page: filter.page, size: filter.size },
        { signal },
      ),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** GET /projects/{p}/instances/{i}/topics/{t} */
export function useTopic(project: string, instance: string, topic: string) {
  return useQuery({
    queryKey: topicKeys.detail(project, instance, topic),
    queryFn: ({ signal }) => api.topics.getTopic({ project, instance, topic }, { signal }),
    retry: (count, error) => !isNotFound(error) && count < 2,
    refetchInterval: 15_000,
  });
}

/** POST /projects/{p}/instances/{i}/topics */
export function useCreateTopic(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TopicCreate) => api.topics.createTopic({ project, instance, topicCreate: body }),
    onSuccess: (created: Topic) => {
      client.setQueryData(topicKeys.detail(project, instance, created.name), created);
      return client.invalidateQueries({ queryKey: topicKeys.lists(project, instance) });
    },
  });
}

/** PATCH /projects/{p}/instances/{i}/topics/{t} */
export function useUpdateTopic(project: string, instance: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TopicUpdate) => api.topics.updateTopic({ project, instance, topic, topicUpdate: body }),
    onSuccess: (updated: Topic) => {
      client.setQueryData(topicKeys.detail(project, instance, topic), updated);
      return client.invalidateQueries({ queryKey: topicKeys.lists(project, instance) });
    },
  });
}

/** DELETE /projects/{p}/instances/{i}/topics/{t} */
export function useDeleteTopic(project: string, instance: string, topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.topics.deleteTopic({ project, instance, topic }),
    onSuccess: () => {
      client.removeQueries({ queryKey: topicKeys.detail(project, instance, topic) });
      return client.invalidateQueries({ queryKey: topicKeys.lists(project, instance) });
    },
  });
}
