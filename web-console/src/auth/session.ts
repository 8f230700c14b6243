// The API key lives in sessionStorage: it is gone when the tab closes and never sent
// anywhere but the Authorization header of same-origin API calls.
const TOKEN_KEY = 'tributary.apiKey';
const PROJECT_KEY = 'tributary.projectId';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function getLastProject(): string | null {
  return sessionStorage.getItem(PROJECT_KEY);
}

export function setLastProject(projectId: string): void {
  sessionStorage.setItem(PROJECT_KEY, projectId);
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(PROJECT_KEY);
}
