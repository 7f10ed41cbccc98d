/**
 * The HTTP app: hono routes with graphql-yoga mounted at /graphql. The Lambda handler and the
 * local dev server serve this same app; tests call it in-process with `app.request()`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { createYoga, type GraphiQLOptions, type GraphQLParams } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { parse, type DocumentNode, type GraphQLError, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { noIdentities, type Identities } from '#auth/identities.ts';
import { rememberingVerifier, type TokenVerifier } from '#auth/tokens.ts';
import type { Viewer } from '#auth/policy.ts';
import { DomainError, UnauthenticatedError } from '#core/errors.ts';
import type { Db } from '#store/db.ts';
import { getRoles } from '#store/users.ts';
import { createLoaders, type Context } from '#api/context.ts';
import { isGraphQLError, maskError, toGraphQLError, withLiteralField, withoutSuggestions } from '#api/errors.ts';
import { schema } from '#api/schema.ts';
import { say } from '#core/messages.ts';

export interface AppDeps {
  db: Db;
  verifier: TokenVerifier;
  /** Development: GraphiQL on, and the schema readable without a token. */
  dev: boolean;
  /** The clock; tests inject one to test expiry at an exact second. */
  now?: () => Date;
  /** Where invited people get their sign-in (Cognito in AWS); without one, inviting is refused. */
  identities?: Identities;
  /**
   * Dev: renders GraphiQL with its code inline (`@graphql-yoga/render-graphiql`), so it works with
   * no internet. Passed in by the local app, never imported here: its 9 MB must not reach the
   * Lambda bundle, which serves no GraphiQL.
   */
  renderGraphiQL?: (options: GraphiQLOptions) => string;
}

type ValidateResult = { result: readonly GraphQLError[]; setResult: (errors: GraphQLError[]) => void };

interface RequestScope {
  requestId: string;
}

export type AppEnv = { Bindings: { lambdaContext?: { awsRequestId?: string } } };

/** Carries the request id to code that has no context argument (the error masker). */
const requestScope = new AsyncLocalStorage<RequestScope>();

/** The viewer of a schema-only request in dev: holds no role, so the policy refuses it everything. */
const ANONYMOUS: Viewer = { userId: '', roles: [] };

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const now = deps.now ?? (() => new Date());
  const verifier = rememberingVerifier(deps.verifier);
  const identities = deps.identities ?? noIdentities;

  /** Who sent the request: null for dev's anonymous schema reads. Throws UNAUTHENTICATED otherwise. */
  async function authenticate(request: Request, params: GraphQLParams): Promise<string | null> {
    const header = request.headers.get('authorization');
    if (!header) {
      if (deps.dev && onlyRootFields(params.query, params.operationName, (name) => name.startsWith('__'))) return null;
      throw new UnauthenticatedError();
    }
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new UnauthenticatedError(say.bearerFormat);
    return (await verifier.verify(token)).sub;
  }

  async function viewerOf(sub: string | null, params: GraphQLParams): Promise<Viewer> {
    if (sub === null) return ANONYMOUS;
    // Public reference data (the gazetteer) consults no rule: skip the roles read it would not use.
    if (
      onlyRootFields(
        params.query,
        params.operationName,
        (name) => PUBLIC_ROOT_FIELDS.has(name) || name.startsWith('__'),
      )
    )
      return { userId: sub, roles: [] };
    return { userId: sub, roles: await getRoles(deps.db, sub) };
  }

  /** The verified subject of each request, set before the operation is even parsed. */
  const subjects = new WeakMap<Request, string | null>();
  const domainToGraphQL = (error: unknown) => (error instanceof DomainError ? toGraphQLError(error) : error);

  const yoga = createYoga<RequestScope, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // One operation per request: a batch would multiply a request's cost past every limit below.
    batching: false,
    plugins: [
      // Authenticate first: someone without a valid token learns nothing, not even whether the
      // fields they name exist (validation errors would tell them).
      {
        onParams: async ({ request, params }) => {
          try {
            subjects.set(request, await authenticate(request, params));
          } catch (error) {
            throw domainToGraphQL(error);
          }
        },
      },
      // A literal a scalar refused names its field and speaks Khmer, as the same value in a variable does.
      {
        onValidate:
          ({ params }: { params: { documentAST: DocumentNode } }) =>
          ({ result, setResult }: ValidateResult) =>
            setResult(result.map((e) => withLiteralField(e, params.documentAST))),
      },
      EnvelopArmorPlugin(QUERY_LIMITS(deps.dev)),
      // Outside dev the schema is not for browsing: clients ship with the operations they use.
      ...(deps.dev
        ? []
        : [
            useDisableIntrospection(),
            {
              onValidate:
                () =>
                ({ result, setResult }: ValidateResult) =>
                  setResult(result.map(withoutSuggestions)),
            },
          ]),
    ],
    graphiql: deps.dev ? { title: 'Krom — GraphiQL', defaultQuery: DEFAULT_QUERY } : false,
    ...(deps.dev && deps.renderGraphiQL ? { renderGraphiQL: deps.renderGraphiQL } : {}),
    landingPage: false,
    logging: false,
    maskedErrors: {
      maskError: (error) => {
        const masked = maskError(error, () => requestScope.getStore()?.requestId);
        return deps.dev || !isGraphQLError(masked) ? masked : withoutSuggestions(masked);
      },
    },
    context: async ({ request, params, requestId }) => {
      if (!subjects.has(request)) throw toGraphQLError(new UnauthenticatedError());
      const viewer = await viewerOf(subjects.get(request)!, params);
      return { db: deps.db, viewer, now, loaders: createLoaders(deps.db), requestId, identities };
    },
  });

  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const requestId = c.env?.lambdaContext?.awsRequestId ?? c.req.header('x-request-id') ?? randomUUID();
    await requestScope.run({ requestId }, next);
    // After the handler: yoga answers with a Response of its own, which headers set before it never reach.
    c.res.headers.set('x-request-id', requestId);
  });
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.on(['GET', 'POST'], '/graphql', (c) => yoga.fetch(c.req.raw, { requestId: requestScope.getStore()!.requestId }));
  return app;
}

