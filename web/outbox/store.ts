/**
 * What the app keeps on the phone, in IndexedDB (it survives closing the browser): meetings
 * recorded and not yet sent (the outbox), and the last answer to each query (so screens open with
 * no network). One database, opened once.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RecordMeetingInput } from '../generated/graphql.ts';

export type OutboxStatus = 'WAITING' | 'SENDING' | 'SENT' | 'REJECTED';

export interface OutboxMeeting {
  /** The idempotency key, made once when the meeting was first saved; every send repeats it. */
  key: string;
  groupId: string;
  date: string;
  input: RecordMeetingInput;
  /** The screen's own state, so a refused meeting opens as the officer left it. */
  draft: unknown;
  status: OutboxStatus;
  /** Why the API refused it, in both languages, and the field at fault. */
  error: { code: string; field: string | null; message: string; messageKm: string } | null;
  savedAt: string;
  sentAt: string | null;
}

interface KromDb extends DBSchema {
  outbox: { key: string; value: OutboxMeeting; indexes: { byStatus: OutboxStatus } };
  answers: { key: string; value: { key: string; data: unknown; at: string } };
}

let opened: Promise<IDBPDatabase<KromDb>> | null = null;
export function database(): Promise<IDBPDatabase<KromDb>> {
  opened ??= openDB<KromDb>('krom', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('byStatus', 'status');
      db.createObjectStore('answers', { keyPath: 'key' });
    },
  });
  return opened;
}

export async function keepAnswer(key: string, data: unknown): Promise<void> {
  await (await database()).put('answers', { key, data, at: new Date().toISOString() });
}

export async function keptAnswer<R>(key: string): Promise<R | undefined> {
  return (await (await database()).get('answers', key))?.data as R | undefined;
}

/** Forgets what the phone kept of a person's answers (on sign-out); the outbox stays to be sent. */
export async function forgetAnswers(): Promise<void> {
  await (await database()).clear('answers');
}
