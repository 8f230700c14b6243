import { useQuery } from '@tanstack/react-query';
import { api } from '../client';

export const identityKeys = {
  all: ['identity'] as const,
  me: () => [...identityKeys.all, 'me'] as const,
};

/** GET /api/v1/me — the caller and its project memberships. */
export function useCurrentUser(enabled = true) {
  return useQuery({
    queryKey: identityKeys.me(),
    queryFn: ({ signal }) => api.identity.getCurrentUser({ signal }),
    enabled,
    staleTime: 60_000,
  });
}
