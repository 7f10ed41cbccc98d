/** The bank's side of access: its requests and their states (a pending one can be withdrawn, with a reason for the group), and what groups let it see, until when. */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import { MyBankAccessDocument, WithdrawAccessRequestDocument, type MyBankAccessQuery } from '../generated/graphql.ts';
import { date } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { scopeWords } from '../shell/scopes.ts';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';

type Request = MyBankAccessQuery['myBankAccess']['requests'][number];

export function Access() {
  const t = useT();
  const answer = useQuery(MyBankAccessDocument, {});
  const access = answer.data?.myBankAccess;
  if (answer.error && !access) return <Problem error={answer.error} retry={answer.reload} />;
  if (!access) return <Loading />;
  return (
    <>
      <h1>{access.bank.name}</h1>
      <FromPhone shown={answer.fromPhone} />
      <section aria-labelledby="grants" class="panel">
        <h2 id="grants">{t('yourGrants')}</h2>
        <ul class="rows">
          {access.grants.map((g) => (
            <li key={g.id}>
              <span>
                {t.say('youMaySee')(g.groupName, scopeWords(t, g.scopes), date(g.validUntil.slice(0, 10), t.language))}
                <br />
                <span class="status">{t(`grant${g.state}`)}</span>
              </span>
              {g.state === 'ACTIVE' && (
                <a
                  class="button small"
                  href={`/profile/${g.groupId}`}
                  aria-label={t.say('creditProfileOf')(g.groupName)}
                >
                  {t('creditProfile')}
                </a>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="requests" class="panel">
        <h2 id="requests">{t('yourRequests')}</h2>
        <ul class="rows">
          {access.requests.map((r) => (
            <RequestLine key={r.id} request={r} changed={answer.reload} />
          ))}
        </ul>
      </section>
    </>
  );
}

function RequestLine({ request, changed }: { request: Request; changed: () => void }) {
  const t = useT();
  const online = useOnline();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () =>
        send(WithdrawAccessRequestDocument, {
          input: { idempotencyKey: key, groupId: request.groupId, requestId: request.id, reason: reason.trim() },
        }),
      changed,
    );
  }
  return (
    <li>
      <span>
        {t.say('youAsked')(
          request.groupName,
          scopeWords(t, request.scopes),
          request.durationMonths,
          t(request.purpose),
        )}
        <br />
        <span class="status">{t(`request${request.state}`)}</span>
      </span>
      {request.state === 'PENDING' && !asking && (
        <button
          type="button"
          class="button small"
          aria-label={t.say('withdrawRequestTo')(request.groupName)}
          onClick={() => setAsking(true)}
        >
          {t('withdraw')}
        </button>
      )}
      {asking && (
        <form onSubmit={submit} aria-label={t.say('withdrawRequestTo')(request.groupName)}>
          <label class="field">
            <span>{t('reasonRequired')}</span>
            <input value={reason} required onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <Refusal error={change.error} />
          <button type="submit" class="button small" disabled={!online || change.busy}>
            {t('withdraw')}
          </button>
        </form>
      )}
    </li>
  );
}
