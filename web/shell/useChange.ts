/** Sending one change to the API from a form: busy while it goes, and why it was refused, in her language. */
import { useState } from 'preact/hooks';
import { ApiError } from '../graphql/client.ts';
import { type Translator, useT } from '../i18n/i18n.tsx';
import { plainReason } from './reason.ts';

/** The API's reason for refusing, in the person's language; with no answer at all, that it needs a network. */
export function refusal(t: Translator, error: unknown): string {
  const detail = error instanceof ApiError ? error.errors[0] : null;
  if (!detail) return t('needsNetwork');
  return plainReason(detail, t.language, t);
}

export function useChange() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Runs `change`; on success `done`, else the refusal is shown. Resolves true when it was made. */
  async function run(change: () => Promise<unknown>, done: () => void = () => {}): Promise<boolean> {
    setError(null);
    setBusy(true);
    try {
      await change();
      done();
      return true;
    } catch (err) {
      setError(refusal(t, err));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}