/**
 * Query limits (graphql-armor), set above the largest legitimate operation (graphql/operations and
 * the tests' documents pass with room to spare) and far below what could exhaust a Lambda: a
 * nested `place { parent { children … } }` or a thousand aliased `bankView`s is refused before it
 * runs. Field suggestions ("Did you mean …?") leak the schema, so they are masked outside dev.
 */
const QUERY_LIMITS = (dev: boolean) => ({
  maxDepth: { n: 10, ignoreIntrospection: true },
  costLimit: { maxCost: 5000, ignoreIntrospection: true },
  maxAliases: { n: 15 },
  maxTokens: { n: 2000 },
  maxDirectives: { n: 10 },
  blockFieldSuggestion: { enabled: !dev },
});

/** Root fields whose resolvers answer from shipped data and never ask the policy. */
const PUBLIC_ROOT_FIELDS = new Set(['provinces', 'place']);

/**
 * True when the operation is a query whose every root field passes `allowed` (through fragments):
 * e.g. only the schema (__schema, __type, __typename), or only public reference data.
 */
export function onlyRootFields(
  query: string | undefined,
  operationName: string | undefined,
  allowed: (name: string) => boolean,
): boolean {
  const names = rootFieldNames(query, operationName);
  // biome-ignore lint/complexity/useOptionalChain: `names?.every` would answer undefined, not false.
  return names !== null && names.every(allowed);
}

/** Root field names per (operation, name): clients send the same few operations again and again. */
const rootFieldCache = new Map<string, readonly string[] | null>();
const ROOT_FIELD_CACHE_SIZE = 1000;

/**
 * The root fields a query operation selects, through inline fragments and fragment spreads; null
 * for anything that is not one parseable query (a mutation, a syntax error, a missing operation,
 * a fragment that does not exist or cycles).
 */
function rootFieldNames(query: string | undefined, operationName: string | undefined): readonly string[] | null {
  if (!query) return null;
  const cacheKey = `${operationName ?? ''}\u0000${query}`;
  if (rootFieldCache.has(cacheKey)) return rootFieldCache.get(cacheKey)!;
  let names: string[] | null = null;
  try {
    const document = parse(query);
    const operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
    if (operation && operation.operation === 'query') {
      const fragments = new Map(
        document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])),
      );
      const collect = (selections: readonly SelectionNode[], seen: Set<string>): string[] | null => {
        const found: string[] = [];
        for (const s of selections) {
          if (s.kind === 'Field') found.push(s.name.value);
          else {
            const fragment = s.kind === 'InlineFragment' ? s : fragments.get(s.name.value);
            if (!fragment || (s.kind === 'FragmentSpread' && seen.has(s.name.value))) return null;
            const inner = collect(
              fragment.selectionSet.selections,
              s.kind === 'FragmentSpread' ? new Set([...seen, s.name.value]) : seen,
            );
            if (!inner) return null;
            found.push(...inner);
          }
        }
        return found;
      };
      names = collect(operation.selectionSet.selections, new Set());
    }
  } catch {
    names = null;
  }
  if (rootFieldCache.size >= ROOT_FIELD_CACHE_SIZE) rootFieldCache.delete(rootFieldCache.keys().next().value!);
  rootFieldCache.set(cacheKey, names);
  return names;
}

const DEFAULT_QUERY = `# Paste a demo token from .data/demo-tokens.json into Headers:
# { "Authorization": "Bearer <token>" }
query MyGroups {
  viewer { id displayName roles { tenantType tenantId role } }
  myGroups { id name memberCount place { nameEn nameKm } meetingSchedule { description descriptionKm } }
}
`;
