import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../client';

export const auditKeys = {
  all: (project: string) => ['projects', project, 'audit-events'] as const,
  list: (project: string, page: number, size: number) => [...auditKeys.all(project), { page, size }] as const,
};

/** GET /projects/{p}/audit-events */
export function useAuditEvents(project: string, page = 0, size = 50) {
  return useQuery({
    queryKey: auditKeys.list(project, page, size),
    queryFn: ({ signal }) => api.audit.listAuditEvents({ project, page, size }, { signal }),
    placeholderData: keepPreviousData,
  });
}
