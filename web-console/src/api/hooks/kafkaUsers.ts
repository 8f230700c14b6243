import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { KafkaPasswordReset, KafkaUserCreate } from '../generated';

export const kafkaUserKeys = {
  all: (project: string, instance: string) => ['projects', project, 'instances', instance, 'users'] as const,
};

/** GET /projects/{p}/instances/{i}/users */
export function useKafkaUsers(project: string, instance: string, enabled = true) {
  return useQuery({
    queryKey: kafkaUserKeys.all(project, instance),
    queryFn: ({ signal }) => api.kafkaUsers.listKafkaUsers({ project, instance }, { signal }),
    enabled,
  });
}

/** POST /projects/{p}/instances/{i}/users; the answer carries the password, once. */
export function useCreateKafkaUser(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KafkaUserCreate) => api.kafkaUsers.createKafkaUser({ project, instance, kafkaUserCreate: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: kafkaUserKeys.all(project, instance) }),
  });
}

/** POST /projects/{p}/instances/{i}/users/{u}/password-resets; the answer carries the new password, once. */
export function useResetKafkaPassword(project: string, instance: string, username: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KafkaPasswordReset) => api.kafkaUsers.resetKafkaUserPassword({ project, instance, username, kafkaPasswordReset: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: kafkaUserKeys.all(project, instance) }),
  });
}

/** DELETE /projects/{p}/instances/{i}/users/{u} (the admin user answers 409). */
export function useDeleteKafkaUser(project: string, instance: string, username: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.kafkaUsers.deleteKafkaUser({ project, instance, username }),
    onSuccess: () => client.invalidateQueries({ queryKey: kafkaUserKeys.all(project, instance) }),
  });
}
