import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { Instance, NetworkSpec } from '../generated';
import { instanceKeys } from './instances';

/** PUT /projects/{p}/instances/{i}/network-rules → the instance with its new allow-list. */
export function useReplaceNetworkRules(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NetworkSpec) => api.networkRules.replaceNetworkRules({ project, instance, networkSpec: body }),
    onSuccess: (updated: Instance) => {
      client.setQueryData(instanceKeys.detail(project, instance), updated);
      return client.invalidateQueries({ queryKey: instanceKeys.lists(project) });
    },
  });
}
