/**
 * Loans from banks, for the group's officers: each loan asked of a bank with where it stands (asked,
 * approved or declined with the bank's reasons, paid in, repaid), what is still owed, how late, and
 * the next repayment; and the treasurer's form to ask a bank for a loan. Only the treasurer may ask:
 * the API refuses anyone else, and the screen shows its reason.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  ApplyForBankLoanDocument,
  BankLoansOfGroupDocument,
  type BankLoansOfGroupQuery,
} from '../generated/graphql.ts';
import { cambodiaToday, date, money, parseAmount, percent } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';

type Group = NonNullable<BankLoansOfGroupQuery['group']>;
type BankLoan = Group['bankLoans'][number];

export function BankLoans({ groupId }: { groupId: string }) {
  const t = useT();
  const answer = useQuery(BankLoansOfGroupDocument, { groupId });
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (!group || !answer.data) return <Loading />;
  return (
    <>
      <h1>{t('loansFromBanks')}</h1>
      <FromPhone shown={answer.fromPhone} />
      {group.bankLoans.length === 0 && <p class="note">{t('noBankLoans')}</p>}
      {group.bankLoans.map((loan) => (
        <LoanCard key={loan.id} loan={loan} currency={group.currency} />
      ))}
      <AskForLoan groupId={groupId} currency={group.currency} banks={answer.data.banks.nodes} done={answer.reload} />
    </>
  );
}

/** A bank loan's next repayment from today: the first installment due on or after today (or the last). */
const nextDue = (loan: BankLoan) =>
  loan.schedule.find((i) => i.dueOn >= cambodiaToday()) ?? loan.schedule[loan.schedule.length - 1];

function LoanCard({ loan, currency }: { loan: BankLoan; currency: Group['currency'] }) {
  const t = useT();
  const headingId = `bank-loan-${loan.id}`;
  const due = loan.status === 'DISBURSED' ? nextDue(loan) : undefined;
  return (
    <article class="panel" aria-labelledby={headingId}>
      <h2 id={headingId} class="sentence">
        {t.say('loanFromBank')(loan.bank.name, money(loan.amount, currency), loan.termMonths)}
      </h2>
      <p>
        <span class="status">{t(`bankLoan${loan.status}`)}</span> · {loan.purpose}
      </p>
      {loan.reasons && <blockquote>{t.say('bankSaid')(loan.reasons)}</blockquote>}
      <dl class="summary">
        {loan.monthlyInterestBasisPoints !== null && loan.monthlyInterestBasisPoints !== undefined && (
          <>
            <dt>{t('interestAMonth')}</dt>
            <dd>{percent(loan.monthlyInterestBasisPoints)}</dd>
          </>
        )}
        {loan.disbursedOn && (
          <>
            <dt>{t('paidInOn')}</dt>
            <dd>{date(loan.disbursedOn, t.language)}</dd>
          </>
        )}
        {loan.status === 'DISBURSED' && (
          <>
            <dt>{t('stillOwed')}</dt>
            <dd>{money(loan.outstanding, currency)}</dd>
            <dt>{t('daysInArrears')}</dt>
            <dd>{loan.daysInArrears}</dd>
          </>
        )}
        {due && (
          <>
            <dt>{t('nextRepayment')}</dt>
            <dd>{`${money(due.total, currency)} · ${date(due.dueOn, t.language)}`}</dd>
          </>
        )}
        {loan.repaidOn && (
          <>
            <dt>{t('repaidOn')}</dt>
            <dd>{date(loan.repaidOn, t.language)}</dd>
          </>
        )}
      </dl>
      {loan.status === 'DISBURSED' && <p class="note">{t('groupBankSeesRepayments')}</p>}
    </article>
  );
}

function AskForLoan({
  groupId,
  currency,
  banks,
  done,
}: {
  groupId: string;
  currency: Group['currency'];
  banks: { id: string; name: string }[];
  done: () => void;
}) {
  const t = useT();
  const online = useOnline();
  const [bankId, setBankId] = useState(banks[0]?.id ?? '');
  const [amount, setAmount] = useState('');
  const [months, setMonths] = useState('12');
  const [purpose, setPurpose] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const change = useChange();
  const minor = parseAmount(amount, currency);
  async function submit(e: Event) {
    e.preventDefault();
    if (minor === null) return;
    await change.run(
      () =>
        send(ApplyForBankLoanDocument, {
          input: {
            idempotencyKey: key,
            groupId,
            bankId,
            amount: minor.toString(),
            termMonths: Number(months),
            purpose: purpose.trim(),
          },
        }),
      () => {
        setAmount('');
        setPurpose('');
        setKey(crypto.randomUUID());
        done();
      },
    );
  }
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="ask-bank-loan">
      <h2 id="ask-bank-loan">{t('askBankForLoan')}</h2>
      <label class="field">
        <span>{t('bank')}</span>
        <select value={bankId} onChange={(e) => setBankId(e.currentTarget.value)}>
          {banks.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t.say('amountIn')(currency)}</span>
        <input inputMode="numeric" required value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('forMonths')}</span>
        <input inputMode="numeric" required value={months} onInput={(e) => setMonths(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('loanPurpose')}</span>
        <input required value={purpose} onInput={(e) => setPurpose(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      <button type="submit" class="button primary" disabled={!online || change.busy || minor === null || !bankId}>
        {t('askForLoan')}
      </button>
      {!online && <p class="note">{t('needsNetwork')}</p>}
    </form>
  );
}
