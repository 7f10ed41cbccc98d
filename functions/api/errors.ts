/**
 * The error boundary. Domain errors become GraphQL errors with a stable code, the field and
 * messages in English and Khmer; anything else is an internal error: logged once with the
 * request id and answered with a masked message that carries only that id.
 */
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode, type ValueNode } from 'graphql';
import { DomainError } from '#core/errors.ts';
import { logger } from '#api/log.ts';
import { say } from '#core/messages.ts';

const HTTP_STATUS: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429 };

export function toGraphQLError(error: DomainError, source?: GraphQLError, fieldOfLiteral?: string): GraphQLError {
  // A scalar's error knows no field: graphql-js wrapped it with the variable's path (in its
  // message) or the literal's node (found in the document by `literalField`).
  const field = error.field ?? fieldOfLiteral ?? (source ? fieldInMessage(source.message) : undefined);
  // A scalar's own message, led by the field as every other error is (not graphql-js's wrapper
  // text, which says it differently for a literal and a variable, and only in English).
  const text =
    !error.field && field
      ? { en: `${field}: ${error.message}`, km: `${field}៖ ${error.messageKm}` }
      : { en: error.message, km: error.messageKm };
  return new GraphQLError(text.en, {
    nodes: source?.nodes,
    path: source?.path,
    extensions: {
      code: error.code,
      ...(field ? { field } : {}),
      messageKm: text.km,
      // Keep the status graphql-js's wrapper was given (a bad variable is a 400 request error).
      ...(source?.extensions?.http ? { http: source.extensions.http } : {}),
      ...(HTTP_STATUS[error.code] ? { http: { status: HTTP_STATUS[error.code] } } : {}),
    },
  });
}

/** `Variable "$input" got invalid value … at "input.entries[0].amount"` → input.entries.0.amount. */
function fieldInMessage(message: string): string | undefined {
  const at = VARIABLE_AT.exec(message);
  const variable = at ? undefined : VARIABLE.exec(message);
  // graphql-js writes list positions as input.entries[0].amount; Krom's fields are dotted throughout.
  return (at?.[2] ?? variable?.[1])?.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * The dotted path of a literal value in the document — `recordEntries(input: { entries: [{ amount:
 * 12.5 }] })` → input.entries.0.amount — so a bad literal names its field as a bad variable does.
 */
export function literalField(document: DocumentNode, target: ASTNode): string | undefined {
  let found: string | undefined;
  const search = (value: ValueNode, trail: string[]): void => {
    if (found) return;
    if (value === target) found = trail.join('.');
    else if (value.kind === Kind.OBJECT) for (const f of value.fields) search(f.value, [...trail, f.name.value]);
    else if (value.kind === Kind.LIST) for (const [i, v] of value.values.entries()) search(v, [...trail, String(i)]);
  };
  visit(document, { Argument: (argument) => search(argument.value, [argument.name.value]) });
  return found;
}

/**
 * Validation's errors, made like execution's: a literal a scalar refused (`amount: 12.5`,
 * `date: "2026-02-30"`) gets the same code, field and Khmer message as the same value in a variable.
 */
export function withLiteralField(error: GraphQLError, document: DocumentNode): GraphQLError {
  const original = error.originalError;
  if (!(original instanceof DomainError)) return error;
  return toGraphQLError(original, error, error.nodes?.[0] ? literalField(document, error.nodes[0]) : undefined);
}

/**
 * Duck-typed, not instanceof: graphql ships both ESM and CJS builds and a bundler or test runner
 * may load both, so a GraphQLError made by yoga need not be an instance of ours.
 */
export function isGraphQLError(error: unknown): error is GraphQLError {
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
  const field = fieldInMessage(error.message);
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
    extensions: {
      ...error.extensions,
      code,
      ...(field ? { field } : {}),
      messageKm: say.requestInvalid(error.message).km,
    },
  });
}

/** yoga's maskError hook. */
export function maskError(error: unknown, requestIdOf: () => string | undefined): Error {
  const wrapper = isGraphQLError(error) ? error : undefined;
  const original = wrapper?.originalError ?? error;
  if (original instanceof DomainError) return toGraphQLError(original, wrapper);
  // A scalar's error inside a variable comes wrapped twice (coercion, then the variable's path).
  const nested = isGraphQLError(original) ? original.originalError : undefined;
  if (nested instanceof DomainError) return toGraphQLError(nested, wrapper);
  // Errors made as GraphQLErrors on purpose (parse, validation, scalar coercion) are client errors.
  if (isGraphQLError(original)) return withClientCode(wrapper ?? original);
  const requestId = requestIdOf();
  logger.error('internal error', { requestId, error: original as Error });
  return new GraphQLError(say.internal.en, {
    nodes: wrapper?.nodes,
    path: wrapper?.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, messageKm: say.internal.km },
  });
}

/** graphql-js's hints: `Did you mean "viewer"?`, `Did you mean the enum value "HEALTH"?`, `… "a" or "b"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * The error without any "Did you mean …?": outside dev a suggestion names schema types, fields,
 * arguments and enum values to someone who could not otherwise list them. graphql-armor hides
 * only validation's field suggestions; enum values and input fields in variables are hinted by
 * graphql-js's coercion, so every error is cleaned here, at the one boundary they all cross.
 */
export function withoutSuggestions(error: GraphQLError): GraphQLError {
  if (!SUGGESTION.test(error.message)) return error;
  SUGGESTION.lastIndex = 0;
  const { messageKm } = error.extensions;
  // The Khmer of graphql-js's own errors carries the English whole (say.requestInvalid): clean both.
  const extensions =
    typeof messageKm === 'string'
      ? { ...error.extensions, messageKm: messageKm.replace(SUGGESTION, '') }
      : error.extensions;
  return new GraphQLError(error.message.replace(SUGGESTION, ''), { nodes: error.nodes, path: error.path, extensions });
}
