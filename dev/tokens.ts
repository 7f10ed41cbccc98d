/**
 * The local signing key and the demo sign-in tokens. The key is made once and kept under .data/,
 * so tokens survive restarts; tokens are minted for each demo person from the roles they hold in
 * the table, so the list always says what each token can do.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateLocalKeyPair, signLocalToken, type LocalKeyPair } from '#auth/tokens.ts';
import type { Db } from '#store/db.ts';
import { getRoles } from '#store/users.ts';
import { getFederation, getGroup } from '#store/groups.ts';
import { getOrganisation } from '#store/organisations.ts';
import { DEMO_USERS } from './demo-data.ts';

export async function loadOrCreateSigningKey(file: string): Promise<LocalKeyPair> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalKeyPair;
  const pair = await generateLocalKeyPair();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(pair, null, 2), { mode: 0o600 });
  return pair;
}

export interface DemoToken {
  user: string;
  role: string;
  tenant: { type: string; id: string; name: string };
  token: string;
}

const THIRTY_DAYS = 30 * 24 * 3600;

export async function tenantName(db: Db, type: string, id: string): Promise<string> {
  switch (type) {
    case 'GROUP':
      return (await getGroup(db, id))?.name ?? id;
    case 'FEDERATION':
      return (await getFederation(db, id))?.name ?? id;
    case 'BANK':
    case 'NGO':
      return (await getOrganisation(db, type, id))?.name ?? id;
    default:
      return 'Krom platform';
  }
}

export async function mintDemoTokens(db: Db, key: LocalKeyPair): Promise<DemoToken[]> {
  const tokens: DemoToken[] = [];
  for (const user of DEMO_USERS) {
    const roles = await getRoles(db, user.sub);
    const grant = roles.find((r) => r.role === user.role) ?? roles[0];
    if (!grant) continue;
    tokens.push({
      user: user.sub,
      role: grant.role,
      tenant: {
        type: grant.tenantType,
        id: grant.tenantId,
        name: await tenantName(db, grant.tenantType, grant.tenantId),
      },
      token: await signLocalToken(key.privateJwk, user.sub, THIRTY_DAYS),
    });
  }
  return tokens;
}
