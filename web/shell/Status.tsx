import { ApiError } from '../graphql/client.ts';
import { useT } from '../i18n/i18n.tsx';

export function Loading() {
  const t = useT();
  return <p aria-busy="true">{t('loading')}</p>;
}

/** Why a screen could not load, in the person's language, with a way to try again. */
export function Problem({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  const detail = error instanceof ApiError ? error.errors[0] : null;
  return (
    <div role="alert" class="problem">
      <p>{t('loadFailed')}</p>
      {detail && <p>{t.language === 'km' ? (detail.messageKm ?? detail.message) : detail.message}</p>}
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
