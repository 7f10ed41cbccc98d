/**
 * Named domain errors. Core and store throw these; the API boundary turns them into GraphQL
 * errors with a stable `code`, the offending `field` and messages in English and Khmer.
 * Anything that is not a DomainError is an internal error and is masked.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'TRY_AGAIN'
  | 'RATE_LIMITED'
  | 'IDEMPOTENCY_KEY_REUSED';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    /** The same message in Khmer, for officers who read Khmer. */
    readonly messageKm: string,
    /** Dotted path of the input field at fault, when one is. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The client sent something invalid; nothing was changed. */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}

/** The thing does not exist — or the viewer may not know that it does. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** The viewer is known but may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** No verified identity. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in first: send a valid bearer token.') {
    super(message, 'សូមចូលប្រើជាមុនសិន៖ ផ្ញើនិមិត្តសញ្ញាចូលប្រើដែលត្រឹមត្រូវ។');
  }
}

/** The request conflicts with what is stored (a duplicate, a stale state). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** An idempotency key was used again for a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(field = 'input.idempotencyKey') {
    super(
      'This idempotency key was already used for a different request; use a new key.',
      'កូនសោនេះត្រូវបានប្រើរួចហើយសម្រាប់សំណើផ្សេង សូមប្រើកូនសោថ្មី។',
      field,
    );
  }
}

/** Too many writers at once on the same records; nothing was written. Safe to retry. */
export class ContentionError extends DomainError {
  readonly code = 'TRY_AGAIN';
  constructor() {
    super(
      'The records kept changing while this was saved; nothing was written. Try again.',
      'កំណត់ត្រាបានផ្លាស់ប្តូរពេលកំពុងរក្សាទុក មិនមានអ្វីត្រូវបានសរសេរទេ។ សូមព្យាយាមម្តងទៀត។',
    );
  }
}

/** A limit on how often something may be done was reached; nothing was read or written. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
}

/** A rejection remembered under an idempotency key and given again to every replay. */
export class RememberedRejection extends DomainError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    messageKm: string,
    field?: string,
  ) {
    super(message, messageKm, field);
  }
}
