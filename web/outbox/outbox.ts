/**
 * The outbox owns everything about sending meetings recorded on the phone: it keeps each with its
 * idempotency key, sends every waiting one in one `syncMeetings` request whenever there is a
 * network (on start, when the network comes back, after a save, and by the button), and records
 * each answer: sent, or refused with the API's reason. A meeting sent twice (a reply lost on the
 * way, two tabs) is applied once: the key makes the second send a replay.
 *
 * A phone may be shared: the outbox shows and sends only the meetings of the groups the signed-in
 * person keeps. Another group's meetings stay on the phone, unseen, until one of its own officers
 * signs in and they are sent under her name — never refused for being sent by the wrong person.
 *
 * When the API refuses a send as a whole (not one meeting: the session ended, the request itself
 * was refused) the meetings wait again and the reason is kept until a send goes through, so the
 * screen can say why nothing leaves the phone.
 */
import { ApiError, NetworkError, send, type ApiErrorDetail } from '../graphql/client.ts';
import { SyncMeetingsDocument, type RecordMeetingInput } from '../generated/graphql.ts';
import { database, type OutboxMeeting } from './store.ts';

type Listener = () => void;

let refusedWhole: ApiErrorDetail | null = null;

/** Why the API refused the last send as a whole, until a send goes through; null otherwise. */
export function outboxRefusal(): ApiErrorDetail | null {
  return refusedWhole;
}
const listeners = new Set<Listener>();
// Other tabs of the app hear of changes too, so every open screen counts the same.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('krom-outbox');
channel?.addEventListener('message', () => notify(false));

function notify(broadcast = true) {
  for (const l of listeners) l();
  if (broadcast) channel?.postMessage('changed');
}

export function onOutboxChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let groups: ReadonlySet<string> = new Set();

/**
 * The groups whose meetings this phone shows and sends: the signed-in officer's (none before she
 * is known, or after she signs out). Sends what waits for them at once.
 */
export function keepOutboxFor(groupIds: readonly string[]): void {
  groups = new Set(groupIds);
  notify(false);
  if (groups.size > 0 && navigator.onLine) void sendWaiting();
}

const ours = (m: OutboxMeeting) => groups.has(m.groupId);

/** The signed-in officer's meetings kept on this phone, newest first. */
export async function outboxMeetings(): Promise<OutboxMeeting[]> {
  const all = (await (await database()).getAll('outbox')).filter(ours);
  return all.sort((a, b) => b.date.localeCompare(a.date));
}

export async function outboxMeeting(key: string): Promise<OutboxMeeting | undefined> {
  const meeting = await (await database()).get('outbox', key);
  return meeting && ours(meeting) ? meeting : undefined;
}

/** Keeps a meeting to send (a new one, or one fixed after a refusal: same key), then tries to send. */
export async function keepMeeting(input: RecordMeetingInput, draft: unknown): Promise<void> {
  const db = await database();
  await db.put('outbox', {
    key: input.idempotencyKey,
    groupId: input.groupId,
    date: input.date,
    input,
    draft,
    status: 'WAITING',
    error: null,
    savedAt: new Date().toISOString(),
    sentAt: null,
  });
  notify();
  void sendWaiting();
}

let sending: Promise<void> | null = null;

/** Sends every waiting meeting in one request; one run at a time per tab. */
export function sendWaiting(): Promise<void> {
  sending ??= run().finally(() => {
    sending = null;
  });
  return sending;
}

async function run(): Promise<void> {
  const db = await database();
  const waiting = (await db.getAllFromIndex('outbox', 'byStatus', 'WAITING'))
    .concat(
      // A send cut off mid-way (the tab closed) is sent again: the key makes it safe.
      await db.getAllFromIndex('outbox', 'byStatus', 'SENDING'),
    )
    .filter(ours);
  if (waiting.length === 0) return;
  for (const m of waiting) await db.put('outbox', { ...m, status: 'SENDING' });
  notify();
  try {
    const answer = await send(SyncMeetingsDocument, { input: { meetings: waiting.map((m) => m.input) } });
    refusedWhole = null;
    const now = new Date().toISOString();
    for (const result of answer.syncMeetings.results) {
      const kept = waiting.find((m) => m.key === result.idempotencyKey);
      if (!kept) continue;
      await db.put(
        'outbox',
        result.status === 'APPLIED'
          ? { ...kept, status: 'SENT', error: null, sentAt: now }
          : { ...kept, status: 'REJECTED', error: result.error ?? null },
      );
    }
  } catch (error) {
    // No network, or the API refused the whole request: back to waiting, to try again later.
    for (const m of waiting) await db.put('outbox', { ...m, status: 'WAITING' });
    if (error instanceof ApiError)
      refusedWhole = error.errors[0] ?? { message: error.message, code: 'INTERNAL', field: null, messageKm: null };
    else if (!(error instanceof NetworkError)) console.error(error);
  } finally {
    notify();
  }
}

/** Sends when the network comes back, and once at start. */
export function startOutbox(): void {
  window.addEventListener('online', () => void sendWaiting());
  if (navigator.onLine) void sendWaiting();
}
