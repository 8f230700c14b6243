import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import type { Instance } from '../generated';
import { instanceKeys } from './instances';
import { operationKeys } from './operations';
import { isInvalidState } from '../problem';
import { saveBlob, safeFileName } from '../../lib/download';

/** GET .../certificates/ca with the API key, saved as `<instance>-ca.pem`. */
export function useDownloadCaCertificate(project: string, instance: Pick<Instance, 'id' | 'name'>) {
  return useMutation({
    mutationFn: async () => {
      const response = await api.certificates.getInstanceCaCertificateRaw({ project, instance: instance.id });
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
    mutationFn: () => api.certificates.rotateInstanceCertificates({ project, instance }),
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
