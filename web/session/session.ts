/**
 * The signed-in person: a token kept in localStorage so the session survives a reload and a
 * closed browser, until the token expires. Locally the token comes from the local sign-in page;
 * in AWS from Cognito.
 */
export interface Session {
  token: string;
  userId: string;
  displayName: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const STORAGE_KEY = 'krom.session';
type Listener = () => void;
const listeners = new Set<Listener>();

export function currentSession(): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt * 1000 > Date.now() ? session : null;
  } catch {
    return null;
  }
}

/** The token's own claims (its signature is the API's to check). */
export function claimsOf(token: string): { sub: string; exp: number } {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
}

export function startSession(token: string, displayName: string): void {
  const { sub, exp } = claimsOf(token);
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ token, userId: sub, displayName, expiresAt: exp }));
  for (const l of listeners) l();
}

export function endSession(): void {
  localStorage.removeItem(STORAGE_KEY);
  for (const l of listeners) l();
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
