/** Unit tier: the API's reasons for refusing, as an officer reads them — the field in words, never a path. */
import { describe, expect, it } from 'vitest';
import { messages } from '../../web/i18n/messages.ts';
import { plainReason } from '../../web/shell/reason.ts';

const word = (language: 'km' | 'en') => (key: keyof typeof messages) =>
  (messages[key] as { km: string; en: string })[language];

describe('plainReason', () => {
  const refused = {
    field: 'input.meetings.0.date',
    message: 'input.meetings.0.date: must not be in the future',
    messageKm: 'input.meetings.0.date៖ មិនអាចជាថ្ងៃអនាគតបានទេ',
  };

  it('names the field by the word on her screen, in her language', () => {
    expect(plainReason(refused, 'en', word('en'))).toBe('Date: must not be in the future');
    expect(plainReason(refused, 'km', word('km'))).toBe('ថ្ងៃ៖ មិនអាចជាថ្ងៃអនាគតបានទេ');
  });

  it('looks past the index of a list to the field’s name', () => {
    const amount = { field: 'input.entries.3.amount', message: 'input.entries.3.amount: too much', messageKm: null };
    expect(plainReason(amount, 'en', word('en'))).toBe('Amount: too much');
    // With no Khmer from the API, the English reason is shown, still without the path.
    expect(plainReason(amount, 'km', word('km'))).toBe('ចំនួនទឹកប្រាក់៖ too much');
  });

  it('leaves out a field with no word on the screens, and a reason with no field as it is', () => {
    const key = {
      field: 'input.idempotencyKey',
      message: 'input.idempotencyKey: must be 8–64 letters',
      messageKm: 'input.idempotencyKey៖ ត្រូវតែមាន',
    };
    expect(plainReason(key, 'en', word('en'))).toBe('must be 8–64 letters');
    expect(plainReason(key, 'km', word('km'))).toBe('ត្រូវតែមាន');
    const whole = { field: null, message: 'Sign in again', messageKm: 'សូមចូលម្តងទៀត' };
    expect(plainReason(whole, 'km', word('km'))).toBe('សូមចូលម្តងទៀត');
  });

  it('leaves a message that does not start with its path as it is', () => {
    const other = { field: 'input.reason', message: 'Write why', messageKm: null };
    expect(plainReason(other, 'en', word('en'))).toBe('Reason: Write why');
  });
});
