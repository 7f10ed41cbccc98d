/**
 * The bank's loans to groups: each loan a group's treasurer asked of the bank, decided here —
 * approved with the interest a month, or declined — with reasons the group reads; an approved
 * loan paid in on a day (the group's books record it); a paid-in loan's progress as the group's
 * books record its repayments — repaid, still owed, how late — and the repayments due next. The
 * bank sees that loan's repayments with no grant (it is the bank's own money), nothing else of
 * the books.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  DecideBankLoanDocument,
  DisburseBankLoanDocument,
  LoansOfBankDocument,
  type LoansOfBankQuery,
} from '../generated/graphql.ts';
import { cambodiaToday, date, money, percent } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';

type Loan = LoansOfBankQuery['myBankAccess']['loans'][number];

export function Loans() {
  const t = useT();
  const answer = useQuery(LoansOfBankDocument, {});
  const access = answer.data?.myBankAccess;
  if (answer.error && !access) return <Problem error={answer.error} retry={answer.reload} />;
  if (!access) return <Loading />;
  return (
    <>
      <h1>{t('loansToGroups')}</h1>
      <FromPhone shown={answer.fromPhone} />
      {access.loans.length === 0 && <p class="note">{t('noLoansToGroups')}</p>}
      {access.loans.map((loan) => (
        <LoanCard key={loan.id} loan={loan} done={answer.reload} />
      ))}
    </>
  );
}

function LoanCard({ loan, done }: { loan: Loan; done: () => void }) {
  const t = useT();
  const headingId = `loan-${loan.id}`;
  const amount = money(loan.amount, loan.currency);
  const today = cambodiaToday();
  const due = loan.schedule.filter((i) => i.dueOn >= today).slice(0, 3);
  return (
    <article class="panel" aria-labelledby={headingId}>
      <h2 id={headingId} class="sentence">
        {t.say('groupAsksLoan')(loan.groupName, amount, loan.termMonths, loan.purpose)}
      </h2>
      <p>
        <span class="status">{t(`bankLoan${loan.status}`)}</span>
        {loan.monthlyInterestBasisPoints != null &&
          ` · ${t('interestAMonth')}: ${percent(loan.monthlyInterestBasisPoints)}`}
        {loan.disbursedOn && ` · ${t('paidInOn')}: ${date(loan.disbursedOn, t.language)}`}
      </p>
      {loan.reasons && <blockquote>{loan.reasons}</blockquote>}
      {loan.status === 'REQUESTED' && <Decide loan={loan} done={done} />}
      {loan.status === 'APPROVED' && <PayIn loan={loan} done={done} />}
      {(loan.status === 'DISBURSED' || loan.status === 'REPAID') && <Progress loan={loan} />}
      {loan.status === 'DISBURSED' && (
        <>
          <h3>{t('repaymentsDue')}</h3>
          <ul class="rows">
            {due.map((i) => (
              <li key={i.number}>
                <span>{date(i.dueOn, t.language)}</span>
                <span>{money(i.total, loan.currency)}</span>
              </li>
            ))}
          </ul>
          <p class="note">{t('bankSeesLoanRepayments')}</p>
        </>
      )}
    </article>
  );
}

/** A paid-in loan as the group's books record its repayments. */
function Progress({ loan }: { loan: Loan }) {
  const t = useT();
  return (
    <dl class="summary">
      <dt>{t('principalRepaid')}</dt>
      <dd>{money(loan.principalPaid, loan.currency)}</dd>
      <dt>{t('interestReceived')}</dt>
      <dd>{money(loan.interestPaid, loan.currency)}</dd>
      {loan.status === 'DISBURSED' && (
        <>
          <dt>{t('stillOwed')}</dt>
          <dd>{money(loan.outstanding, loan.currency)}</dd>
          <dt>{t('daysInArrears')}</dt>
          <dd>
            {loan.daysInArrears > 0 ? (
              <span class="count alert">{t.say('daysLate')(loan.daysInArrears)}</span>
            ) : (
              t('onTime')
            )}
          </dd>
        </>
      )}
      {loan.repaidOn && (
        <>
          <dt>{t('repaidOn')}</dt>
          <dd>{date(loan.repaidOn, t.language)}</dd>
        </>
      )}
      <dt>{t('mostDaysLate')}</dt>
      <dd>{loan.maxDaysLate}</dd>
    </dl>
  );
}

function Decide({ loan, done }: { loan: Loan; done: () => void }) {
  const t = useT();
  const online = useOnline();
  const [rate, setRate] = useState('1.5');
  const [reasons, setReasons] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  // Percent a month, as bankers say it, to basis points: "1.5" → 150.
  const basisPoints = /^\d{1,2}(\.\d{1,2})?$/.test(rate.trim()) ? Math.round(Number(rate) * 100) : null;
  const decide = (approve: boolean) =>
    change.run(
      () =>
        send(DecideBankLoanDocument, {
          input: {
            idempotencyKey: `${key}-${approve ? 'approve' : 'decline'}`,
            groupId: loan.groupId,
            bankLoanId: loan.id,
            approve,
            reasons: reasons.trim(),
            monthlyInterestBasisPoints: approve ? basisPoints : null,
          },
        }),
      done,
    );
  return (
    <form aria-label={t.say('decideLoanOf')(loan.groupName)} onSubmit={(e) => e.preventDefault()}>
      <label class="field">
        <span>{t('interestPercentAMonth')}</span>
        <input inputMode="decimal" value={rate} onInput={(e) => setRate(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('reasonsForGroup')}</span>
        <input required value={reasons} onInput={(e) => setReasons(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      <div class="actions">
        <button
          type="button"
          class="button primary"
          disabled={!online || change.busy || basisPoints === null || !reasons.trim()}
          onClick={() => decide(true)}
        >
          {t('approve')}
        </button>
        <button
          type="button"
          class="button"
          disabled={!online || change.busy || !reasons.trim()}
          onClick={() => decide(false)}
        >
          {t('decline')}
        </button>
      </div>
    </form>
  );
}

function PayIn({ loan, done }: { loan: Loan; done: () => void }) {
  const t = useT();
  const online = useOnline();
  const [on, setOn] = useState(cambodiaToday());
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () =>
        send(DisburseBankLoanDocument, {
          input: { idempotencyKey: key, groupId: loan.groupId, bankLoanId: loan.id, date: on },
        }),
      done,
    );
  }
  return (
    <form aria-label={t.say('payInLoanOf')(loan.groupName)} onSubmit={submit}>
      <label class="field">
        <span>{t('payInDate')}</span>
        <input type="date" required value={on} max={cambodiaToday()} onInput={(e) => setOn(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      <button type="submit" class="button primary" disabled={!online || change.busy}>
        {t('payIn')}
      </button>
    </form>
  );
}
