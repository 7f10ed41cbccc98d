/**
 * The API Lambda. Everything is built once at module scope — the DynamoDB client, the schema, the
 * app — and nothing slow happens at import: the Cognito JWKS is fetched on the first request.
 */
import { handle } from 'hono/aws-lambda';
import { cognitoIdentities, noIdentities } from '#auth/identities.ts';
import { cognitoVerifier, type TokenVerifier } from '#auth/tokens.ts';
import { UnauthenticatedError } from '#core/errors.ts';
import { createDb } from '#store/db.ts';
import { createApp } from '#api/app.ts';
import { say } from '#core/messages.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

const db = createDb({ table: required('TABLE_NAME') });

// The issuer and client come from the stack; a bundle imported without them (a smoke test) still
// loads, and every request is then refused as unauthenticated rather than trusted.
const issuer = process.env.COGNITO_ISSUER;
const clientId = process.env.COGNITO_CLIENT_ID;
const verifier: TokenVerifier =
  issuer && clientId
    ? cognitoVerifier({ issuer, clientId })
    : { verify: () => Promise.reject(new UnauthenticatedError(say.signInNotConfigured)) };

const userPoolId = process.env.USER_POOL_ID;
const identities = userPoolId ? cognitoIdentities({ userPoolId }) : noIdentities;

export const app = createApp({
  db,
  verifier,
  identities,
  dev: process.env.STAGE === 'dev' && process.env.KROM_GRAPHIQL === 'on',
});

export const handler = handle(app);
