/**
 * Talks to /graphql (same origin) with the session's token. Every answer to a query is also kept
 * on the phone (IndexedDB), so a screen opened with no network shows what the phone last saw,
 * marked as such. Mutations are never kept or replayed here: meetings go through the outbox.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { keepAnswer, keptAnswer } from '../outbox/store.ts';
import { currentSession, sessionForRequest, type Session } from '../session/session.ts';

export interface ApiErrorDetail {
  message: string;
  code: string;
  field: string | null;
  messageKm: string | null;
}

/** The API refused the request (its answer carries the reason), as opposed to no network. */
export class ApiError extends Error {
  constructor(readonly errors: ApiErrorDetail[]) {
    super(errors[0]?.message ?? 'API error');
  }
}

/** No answer at all: no network, or the server unreachable. */
export class NetworkError extends Error {}

/** An operation as codegen wrote it: its text, typed with its result and variables. */
type Operation<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

export async function send<R, V>(document: Operation<R, V>, variables: V): Promise<R> {
  let session: Session | null;
  try {
    session = await sessionForRequest();
  } catch {
    throw new NetworkError('the session could not be renewed');
  }
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new NetworkError('no network');
  }
  let body: { data?: R | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = await response.json();
  } catch {
    throw new NetworkError(`HTTP ${response.status}`);
  }
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((e) => ({
        message: e.message,
        code: String(e.extensions?.code ?? 'ERROR'),
        field: (e.extensions?.field as string | undefined) ?? null,
        messageKm: (e.extensions?.messageKm as string | undefined) ?? null,
      })),
    );
  }
  return body.data as R;
}

export interface Answer<R> {
  data: R;
  /** True when the network failed and this is what the phone kept from an earlier answer. */
  fromPhone: boolean;
}

/** A query, answered by the API when it can be reached, else by the phone's last copy of it. */
export async function query<R, V>(document: Operation<R, V>, variables: V): Promise<Answer<R>> {
  const key = `${currentSession()?.userId ?? ''}|${document.toString()}|${JSON.stringify(variables)}`;
  try {
    const data = await send(document, variables);
    await keepAnswer(key, data);
    return { data, fromPhone: false };
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const kept = await keptAnswer<R>(key);
    if (kept === undefined) throw error;
    return { data: kept, fromPhone: true };
  }
}
