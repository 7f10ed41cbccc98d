/** Unit tier: every word of the app in both languages, none empty, Khmer really Khmer. */
import { describe, expect, it } from 'vitest';
import { messages } from '../../web/i18n/messages.ts';
import { localMessages } from '../../web/session/local-messages.ts';

const catalogs = { messages, localMessages };
const KHMER = /[\u1780-\u17FF]/;

describe.each(Object.entries(catalogs))('the %s catalog', (_name, catalog) => {
  for (const [key, entry] of Object.entries(catalog)) {
    it(`${key}: Khmer and English, neither empty`, () => {
      for (const language of ['km', 'en'] as const) {
        const text =
          typeof entry[language] === 'function'
            ? (entry[language] as (a: never) => string)('1' as never)
            : entry[language];
        expect(typeof text).toBe('string');
        expect((text as string).trim()).not.toBe('');
      }
      // Khmer is written in Khmer — except on the language switch, where each language names the other.
      const km = typeof entry.km === 'function' ? (entry.km as (a: never) => string)('1' as never) : entry.km;
      if (key === 'language') expect(km).not.toMatch(KHMER);
      else expect(km).toMatch(KHMER);
    });
  }
});
