import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { AclCreate, AclResourceType, Instance, KafkaPasswordReset, KafkaUserCreate, NetworkSpec, TopicGrant } from '../generated';
import { instanceKeys } from './instances';
import { operationKeys } from './operations';
import { isInvalidState } from '../problem';
import { saveBlob, safeFileName } from '../../lib/download';

export interface AclFilter {
  principal?: string;
  resourceType?: AclResourceType;
  resourceName?: string;
}

export const securityKeys = {
  all: (project: string, instance: string) => ['projects', project, 'instances', instance, 'security'] as const,
  users: (project: string, instance: string) => [...securityKeys.all(project, instance), 'users'] as const,
  acls: (project: string, instance: string) => [...securityKeys.all(project, instance), 'acls'] as const,
  aclList: (project: string, instance: string, filter: AclFilter) => [...securityKeys.acls(project, instance), filter] as const,
};

/** GET /projects/{p}/instances/{i}/users */
export function useKafkaUsers(project: string, instance: string, enabled = true) {
  return useQuery({
    queryKey: securityKeys.users(project, instance),
    queryFn: ({ signal }) => api.security.listKafkaUsers({ project, instance }, { signal }),
    enabled,
  });
}

/** POST /projects/{p}/instances/{i}/users; the answer carries the password, once. */
export function useCreateKafkaUser(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KafkaUserCreate) => api.security.createKafkaUser({ project, instance, kafkaUserCreate: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.users(project, instance) }),
  });
}

/** POST /projects/{p}/instances/{i}/users/{u}/password-resets; the answer carries the new password, once. */
export function useResetKafkaPassword(project: string, instance: string, username: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KafkaPasswordReset) => api.security.resetKafkaUserPassword({ project, instance, username, kafkaPasswordReset: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.users(project, instance) }),
  });
}

/** DELETE /projects/{p}/instances/{i}/users/{u} (the admin user answers 409). */
export function useDeleteKafkaUser(project: string, instance: string, username: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.security.deleteKafkaUser({ project, instance, username }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.users(project, instance) }),
  });
}

/** GET /projects/{p}/instances/{i}/acls?principal=&resourceType=&resourceName= */
export function useAcls(project: string, instance: string, filter: AclFilter, enabled = true) {
  return useQuery({
    queryKey: securityKeys.aclList(project, instance, filter),
    queryFn: ({ signal }) =>
      api.security.listAcls(
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
    mutationFn: (body: AclCreate) => api.security.createAcl({ project, instance, aclCreate: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.acls(project, instance) }),
  });
}

/** DELETE /projects/{p}/instances/{i}/acls/{aclId} (the generated client URL-encodes the id). */
export function useDeleteAcl(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (aclId: string) => api.security.deleteAcl({ project, instance, aclId }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.acls(project, instance) }),
  });
}

/** POST /projects/{p}/instances/{i}/topic-grants → the ACLs that make up the grant. */
export function useGrantTopicAccess(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TopicGrant) => api.security.grantTopicAccess({ project, instance, topicGrant: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.acls(project, instance) }),
  });
}

/** PUT /projects/{p}/instances/{i}/network-rules → the instance with its new allow-list. */
export function useReplaceNetworkRules(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NetworkSpec) => api.security.replaceNetworkRules({ project, instance, networkSpec: body }),
    onSuccess: (updated: Instance) => {
      client.setQueryData(instanceKeys.detail(project, instance), updated);
      return client.invalidateQueries({ queryKey: instanceKeys.lists(project) });
    },
  });
}

/** GET .../certificates/ca with the API key, saved as `<instance>-ca.pem`. */
export function useDownloadCaCertificate(project: string, instance: Pick<Instance, 'id' | 'name'>) {
  return useMutation({
    mutationFn: async () => {
      const response = await api.security.getInstanceCaCertificateRaw({ project, instance: instance.id });
      const pem = await response.raw.text();
      const fileName = `${safeFileName(instance.name)}-ca.pem`;
      saveBlob(new Blob([pem], { type: 'application/x-pem-file' }), fileName);
      return fileName;
    },
  });
}

/**
 * POST .../certificates/rotations → the started operation (202): every broker gets a new certificate
 * from the same CA, by a rolling restart. Follow it with `useOperation`.
 */
export function useRotateCertificates(project: string, instance: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.security.rotateInstanceCertificates({ project, instance }),
    onSuccess: (operation) => {
      // seed the operation so its progress shows at once, then let the instance and history catch up
      client.setQueryData(operationKeys.detail(project, operation.id), operation);
      return Promise.all([
        client.invalidateQueries({ queryKey: instanceKeys.detail(project, instance) }),
        client.invalidateQueries({ queryKey: [...operationKeys.all(project), 'list'] }),
      ]);
    },
    // 409 INVALID_STATE: the instance is not what this page shows (not running, or busy); refresh it
    onError: (error) => (isInvalidState(error) ? client.invalidateQueries({ queryKey: instanceKeys.detail(project, instance) }) : undefined),
  });
}
