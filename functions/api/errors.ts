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

/** yoga's maskError hook. */
export function maskError(error: unknown, requestIdOf: () => string | undefined): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) return toGraphQLError(original, error instanceof GraphQLError ? error : undefined);
  // Errors made as GraphQLErrors on purpose (parse, validation, scalar coercion) are client errors.
  if (original instanceof GraphQLError) return error as GraphQLError;
  const requestId = requestIdOf();
  logger.error('internal error', { requestId, error: original as Error });
  return new GraphQLError('Internal error: the request was not completed. Quote this request id when you report it.', {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, messageKm: 'មានបញ្ហាខាងក្នុង សំណើមិនបានបញ្ចប់ទេ។' },
  });
}
