/**
 * The local sign-in page's words, kept apart from the app's catalog so that a production build,
 * which has no local sign-in, carries none of them either (test/web/build.test.ts).
 */
import type { Phrase, Words } from '../i18n/messages.ts';

export const localMessages = {
  signInLocalNote: {
    km: 'កុំព្យូទ័រនេះប៉ុណ្ណោះ៖ ជ្រើសរើសមនុស្សដែលបានចុះឈ្មោះ',
    en: 'This computer only: choose a registered person',
  },
  signInAs: { km: (name: string) => `ចូលជា ${name}`, en: (name: string) => `Sign in as ${name}` },
} satisfies Record<string, Words | Phrase>;
