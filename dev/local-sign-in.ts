/**
 * Local sign-in for the web app (npm start only; never in the Lambda): the people registered in
 * the table, with their roles, and a token signed for whichever the person at the keyboard picks.
 * It stands in for Cognito's hosted login on a developer's machine, where anyone at the keyboard
 * may already read .data/demo-tokens.json; it listens on loopback only, as npm start does.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '#api/app.ts';
import { signLocalToken, type LocalKeyPair } from '#auth/tokens.ts';
import type { Db } from '#store/db.ts';
import { getRoles, getUser, listUsers, type User } from '#store/users.ts';
import { tenantName } from './tokens.ts';

const THIRTY_DAYS = 30 * 24 * 3600;
const MOST_PEOPLE = 500;

export function mountLocalSignIn(app: Hono<AppEnv>, db: Db, key: LocalKeyPair): void {
  app.get('/local/people', async (c) => {
    const users: User[] = [];
    let cursor: string | null = null;
    do {
      const page = await listUsers(db, 100, cursor);
      users.push(...page.items);
      cursor = page.cursor;
    } while (cursor && users.length < MOST_PEOPLE);
    const people = await Promise.all(
      users.map(async (u) => ({
        id: u.id,
        displayName: u.displayName,
        roles: await Promise.all(
          (await getRoles(db, u.id)).map(async (r) => ({
            ...r,
            tenantName: await tenantName(db, r.tenantType, r.tenantId),
          })),
        ),
      })),
    );
    people.sort((a, b) => a.displayName.localeCompare(b.displayName));
    return c.json({ people });
  });

  app.post('/local/sign-in', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { userId?: unknown };
    const userId = typeof body.userId === 'string' ? body.userId : '';
    if (!userId || !(await getUser(db, userId))) return c.json({ error: 'no such person' }, 404);
    return c.json({ token: await signLocalToken(key.privateJwk, userId, THIRTY_DAYS) });
  });
}
