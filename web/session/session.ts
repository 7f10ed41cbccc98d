/**
 * The signed-in person: a token kept in localStorage so the session survives a reload and a
 * closed browser. Locally the token comes from the local sign-in page and the session ends with
 * it; in AWS from Cognito, whose refresh token renews it, so she stays signed in on her phone —
 * recording meetings offline — until a renewal is refused.
 */
import { forgetAnswers } from '../outbox/store.ts';

export interface Session {
  token: string;
  userId: string;
  displayName: string;
  /** When the token expires, in seconds since the epoch. */
  expiresAt: number;
  /** A Cognito session: the token is renewed rather than the session ended. */
  renewable?: boolean;
}

const STORAGE_KEY = 'krom.session';
type Listener = () => void;
const listeners = new Set<Listener>();

export function currentSession(): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.renewable || session.expiresAt * 1000 > Date.now() ? session : null;
  } catch {
    return null;
  }
}

/** The token's own claims (its signature is the API's to check). */
export function claimsOf(token: string): { sub: string; exp: number } {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
}

export function startSession(token: string, displayName: string, options: { renewable?: boolean } = {}): void {
  const { sub, exp } = claimsOf(token);
  const session: Session = { token, userId: sub, displayName, expiresAt: exp, renewable: options.renewable };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  for (const l of listeners) l();
}

/** Ends the session on this phone and forgets the phone's copies of what she read. */
export function endSession(): void {
  localStorage.removeItem(STORAGE_KEY);
  void forgetAnswers();
  for (const l of listeners) l();
}

/** Signing out: the session ends here, and in AWS the managed login's too (a shared phone). */
export function signOut(): void {
  const renewable = currentSession()?.renewable;
  endSession();
  if (renewable) void import('./cognito.ts').then((cognito) => cognito.signOut());
}

/** Renew a token that expires within this long, so a request never carries a dying one. */
const RENEW_BEFORE_MS = 60_000;

/**
 * The session to send a request with: a Cognito token about to expire is renewed first. Throws
 * when the renewal cannot be asked (no network); ends the session when it is refused.
 */
export async function sessionForRequest(): Promise<Session | null> {
  const session = currentSession();
  if (!session?.renewable || session.expiresAt * 1000 - Date.now() > RENEW_BEFORE_MS) return session;
  const cognito = await import('./cognito.ts');
  try {
    await cognito.renew();
  } catch (error) {
    if (!(error instanceof cognito.RenewalRefused)) throw error;
    endSession();
    return null;
  }
  return currentSession();
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
