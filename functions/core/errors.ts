/**
 * Named domain errors. Core and store throw these; the API boundary turns them into GraphQL
 * errors with a stable `code`, the offending `field` and messages in English and Khmer.
 * Anything that is not a DomainError is an internal error and is masked.
 */
import { say, type Text } from './messages.ts';

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
  /** The same message in Khmer, for officers who read Khmer. */
  readonly messageKm: string;
  constructor(
    /** From the catalogue (messages.ts): English and Khmer together. */
    text: Text,
    /** Dotted path of the input field at fault, when one is. */
    readonly field?: string,
  ) {
    super(text.en);
    this.messageKm = text.km;
    this.name = new.target.name;
  }

  /** The error about one field, its path leading the message in both languages: `input.from: must …`. */
  static at<E extends DomainError>(this: new (text: Text, field?: string) => E, field: string, text: Text): E {
    return new this({ en: `${field}: ${text.en}`, km: `${field}៖ ${text.km}` }, field);
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
  constructor(text: Text = say.signInFirst) {
    super(text);
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
    super(say.keyReused, field);
  }
}

/** Too many writers at once on the same records; nothing was written. Safe to retry. */
export class ContentionError extends DomainError {
  readonly code = 'TRY_AGAIN';
  constructor() {
    super(say.tryAgain);
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
    text: Text,
    field?: string,
  ) {
    super(text, field);
  }
}
