/** The loan book: every loan with its schedule, days late, and the loans at risk (more than 30 days late). */
import { useState } from 'preact/hooks';
import { LoanBookDocument } from '../generated/graphql.ts';
import { date, money, percent } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { FromPhone, Loading, Problem } from '../shell/Status.tsx';
import { useQuery } from '../shell/useQuery.ts';

export function Loans({ groupId }: { groupId: string }) {
  const t = useT();
  const answer = useQuery(LoanBookDocument, { groupId });
  const [open, setOpen] = useState<string | null>(null);
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (!group) return <Loading />;
  const m$ = (amount: string) => money(amount, group.currency);
  const active = group.loans.filter((l) => l.status === 'ACTIVE');
  const atRisk = active.filter((l) => l.atRisk);
  const closed = group.loans.filter((l) => l.status !== 'ACTIVE');
  return (
    <>
      <h1>{t('loanBook')}</h1>
      <FromPhone shown={answer.fromPhone} />
      <div class="cards">
        <div class="card">
          <span class="card-label">{t('loansOutstanding')}</span>
          <span class="card-value">{m$(group.books.balances.loansOutstanding)}</span>
        </div>
        <div class="card">
          <span class="card-label">{t('par30')}</span>
          <span class="card-value">{percent(group.books.par30BasisPoints)}</span>
        </div>
        <div class="card">
          <span class="card-label">{t('loansAtRisk')}</span>
          <span class="card-value">{atRisk.length}</span>
        </div>
      </div>
      <h2>{t('activeLoans')}</h2>
      <ul class="rows">
        {active.map((l) => (
          <li key={l.id} class="loan">
            <button
              type="button"
              class="loan-head"
              aria-expanded={open === l.id}
              onClick={() => setOpen(open === l.id ? null : l.id)}
            >
              <strong>{l.member.name}</strong>
              <span>
                {m$(l.outstanding)} / {m$(l.principal)}
                {l.daysInArrears > 0 && (
                  <span class={l.atRisk ? 'count alert' : 'count'}> {t.say('daysLate')(l.daysInArrears)}</span>
                )}
              </span>
            </button>
            {open === l.id && (
              <table class="schedule">
                <caption>
                  {t.say('loanTerms')(
                    date(l.disbursedOn, t.language),
                    l.termMonths,
                    l.monthlyInterestBasisPoints / 100,
                  )}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dueOn')}</th>
                    <th scope="col">{t('principalPart')}</th>
                    <th scope="col">{t('interestPart')}</th>
                    <th scope="col">{t('total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {l.schedule.map((i) => (
                    <tr key={i.number}>
                      <td>{date(i.dueOn, t.language)}</td>
                      <td>{m$(i.principal)}</td>
                      <td>{m$(i.interest)}</td>
                      <td>{m$(i.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
      {closed.length > 0 && (
        <>
          <h2>{t('closedLoans')}</h2>
          <ul class="rows">
            {closed.map((l) => (
              <li key={l.id}>
                <span>{l.member.name}</span>
                <span>
                  {m$(l.principal)} · {l.closedOn ? date(l.closedOn, t.language) : t(`loan${l.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
