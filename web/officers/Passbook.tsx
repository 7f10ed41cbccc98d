/**
 * A member's passbook: what she has saved, her loans, and her entries of the last twelve months —
 * one printed page to hand her. Her treasurer or secretary corrects her name, sex or phone here,
 * with a reason the register keeps. When she leaves the group, her savings are paid out and her
 * loans repaid first (Money between meetings, opened ready for it), then the day she left is
 * recorded; her history stays.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  CorrectMemberDocument,
  MemberPassbookDocument,
  RecordMemberLeftDocument,
  type Sex,
} from '../generated/graphql.ts';
import { cambodiaToday, date, money } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Icon } from '../shell/Icon.tsx';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';

const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;

export function Passbook({ groupId, memberId }: { groupId: string; memberId: string }) {
  const t = useT();
  const [from] = useState(() => yearBefore(cambodiaToday()));
  const answer = useQuery(MemberPassbookDocument, { groupId, memberId, from });
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (!group) return <Loading />;
  const { passbook, currency } = group;
  const m$ = (amount: string) => money(amount, currency);
  return (
    <article class="passbook">
      <h1>{passbook.member.name}</h1>
      <FromPhone shown={answer.fromPhone} />
      <p>
        {group.name} · {t('joinedOn')} {date(passbook.member.joinedOn, t.language)}
        {passbook.member.phone ? ` · ${passbook.member.phone}` : ''}
        {passbook.member.leftOn && <strong> · {t.say('leftGroupOn')(date(passbook.member.leftOn, t.language))}</strong>}
      </p>
      <div class="cards">
        <div class="card">
          <span class="card-label">{t('savings')}</span>
          <span class="card-value">{m$(passbook.savings)}</span>
        </div>
        {passbook.loans
          .filter((l) => l.status === 'ACTIVE')
          .map((l) => (
            <div class="card" key={l.id}>
              <span class="card-label">{t('loansOutstanding')}</span>
              <span class="card-value">{m$(l.outstanding)}</span>
            </div>
          ))}
      </div>
      <table class="ledger">
        <caption>{t.say('recordsFrom')(date(from, t.language), date(cambodiaToday(), t.language))}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col">{t('entry')}</th>
            <th scope="col">{t('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {passbook.entries.map((e) => (
            <tr key={e.ref}>
              <td class="day">{date(e.date, t.language)}</td>
              <td>{t(e.kind)}</td>
              <td class="num">{m$(e.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="button no-print" onClick={() => window.print()}>
        <Icon name="print" /> {t('print')}
      </button>
      <CorrectMember groupId={groupId} member={passbook.member} corrected={answer.reload} />
      {!passbook.member.leftOn && (
        <MemberLeaves
          groupId={groupId}
          memberId={passbook.member.id}
          savings={BigInt(passbook.savings)}
          owes={passbook.loans.some((l) => l.status === 'ACTIVE')}
          left={answer.reload}
        />
      )}
    </article>
  );
}

function CorrectMember({
  groupId,
  member,
  corrected,
}: {
  groupId: string;
  member: { id: string; name: string; sex: Sex; phone: string | null; corrections: { number: number }[] };
  corrected: () => void;
}) {
  const t = useT();
  const online = useOnline();
  const [name, setName] = useState(member.name);
  const [sex, setSex] = useState<Sex>(member.sex);
  const [phone, setPhone] = useState(member.phone ?? '');
  const [reason, setReason] = useState('');
  // Made once per correction and kept until it is made, so a retry of a lost answer repeats it.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const change = useChange();
  const [done, setDone] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setDone(false);
    await change.run(
      () =>
        send(CorrectMemberDocument, {
          input: {
            idempotencyKey: key,
            groupId,
            memberId: member.id,
            ...(name.trim() !== member.name ? { name: name.trim() } : {}),
            ...(sex !== member.sex ? { sex } : {}),
            ...(phone.trim() !== (member.phone ?? '') ? { phone: phone.trim() || null } : {}),
            reason: reason.trim(),
          },
        }),
      () => {
        setReason('');
        setKey(crypto.randomUUID());
        setDone(true);
        corrected();
      },
    );
  }

  return (
    <form class="panel no-print" onSubmit={submit} aria-labelledby="correct-member">
      <h2 id="correct-member">{t('correctMember')}</h2>
      <label class="field">
        <span>{t('name')}</span>
        <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset class="attendance">
        <legend>{t('sex')}</legend>
        {(['FEMALE', 'MALE'] as const).map((s) => (
          <label key={s} class={sex === s ? 'toggle on' : 'toggle'}>
            <input type="radio" name="correct-sex" checked={sex === s} onChange={() => setSex(s)} />
            {t(s)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('phone')}</span>
        <input type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('reasonRequired')}</span>
        <input value={reason} required onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      {done && <p role="status">{t('saved')}</p>}
      <button type="submit" class="button primary" disabled={!online || change.busy}>
        {t('save')}
      </button>
    </form>
  );
}

/** Her leaving, once nothing of hers is left in the group's books: her savings out, her loans repaid. */
function MemberLeaves({
  groupId,
  memberId,
  savings,
  owes,
  left,
}: {
  groupId: string;
  memberId: string;
  savings: bigint;
  owes: boolean;
  left: () => void;
}) {
  const t = useT();
  const online = useOnline();
  const [on, setOn] = useState(cambodiaToday());
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  const settled = savings === 0n && !owes;
  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () => send(RecordMemberLeftDocument, { input: { idempotencyKey: key, groupId, memberId, leftOn: on } }),
      left,
    );
  }
  return (
    <form class="panel no-print" onSubmit={submit} aria-labelledby="member-leaves">
      <h2 id="member-leaves">{t('memberLeaves')}</h2>
      {!settled && (
        <>
          <p class="note">{t('settleBeforeLeaving')}</p>
          {savings > 0n && (
            <a class="button" href={`/money?kind=SAVINGS_WITHDRAWAL&member=${memberId}`}>
              <Icon name="bank" /> {t('payOutHerSavings')}
            </a>
          )}
        </>
      )}
      <label class="field">
        <span>{t('daySheLeft')}</span>
        <input type="date" required value={on} max={cambodiaToday()} onInput={(e) => setOn(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      <button type="submit" class="button" disabled={!online || change.busy || !settled}>
        {t('recordSheLeft')}
      </button>
    </form>
  );
}
