/**
 * Asking a group for access, each thing asked for explained in plain words, with the purpose, the
 * range of records and for how long (at most 12 months). The group's treasurer answers.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  BankGroupNameDocument,
  RequestAccessDocument,
  type AccessPurpose,
  type AccessScope,
} from '../generated/graphql.ts';
import { cambodiaToday } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Icon } from '../shell/Icon.tsx';
import { Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';
import { SCOPES } from '../shell/scopes.ts';

const PURPOSES: AccessPurpose[] = ['LOAN_ASSESSMENT', 'LOAN_MONITORING'];

const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;

export function Ask({ groupId }: { groupId: string }) {
  const t = useT();
  const online = useOnline();
  const answer = useQuery(BankGroupNameDocument, { groupId });
  const [scopes, setScopes] = useState<AccessScope[]>(['SAVINGS_SUMMARY', 'CREDIT_GRADE']);
  const [purpose, setPurpose] = useState<AccessPurpose>('LOAN_ASSESSMENT');
  const today = cambodiaToday();
  const [from, setFrom] = useState(yearBefore(today));
  const [to, setTo] = useState(today);
  const [months, setMonths] = useState('12');
  const [message, setMessage] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const [sent, setSent] = useState(false);
  const change = useChange();
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (!group) return <Loading />;

  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () =>
        send(RequestAccessDocument, {
          input: {
            idempotencyKey: key,
            groupId,
            purpose,
            scopes,
            dataRange: { from, to },
            durationMonths: Number(months),
            message: message.trim() || null,
          },
        }),
      () => setSent(true),
    );
  }

  if (sent)
    return (
      <>
        <h1>{t.say('askAccessTo')(group.name)}</h1>
        <p role="status">{t('requestSent')}</p>
        <a class="button" href="/access">
          {t('navAccess')}
        </a>
      </>
    );
  return (
    <form onSubmit={submit} aria-labelledby="ask">
      <h1 id="ask">{t.say('askAccessTo')(group.name)}</h1>
      <fieldset class="choice">
        <legend>{t('whatToSee')}</legend>
        {SCOPES.map((s) => (
          <label key={s} class="check">
            <input
              type="checkbox"
              checked={scopes.includes(s)}
              onChange={(e) => setScopes((all) => (e.currentTarget.checked ? [...all, s] : all.filter((x) => x !== s)))}
            />
            <span>
              <strong>{t(s)}</strong> — {t(`explain${s}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="choice">
        <legend>{t('purpose')}</legend>
        {PURPOSES.map((p) => (
          <label key={p} class={purpose === p ? 'toggle on' : 'toggle'}>
            <input type="radio" name="purpose" checked={purpose === p} onChange={() => setPurpose(p)} />
            {t(p)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('rangeFrom')}</span>
        <input type="date" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('rangeTo')}</span>
        <input type="date" required value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('forMonths')}</span>
        <input
          type="number"
          min="1"
          max="12"
          required
          value={months}
          onInput={(e) => setMonths(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('messageToGroup')}</span>
        <input value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      <button type="submit" class="button primary" disabled={!online || change.busy || scopes.length === 0}>
        <Icon name="bank" /> {t('sendRequest')}
      </button>
    </form>
  );
}
