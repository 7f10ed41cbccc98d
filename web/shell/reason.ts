/**
 * The API's reason for refusing something, as an officer reads it: the API names the field by its
 * path in the request ("input.meetings.0.date: …"), which means nothing to her. The path becomes
 * the word on her screen for that field ("Date: …"), or nothing when there is none. Pure: tested
 * in test/web/reason.test.ts.
 */
import type { Language, WordKey } from '../i18n/messages.ts';

export interface Refused {
  message: string;
  messageKm: string | null;
  field: string | null;
}

/** The words the screens use for the fields the API names, by the field's last name in the path. */
const FIELD_WORDS: Record<string, WordKey> = {
  date: 'day',
  leftOn: 'daySheLeft',
  joinedOn: 'joinedOn',
  amount: 'amount',
  memberId: 'member',
  loanId: 'whichLoan',
  reason: 'reason',
  name: 'name',
  phone: 'phone',
  agendaItem: 'agendaItem',
  termMonths: 'termMonths',
  purpose: 'loanPurpose',
  attendance: 'attendance',
  minutes: 'minutes',
};

/** The reason in her language, the field named in words (or not at all), never as a path. */
export function plainReason(refused: Refused, language: Language, word: (key: WordKey) => string): string {
  const text = language === 'km' ? (refused.messageKm ?? refused.message) : refused.message;
  const { field } = refused;
  if (!field) return text;
  const rest = [`${field}: `, `${field}៖ `].reduce(
    (t, prefix) => (t.startsWith(prefix) ? t.slice(prefix.length) : t),
    text,
  );
  const name = field
    .split('.')
    .reverse()
    .find((part) => !/^\d+$/.test(part));
  const key = name ? FIELD_WORDS[name] : undefined;
  if (!key) return rest;
  return language === 'km' ? `${word(key)}៖ ${rest}` : `${word(key)}: ${rest}`;
}
