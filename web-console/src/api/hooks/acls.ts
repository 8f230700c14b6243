import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { AclCreate, AclResourceType, TopicGrant } from '../generated';

export interface AclFilter {
  principal?: string;
  resourceType?: AclResourceType;
  resourceName?: string;
}

export const aclKeys = {
  all: (project: string, instance: string) => ['projects', project, 'instances', instance, 'acls'] as const,
  list: (project: string, instance: string, filter: AclFilter) => [...aclKeys.all(project, instance), filter] as const,
};

/** GET /projects/{p}/instances/{i}/acls?principal=&resourceType=&resourceName= */
export function useAcls(project: string, instance: string, filter: AclFilter, enabled = true) {
  return useQuery({
    queryKey: aclKeys.list(project, instance, filter),
    queryFn: ({ signal }) =>
      api.acls.listAcls(
        {
          project,
          instance,
          principal: filter.principal || undefined,
          resourceType: filter.resourceType,
          resourceName: filter.resourceName || undefined,
        },
        { signal },
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** POST /projects/{p}/instances/{i}/acls */
export function useCreateAcl(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AclCreate) => api.acls.createAcl({ project, instance, aclCreate: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: aclKeys.all(project, instance) }),
  });
}

/** DELETE /projects/{p}/instances/{i}/acls/{aclId} (the generated client URL-encodes the id). */
export function useDeleteAcl(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (aclId: string) => api.acls.deleteAcl({ project, instance, aclId }),
    onSuccess: () => client.invalidateQueries({ queryKey: aclKeys.all(project, instance) }),
  });
}

/** POST /projects/{p}/instances/{i}/topic-grants → the ACLs that make up the grant. */
export function useGrantTopicAccess(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TopicGrant) => api.acls.grantTopicAccess({ project, instance, topicGrant: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: aclKeys.all(project, instance) }),
  });
}
