/**
 * Money that moves between meetings: the treasurer takes the cash box to the bank, repays the
 * group's bank loan, pays for the group, pays out a member's savings or a social-fund payout, or
 * takes a member's repayment on another day. One entry at a time, with the cash box after it shown
 * before she sends; needs a network (it is done in town, at the bank, not at the meeting).
 */
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  MoneySetupDocument,
  RecordMoneyDocument,
  type MoneySetupQuery,
  type PayoutReason,
} from '../generated/graphql.ts';
import { amountText, cambodiaToday, money } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Icon } from '../shell/Icon.tsx';
import { Field, FieldError } from '../shell/Field.tsx';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';
import {
  checkMoney,
  moneyKinds,
  needs,
  owedBy,
  type MoneyField,
  type MoneyForm,
  type MoneyKind,
} from './money-entry.ts';

type Group = NonNullable<MoneySetupQuery['group']>;
const REASONS: PayoutReason[] = ['ILLNESS', 'FUNERAL', 'VILLAGE_WORKS', 'OTHER'];

export function Money({ groupId }: { groupId: string }) {
  const t = useT();
  const answer = useQuery(MoneySetupDocument, { groupId });
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (!group) return <Loading />;
  const { balances } = group.books;
  return (
    <>
      <h1>{t('moneyBetweenMeetings')}</h1>
      <FromPhone shown={answer.fromPhone} />
      <dl class="summary">
        <dt>{t('cashBox')}</dt>
        <dd>{money(balances.cash, group.currency)}</dd>
        <dt>{t('bankAccount')}</dt>
        <dd>{money(balances.bank, group.currency)}</dd>
        <dt>{t('socialFund')}</dt>
        <dd>{money(balances.socialFund, group.currency)}</dd>
      </dl>
      <p class="note">{t('moneyBetweenNote')}</p>
      <RecordMoney group={group} recorded={answer.reload} />
      <p>
        <a class="button" href="/cash-book">
          <Icon name="book" /> {t('cashBook')}
        </a>
      </p>
    </>
  );
}

const blank = (kind: MoneyKind): MoneyForm => ({
  kind,
  amount: '',
  memberId: '',
  loanId: '',
  payoutReason: 'ILLNESS',
  note: '',
});

/** The form as the address asks for it (a kind and a member), or a bank deposit. */
function opened(query: Record<string, string>, group: Group): MoneyForm {
  const kind = moneyKinds.find((k) => k === query.kind) ?? 'BANK_DEPOSIT';
  const member = group.members.nodes.find((m) => m.id === query.member);
  if (!member || !needs(kind).member) return blank(kind);
  // Paying out her savings: all of them, as when she leaves; she changes it if it is less.
  const amount = kind === 'SAVINGS_WITHDRAWAL' ? amountText(BigInt(member.savings), group.currency) : '';
  return { ...blank(kind), memberId: member.id, amount };
}

