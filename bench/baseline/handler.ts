// The naive baseline of issue 7: hono + createYoga(createSchema(SDL)) + DynamoDBDocumentClient,
// ten lines, bundled the way NodejsFunction does by default. Krom's API is measured against it.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createSchema, createYoga } from 'graphql-yoga';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { typeDefs } from '../../functions/api/generated/schema.ts';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const yoga = createYoga({
  schema: createSchema({ typeDefs, resolvers: { Query: { viewer: () => ({ id: String(!!doc), roles: [] }) } } }),
});
const app = new Hono().on(['GET', 'POST'], '/graphql', (c) => yoga.fetch(c.req.raw));
export const handler = handle(app);
