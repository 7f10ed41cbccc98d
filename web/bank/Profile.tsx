/**
 * A group's credit profile as the bank's grant allows, and the credit report for the loan file:
 * one A4 page when printed (or saved as PDF by the browser), dated, naming the grant it was read
 * under. Only what the grant covers is asked for (the rest is left out of the query with
 * @include), and what it does not cover is said plainly. Every read is logged for the group.
 */
import { BankCreditProfileDocument, MyBankAccessDocument, type AccessScope } from '../generated/graphql.ts';
import { date, money, monthName, percent } from '../format.ts';
import { formatMoney } from '#core/money.ts';
import { useT } from '../i18n/i18n.tsx';
import { Icon } from '../shell/Icon.tsx';
import { LineChart } from '../shell/LineChart.tsx';
import { SCOPES, scopeWords } from '../shell/scopes.ts';
import { Loading, Problem } from '../shell/Status.tsx';
import { useQuery } from '../shell/useQuery.ts';

export function Profile({ groupId }: { groupId: string }) {
  const t = useT();
  const access = useQuery(MyBankAccessDocument, {});
  const grant = access.data?.myBankAccess.grants.find((g) => g.groupId === groupId && g.state === 'ACTIVE');
  if (access.error && !access.data) return <Problem error={access.error} retry={access.reload} />;
  if (!access.data) return <Loading />;
  if (!grant) return <p class="note">{t('noActiveGrant')}</p>;
  return <Report groupId={groupId} groupName={grant.groupName} scopes={grant.scopes} />;
}

function Report({ groupId, groupName, scopes }: { groupId: string; groupName: string; scopes: AccessScope[] }) {
  const t = useT();
  const has = (s: AccessScope) => scopes.includes(s);
  const answer = useQuery(BankCreditProfileDocument, {
    groupId,
    savings: has('SAVINGS_SUMMARY'),
    loans: has('LOAN_BOOK_QUALITY'),
    meetings: has('MEETING_DISCIPLINE'),
    grade: has('CREDIT_GRADE'),
    bankLoans: has('BANK_LOAN_HISTORY'),
  });
  const view = answer.data?.bankView;
  if (answer.error && !view) return <Problem error={answer.error} retry={answer.reload} />;
  if (!view) return <Loading />;
  const p = view.creditProfile;
  const m = (amount: string) => money(amount, p.currency);
  const missing = SCOPES.filter((s) => !has(s));
  return (
    <article class="report">
      <h1>{t.say('creditProfileOf')(groupName)}</h1>
      <p class="note">
        {t.say('readUnderGrant')(view.grantId, date(p.asOf, t.language))} ·{' '}
        {t.say('recordsFrom')(date(view.dataRange.from, t.language), date(view.dataRange.to, t.language))}
      </p>
      {missing.length > 0 && <p class="note">{t.say('notCovered')(scopeWords(t, missing))}</p>}
      {p.grade && (
        <section aria-labelledby="grade" class="panel">
          <h2 id="grade">
            {t('gradeLabel')}: <span class="big">{p.grade.grade ?? '—'}</span>
          </h2>
          {p.grade.eligible ? (
            <p>{t.say('pointsOf')(p.grade.points, p.grade.maxPoints)}</p>
          ) : (
            <p>{t.language === 'km' ? p.grade.notEligibleReasonKm : p.grade.notEligibleReason}</p>
          )}
          <table class="ledger">
            <caption class="visually-hidden">{t('gradeLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicator')}</th>
                <th scope="col">{t('valueLabel')}</th>
                <th scope="col">{t('pointsLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {p.grade.indicators.map((i) => (
                <tr key={i.key}>
                  <th scope="row">{t.language === 'km' ? i.reasonKm : i.reason}</th>
                  <td>{i.value}</td>
                  <td class="num">
                    {i.points}/{i.max}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.suggestedLoan && (
            <p>
              <strong>{t('suggestedLoan')}:</strong>{' '}
              {p.suggestedLoan.ready
                ? `${m(p.suggestedLoan.amount)} — ${t.language === 'km' ? p.suggestedLoan.ruleKm : p.suggestedLoan.rule}`
                : t.language === 'km'
                  ? p.suggestedLoan.notYetReasonKm
                  : p.suggestedLoan.notYetReason}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="figures" class="panel">
        <h2 id="figures">{t('books')}</h2>
        <dl class="summary">
          {p.savings && (
            <>
              <dt>{t('savings')}</dt>
              <dd>{m(p.savings.total)}</dd>
              <dt>{t('membersCount')}</dt>
              <dd>{p.savings.memberCount}</dd>
            </>
          )}
          {p.loanBook && (
            <>
              <dt>{t('loansOutstanding')}</dt>
              <dd>{m(p.loanBook.outstanding)}</dd>
              <dt>{t('par30')}</dt>
              <dd>{percent(p.loanBook.par30BasisPoints)}</dd>
              <dt>{t('repaymentRate')}</dt>
              <dd>{percent(p.loanBook.repaymentRateBasisPoints)}</dd>
            </>
          )}
          {p.meetings && (
            <>
              <dt>{t('meetings12')}</dt>
              <dd>{p.meetings.heldLast12Months}</dd>
              <dt>{t('attendance12')}</dt>
              <dd>{percent(p.meetings.attendanceLast12BasisPoints)}</dd>
              <dt>{t('monthsInKrom')}</dt>
              <dd>{p.meetings.monthsOfBooksInKrom}</dd>
            </>
          )}
          {p.bankLoans && (
            <>
              <dt>{t('bankLoanRecord')}</dt>
              <dd>{t(`record${p.bankLoans.record as 'NONE' | 'NEVER_LATE' | 'EVER_LATE' | 'DEFAULTED_90'}`)}</dd>
            </>
          )}
        </dl>
        {p.savings && p.savings.monthly.length > 0 && (
          <LineChart
            title={t('savedEachMonth')}
            labels={p.savings.monthly.map((s) => monthName(s.month, t.language))}
            axisLabels={p.savings.monthly.map((s) => `${Number(s.month.slice(5))}/${s.month.slice(2, 4)}`)}
            series={[
              {
                label: t('savings'),
                values: p.savings.monthly.map((s) => Number(s.saved) / (p.currency === 'USD' ? 100 : 1)),
              },
            ]}
            format={(v) => formatMoney(BigInt(Math.round(v * (p.currency === 'USD' ? 100 : 1))), p.currency)}
          />
        )}
        {p.meetings?.monthly.some((m) => m.attendanceBasisPoints !== null) && (
          <LineChart
            title={t('attendanceEachMonth')}
            labels={p.meetings.monthly.map((m) => monthName(m.month, t.language))}
            axisLabels={p.meetings.monthly.map((m) => `${Number(m.month.slice(5))}/${m.month.slice(2, 4)}`)}
            series={[
              {
                label: t('attendance'),
                // Percent present; a month with no meeting is a gap, not a zero.
                values: p.meetings.monthly.map((m) =>
                  m.attendanceBasisPoints === null ? null : m.attendanceBasisPoints / 100,
                ),
              },
            ]}
            format={(v) => `${+v.toFixed(1)}%`}
            axisFormat={(v) => `${Math.round(v)}%`}
            range={[0, 100]}
          />
        )}
      </section>
      <button type="button" class="button no-print" onClick={() => window.print()}>
        <Icon name="print" /> {t('print')}
      </button>
    </article>
  );
}
