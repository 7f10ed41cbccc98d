/**
 * Bank access in plain words: each bank's request as a sentence ("Samlout Rural Credit Bank asks
 * to see your savings and credit grade for 12 months, to assess a loan"), approved as asked or
 * narrowed (fewer things, a shorter range, fewer months) or rejected with a reason; each grant
 * paused, resumed or revoked; and every read a bank made. Only the treasurer decides: the API
 * refuses anyone else, and the screen shows its reason.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  ApproveAccessDocument,
  BankAccessOfGroupDocument,
  PauseGrantDocument,
  RejectAccessDocument,
  ResumeGrantDocument,
  RevokeGrantDocument,
  type AccessScope,
  type BankAccessOfGroupQuery,
} from '../generated/graphql.ts';
import { date } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useQuery } from '../shell/useQuery.ts';
import { scopeWords } from '../shell/scopes.ts';
import { useChange } from '../shell/useChange.ts';

type Group = NonNullable<BankAccessOfGroupQuery['group']>;
type Request = Group['accessRequests'][number];
type GrantRow = Group['grants'][number];

const day = (iso: string) => iso.slice(0, 10);

export function BankAccess({ groupId }: { groupId: string }) {
  const t = useT();
  const answer = useQuery(BankAccessOfGroupDocument, { groupId });
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (!group) return <Loading />;
  const waiting = group.accessRequests.filter((r) => r.state === 'PENDING');
  const earlier = group.accessRequests.filter((r) => r.state !== 'PENDING');
  return (
    <>
      <h1>{t('bankAccess')}</h1>
      <FromPhone shown={answer.fromPhone} />
      <p>
        <a class="button" href="/bank-loans">
          {t('loansFromBanks')}
        </a>
      </p>
      <section aria-labelledby="waiting-requests">
        <h2 id="waiting-requests">{t('waitingRequests')}</h2>
        {waiting.length === 0 && <p class="note">{t('noWaitingRequests')}</p>}
        {waiting.map((r) => (
          <RequestCard key={r.id} groupId={groupId} request={r} done={answer.reload} />
        ))}
      </section>
      <section aria-labelledby="grants" class="panel">
        <h2 id="grants">{t('grants')}</h2>
        <ul class="rows">
          {group.grants.map((g) => (
            <GrantItem key={g.id} groupId={groupId} grant={g} done={answer.reload} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="read-log" class="panel">
        <h2 id="read-log">{t('readLog')}</h2>
        {group.readLog.nodes.length === 0 && <p class="note">{t('noReads')}</p>}
        <ul class="rows">
          {group.readLog.nodes.map((r) => (
            <li key={r.id}>
              {t.say('bankLooked')(r.officerName, r.bank.name, scopeWords(t, r.scopes), date(day(r.at), t.language))}
            </li>
          ))}
        </ul>
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby="earlier" class="panel">
          <h2 id="earlier">{t('pastRequests')}</h2>
          <ul class="rows">
            {earlier.map((r) => (
              <li key={r.id}>
                <span>
                  {r.bank.name} · {date(day(r.createdAt), t.language)}
                </span>
                <span class="status">{t(`request${r.state}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function RequestCard({ groupId, request, done }: { groupId: string; request: Request; done: () => void }) {
  const t = useT();
  const online = useOnline();
  const [scopes, setScopes] = useState<AccessScope[]>(request.scopes);
  const [months, setMonths] = useState(String(request.durationMonths));
  const [from, setFrom] = useState(request.dataRange.from);
  const [to, setTo] = useState(request.dataRange.to);
  const [reason, setReason] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  const base = { groupId, requestId: request.id };
  const headingId = `request-${request.id}`;
  return (
    <article class="panel" aria-labelledby={headingId}>
      <h3 id={headingId} class="sentence">
        {t.say('bankAsks')(
          request.bank.name,
          scopeWords(t, request.scopes),
          request.durationMonths,
          t(request.purpose),
        )}
      </h3>
      <p>{t.say('recordsFrom')(date(request.dataRange.from, t.language), date(request.dataRange.to, t.language))}</p>
      {request.message && <blockquote>{request.message}</blockquote>}
      <fieldset class="scopes">
        <legend>{t('whatTheyMaySee')}</legend>
        {request.scopes.map((s) => (
          <label key={s} class="check">
            <input
              type="checkbox"
              checked={scopes.includes(s)}
              onChange={(e) => setScopes(e.currentTarget.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
            />
            {t(s)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('forMonths')}</span>
        <input inputMode="numeric" value={months} onInput={(e) => setMonths(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('rangeFrom')}</span>
        <input
          type="date"
          value={from}
          min={request.dataRange.from}
          max={to}
          onInput={(e) => setFrom(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('rangeTo')}</span>
        <input
          type="date"
          value={to}
          min={from}
          max={request.dataRange.to}
          onInput={(e) => setTo(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('reason')}</span>
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      <div class="actions">
        <button
          type="button"
          class="button primary"
          disabled={!online || change.busy || scopes.length === 0}
          onClick={() =>
            change.run(
              () =>
                send(ApproveAccessDocument, {
                  input: {
                    ...base,
                    idempotencyKey: `${key}-approve`,
                    scopes,
                    durationMonths: Number(months),
                    dataRange: { from, to },
                    reason: reason.trim() || null,
                  },
                }),
              done,
            )
          }
        >
          {t('approve')}
        </button>
        <button
          type="button"
          class="button"
          disabled={!online || change.busy}
          onClick={() =>
            change.run(
              () =>
                send(RejectAccessDocument, {
                  input: { ...base, idempotencyKey: `${key}-reject`, reason: reason.trim() || null },
                }),
              done,
            )
          }
        >
          {t('reject')}
        </button>
      </div>
      {!online && <p class="note">{t('needsNetwork')}</p>}
    </article>
  );
}

function GrantItem({ groupId, grant, done }: { groupId: string; grant: GrantRow; done: () => void }) {
  const t = useT();
  const online = useOnline();
  const [reason, setReason] = useState('');
  const change = useChange();
  const live = grant.state === 'ACTIVE' || grant.state === 'PAUSED';
  type ChangeInput = { groupId: string; grantId: string; idempotencyKey: string; reason: string };
  const act = (change$: (input: ChangeInput) => Promise<unknown>) =>
    change.run(
      () => change$({ groupId, grantId: grant.id, idempotencyKey: crypto.randomUUID(), reason: reason.trim() }),
      () => {
        setReason('');
        done();
      },
    );
  return (
    <li class="grant">
      <p class="sentence">
        {t.say('bankMaySee')(grant.bank.name, scopeWords(t, grant.scopes), date(day(grant.validUntil), t.language))}
      </p>
      <p>
        <span class="status">{t(`grant${grant.state}`)}</span> ·{' '}
        {t.say('recordsFrom')(date(grant.dataRange.from, t.language), date(grant.dataRange.to, t.language))}
      </p>
      {live && (
        <>
          <label class="field">
            <span>{t('reasonRequired')}</span>
            <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <Refusal error={change.error} />
          <div class="actions">
            {grant.state === 'ACTIVE' ? (
              <button
                type="button"
                class="button"
                disabled={!online || change.busy || !reason.trim()}
                onClick={() => act((input) => send(PauseGrantDocument, { input }))}
              >
                {t('pause')}
              </button>
            ) : (
              <button
                type="button"
                class="button"
                disabled={!online || change.busy || !reason.trim()}
                onClick={() => act((input) => send(ResumeGrantDocument, { input }))}
              >
                {t('resume')}
              </button>
            )}
            <button
              type="button"
              class="button"
              disabled={!online || change.busy || !reason.trim()}
              onClick={() => act((input) => send(RevokeGrantDocument, { input }))}
            >
              {t('revoke')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
