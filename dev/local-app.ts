/** Krom wired for local use: DynamoDB Local, the local token key, dev mode. Used by npm start and tests. */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createApp } from '#api/app.ts';
import { localIdentities, type Identities } from '#auth/identities.ts';
import { localVerifier, type LocalKeyPair } from '#auth/tokens.ts';
import { createDb } from '#store/db.ts';
import { mountLocalSignIn } from './local-sign-in.ts';

export const LOCAL_TABLE = 'krom-local';

export interface LocalAppOptions {
  endpoint: string;
  table?: string;
  key: LocalKeyPair;
  now?: () => Date;
  /** Where invited people's identities go: the table itself unless a test gives a user pool. */
  identities?: Identities;
}

export function createLocalApp(options: LocalAppOptions) {
  const db = createDb({ table: options.table ?? LOCAL_TABLE, endpoint: options.endpoint, region: 'local' });
  // GraphiQL with its code inline: it works with no internet (yoga's default loads it from a CDN).
  const app = createApp({
    db,
    verifier: localVerifier(options.key.publicJwk),
    dev: true,
    now: options.now,
    // Invited people are registered in the table, where the local sign-in page finds them.
    identities: options.identities ?? localIdentities,
    renderGraphiQL,
  });
  mountLocalSignIn(app, db, options.key);
  return { db, app };
}
