/**
 * Signing in with Cognito's managed login (the deployed app; a local build never loads this
 * module): OAuth 2's authorization code flow with PKCE through oidc-client-ts, the phone number as
 * username. The deployment writes /config.json with the issuer, the app client and the login
 * domain. The refresh token keeps her signed in on her phone for 30 days — offline too — and
 * renews the hour-long access token before a request needs it.
 */
import { ErrorResponse, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { startSession } from './session.ts';

interface CognitoConfig {
  /** The user pool's issuer: https://cognito-idp.<region>.amazonaws.com/<pool id>. */
  authority: string;
  clientId: string;
  /** The managed login's domain: https://<prefix>.auth.<region>.amazoncognito.com. */
  loginDomain: string;
}

let manager: Promise<{ users: UserManager; config: CognitoConfig }> | null = null;

function users() {
  manager ??= fetch('/config.json')
    .then((r) => {
      if (!r.ok) throw new Error(`config.json: HTTP ${r.status}`);
      return r.json() as Promise<CognitoConfig>;
    })
    .then((config) => {
      const home = `${location.origin}/`;
      const users = new UserManager({
        authority: config.authority,
        client_id: config.clientId,
        redirect_uri: home,
        post_logout_redirect_uri: home,
        response_type: 'code',
        scope: 'openid phone profile',
        // Cognito's endpoints, given here so nothing is discovered (the CSP lets the app talk to
        // its own origin and the login domain only).
        metadata: {
          issuer: config.authority,
          authorization_endpoint: `${config.loginDomain}/oauth2/authorize`,
          token_endpoint: `${config.loginDomain}/oauth2/token`,
          revocation_endpoint: `${config.loginDomain}/oauth2/revoke`,
          end_session_endpoint: `${config.loginDomain}/logout`,
        },
        loadUserInfo: false,
        automaticSilentRenew: false,
        // The refresh token outlives a closed browser, like the session itself.
        userStore: new WebStorageStateStore({ store: localStorage }),
      });
      return { users, config };
    })
    .catch((error) => {
      manager = null;
      throw error;
    });
  return manager;
}

function start(user: User): void {
  const name = typeof user.profile.name === 'string' ? user.profile.name : undefined;
  const phone = typeof user.profile.phone_number === 'string' ? user.profile.phone_number : undefined;
  startSession(user.access_token, name ?? phone ?? user.profile.sub, { renewable: Boolean(user.refresh_token) });
}

/** Off to the managed login page; she comes back to the app with a code. */
export async function signIn(): Promise<void> {
  await (await users()).users.signinRedirect();
}

/** True when this page is the login page's answer (?code=…&state=…). */
export function isSignInAnswer(url = new URL(location.href)): boolean {
  return url.searchParams.has('code') && url.searchParams.has('state');
}

/** Exchanges the code (with the PKCE verifier kept since signIn) for her tokens, and starts the session. */
export async function completeSignIn(): Promise<void> {
  const user = await (await users()).users.signinRedirectCallback();
  history.replaceState(null, '', '/');
  start(user);
}

/** Refused renewal (the refresh token expired or was revoked): she must sign in again. */
export class RenewalRefused extends Error {}

/** A fresh access token from the refresh token. Without a network it throws as fetch does. */
export async function renew(): Promise<void> {
  const { users: manager } = await users();
  try {
    const user = await manager.signinSilent();
    if (!user) throw new RenewalRefused('no user');
    start(user);
  } catch (error) {
    if (error instanceof ErrorResponse) {
      await manager.removeUser();
      throw new RenewalRefused(error.message);
    }
    throw error;
  }
}

/** Forgets her tokens and ends the managed login's own session, so the next person must sign in. */
export async function signOut(): Promise<void> {
  const { users: manager, config } = await users();
  await manager.removeUser();
  // Cognito's logout takes the client and where to come back, not OIDC's id_token_hint.
  location.assign(
    `${config.loginDomain}/logout?client_id=${encodeURIComponent(config.clientId)}&logout_uri=${encodeURIComponent(`${location.origin}/`)}`,
  );
}
