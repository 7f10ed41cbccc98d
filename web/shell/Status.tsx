import { ApiError } from '../graphql/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { refusal } from './useChange.ts';

export function Loading() {
  const t = useT();
  return <p aria-busy="true">{t('loading')}</p>;
}

/** Why a screen could not load, in the person's language, with a way to try again. */
export function Problem({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  return (
    <div role="alert" class="problem">
      <p>{t('loadFailed')}</p>
      {error instanceof ApiError && <p>{refusal(t, error)}</p>}
      <button type="button" class="button" onClick={retry}>
        {t('tryAgain')}
      </button>
    </div>
  );
}

export function FromPhone({ shown }: { shown: boolean }) {
  const t = useT();
  return shown ? <p class="note from-phone">{t('shownFromPhone')}</p> : null;
}

/** Why the API refused what she sent, where she sent it from (nothing when it was not refused). */
export function Refusal({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" class="error">
      {error}
    </p>
  ) : null;
}
