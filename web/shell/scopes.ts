/** What a bank may see, in plain words: a list of scopes as one phrase. */
import type { AccessScope } from '../generated/graphql.ts';
import type { Translator } from '../i18n/i18n.tsx';

/** "savings and credit grade", "savings, how loans are repaid and credit grade". */
/** Every scope, in the order a person reads them: the money first. */
export const SCOPES: AccessScope[] = [
  'SAVINGS_SUMMARY',
  'LOAN_BOOK_QUALITY',
  'MEETING_DISCIPLINE',
  'CREDIT_GRADE',
  'BANK_LOAN_HISTORY',
];

export function scopeWords(t: Translator, scopes: readonly AccessScope[]): string {
  const words = SCOPES.filter((s) => scopes.includes(s)).map((s) => t(s));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}${t('and')}${words.at(-1)}`;
}
