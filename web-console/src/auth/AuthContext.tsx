import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { IdentityApi, type CurrentUser } from '../api/generated';
import { configuration } from '../api/client';
import { identityKeys } from '../api/hooks/identity';
import { clearSession, getToken, setToken } from './session';

interface Auth {
  token: string | null;
  /** Verifies the key with GET /me before keeping it. Throws the API's problem on failure. */
  signIn: (token: string) => Promise<CurrentUser>;
  signOut: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [token, setTokenState] = useState<string | null>(getToken);

  const signIn = useCallback(
    async (candidate: string) => {
      const user = await new IdentityApi(configuration(() => candidate)).getCurrentUser();
      setToken(candidate);
      client.clear();
      client.setQueryData(identityKeys.me(), user);
      setTokenState(candidate);
      return user;
    },
    [client],
  );

  const signOut = useCallback(() => {
    clearSession();
    client.clear();
    setTokenState(null);
  }, [client]);

  const value = useMemo(() => ({ token, signIn, signOut }), [token, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
