/**
 * Entry references as clients see them: "<date>~<journalId>~<entryId>". A module of its own, with
 * no imports that run, so the app reads a reversal's ref with the same rule as the API writes it.
 */
import type { EntryRef } from './ledger.ts';

export function formatEntryRef(ref: EntryRef): string {
  return `${ref.date}~${ref.journalId}~${ref.entryId}`;
}

export function parseEntryRef(text: string): EntryRef | null {
  const m = /^(\d{4}-\d{2}-\d{2})~([A-Za-z0-9_-]{1,80})~([A-Za-z0-9_-]{1,64})$/.exec(text);
  return m ? { date: m[1]!, journalId: m[2]!, entryId: m[3]! } : null;
}
