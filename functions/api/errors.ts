/**
 * The error boundary. Domain errors become GraphQL errors with a stable code, the field and
 * messages in English and Khmer; anything else is an internal error: logged once with the
 * request id and answered with a masked message that carries only that id.
 */
import { GraphQLError } from 'graphql';
import { DomainError } from '#core/errors.ts';
import { logger } from './log.ts';

const HTTP_STATUS: Partial<Record<string, number>> = { UNAUTHENTICATED: 401 };

export function toGraphQLError(error: DomainError, source?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: source?.nodes,
    path: source?.path,
    extensions: {
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      messageKm: error.messageKm,
      ...(HTTP_STATUS[error.code] ? { http: { status: HTTP_STATUS[error.code] } } : {}),
    },
  });
}

/**
 * Duck-typed, not instanceof: graphql ships both ESM and CJS builds and a bundler or test runner
 * may load both, so a GraphQLError made by yoga need not be an instance of ours.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError' && 'extensions' in error;
}

/** graphql-armor's refusals ("… Query Cost limit of 5000 exceeded, found 5439."), whatever the limit. */
const LIMIT = /limit of [\d.]+ exceeded/i;
const VARIABLE_AT = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/s;
const VARIABLE = /^Variable "\$(\w+)"/;

/**
 * Gives graphql-js's own client errors a stable code, and a field where the message names one:
 * `Variable "$input" got invalid value … at "input.joinedOn"` → field input.joinedOn.
 */
function withClientCode(error: GraphQLError): GraphQLError {
  if (error.extensions.field && error.extensions.messageKm) return error;
  const at = VARIABLE_AT.exec(error.message);
  const variable = at ? undefined : VARIABLE.exec(error.message);
  // graphql-js writes list positions as input.entries[0].amount; Krom's fields are dotted throughout.
  const field = (at?.[2] ?? variable?.[1])?.replace(/\[(\d+)\]/g, '.$1');
  if (!field && error.extensions.code && !LIMIT.test(error.message)) return error;
  const code = field
    ? 'BAD_USER_INPUT'
    : LIMIT.test(error.message)
      ? 'QUERY_LIMIT_EXCEEDED'
      : error.message.startsWith('Syntax Error')
        ? 'GRAPHQL_PARSE_FAILED'
        : 'GRAPHQL_VALIDATION_FAILED';
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { ...error.extensions, code, ...(field ? { field } : {}), messageKm: 'សំណើ ឬទិន្នន័យដែលបានផ្ញើមិនត្រឹមត្រូវ។' },
  });
}

/** yoga's maskError hook. */
export function maskError(error: unknown, requestIdOf: () => string | undefined): Error {
  const wrapper = isGraphQLError(error) ? error : undefined;
  const original = wrapper?.originalError ?? error;
  if (original instanceof DomainError) return toGraphQLError(original, wrapper);
  // Errors made as GraphQLErrors on purpose (parse, validation, scalar coercion) are client errors.
  if (isGraphQLError(original)) return withClientCode(wrapper ?? original);
  const requestId = requestIdOf();
  logger.error('internal error', { requestId, error: original as Error });
  return new GraphQLError('Internal error: the request was not completed. Quote this request id when you report it.', {
    nodes: wrapper?.nodes,
    path: wrapper?.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, messageKm: 'មានបញ្ហាខាងក្នុង សំណើមិនបានបញ្ចប់ទេ។' },
  });
}
