/** Calls the hono app in-process, as the seed script and the tests do. */
import type { Hono } from 'hono';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export async function graphql<T = Record<string, any>>(
  app: Hono<any>,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const response = await app.request('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Like graphql(), but throws when the answer carries errors. */
export async function graphqlOk<T = Record<string, any>>(
  app: Hono<any>,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await graphql<T>(app, token, query, variables);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL error: ${JSON.stringify(result.errors ?? result)}`);
  }
  return result.data;
}