function RecordMoney({ group, recorded }: { group: Group; recorded: () => void }) {
  const t = useT();
  const online = useOnline();
  // A passbook opens this ready to pay out a leaving member's savings: /money?kind=…&member=….
  const { query } = useLocation();
  const [form, setForm] = useState<MoneyForm>(() => opened(query, group));
  const [on, setOn] = useState(cambodiaToday());
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<[string, string] | null>(null);
  const change = useChange();
  const need = needs(form.kind);
  const members = group.members.nodes.filter((m) => !m.leftOn || m.leftOn > on);
  const bankLoans = group.bankLoans.filter((l) => l.status === 'DISBURSED');
  const checked = checkMoney(form, {
    currency: group.currency,
    cash: BigInt(group.books.balances.cash),
    memberLoans: group.loans,
    bankLoans,
  });
  // What is wrong, in her words, once she has tried to send.
  const problem = (field: MoneyField) => {
    const key = tried ? checked.problems[field] : undefined;
    return key ? t(key) : null;
  };
  const set = (patch: Partial<MoneyForm>) => {
    setDone(null);
    setForm((f) => ({ ...f, ...patch }));
  };
  // Choosing a loan puts in what its schedule says is owed by the day; she changes it if she paid otherwise.
  const chooseLoan = (loanId: string) => {
    const loan = [...group.loans, ...bankLoans].find((l) => l.id === loanId);
    const owed = owedBy(loan, on);
    set({ loanId, amount: owed > 0n ? amountText(owed, group.currency) : form.amount });
  };

  async function submit(e: Event) {
    e.preventDefault();
    setTried(true);
    const entry = checked.entry;
    if (!entry) return;
    const said: [string, string] = [t(form.kind), money(entry.amount, group.currency)];
    await change.run(async () => {
      await send(RecordMoneyDocument, {
        input: { idempotencyKey: key, groupId: group.id, date: on, entries: [entry] },
      });
      setDone(said);
      setForm(blank(form.kind));
      setTried(false);
      setKey(crypto.randomUUID());
    }, recorded);
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="record-money" noValidate>
      <h2 id="record-money">{t('recordMoney')}</h2>
      {!online && <p class="note">{t('needsNetwork')}</p>}
      <label class="field">
        <span>{t('whatHappened')}</span>
        <select value={form.kind} onChange={(e) => set(blank(e.currentTarget.value as MoneyKind))}>
          {moneyKinds.map((k) => (
            <option key={k} value={k}>
              {t(k)}
            </option>
          ))}
        </select>
      </label>
      {need.member && (
        <Choice
          label={t('member')}
          field="member"
          problem={problem('member')}
          value={form.memberId}
          onChange={(memberId) => set({ memberId })}
          options={members.map((m) => ({ value: m.id, label: `${m.name} · ${money(m.savings, group.currency)}` }))}
        />
      )}
      {need.payoutReason && (
        <label class="field">
          <span>{t('reason')}</span>
          <select
            value={form.payoutReason}
            onChange={(e) => set({ payoutReason: e.currentTarget.value as PayoutReason })}
          >
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(r)}
              </option>
            ))}
          </select>
        </label>
      )}
      {(need.memberLoan || need.bankLoan) && (
        <Choice
          label={t('whichLoan')}
          field="loan"
          problem={problem('loan')}
          value={form.loanId}
          onChange={chooseLoan}
          options={
            need.bankLoan
              ? bankLoans.map((l) => ({
                  value: l.id,
                  label: `${l.bank.name} · ${money(l.outstanding, group.currency)}`,
                }))
              : group.loans.map((l) => ({
                  value: l.id,
                  label: `${l.member.name} · ${money(l.outstanding, group.currency)}`,
                }))
          }
        />
      )}
      <Field id="money-amount" label={t.say('amountIn')(group.currency)} problem={problem('amount')}>
        {(a11y) => (
          <input
            inputMode="decimal"
            value={form.amount}
            onInput={(e) => set({ amount: e.currentTarget.value })}
            {...a11y}
          />
        )}
      </Field>
      <label class="field">
        <span>{t('day')}</span>
        <input type="date" required value={on} max={cambodiaToday()} onInput={(e) => setOn(e.currentTarget.value)} />
      </label>
      <Field id="money-note" label={need.note ? t('whatFor') : t('noteIfAny')} problem={problem('note')}>
        {(a11y) => <input value={form.note} onInput={(e) => set({ note: e.currentTarget.value })} {...a11y} />}
      </Field>
      <p>
        {t('cashBoxAfterThis')}: <strong>{money(checked.cashAfter, group.currency)}</strong>
      </p>
      <FieldError text={problem('cash')} />
      <Refusal error={change.error} />
      {done && <p role="status">{t.say('recordedWhat')(...done)}</p>}
      <button type="submit" class="button primary" disabled={!online || change.busy}>
        <Icon name="check" /> {t('record')}
      </button>
    </form>
  );
}

function Choice({
  label,
  field,
  problem,
  value,
  onChange,
  options,
}: {
  label: string;
  field: MoneyField;
  problem: string | null;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const t = useT();
  return (
    <Field id={`money-${field}`} label={label} problem={problem}>
      {(a11y) => (
        <select value={value} onChange={(e) => onChange(e.currentTarget.value)} {...a11y}>
          <option value="">{t('chooseOne')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
