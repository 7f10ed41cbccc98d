/**
 * Recording a meeting, with or without a network: attendance by tapping each member, her saving,
 * fine and social fund prefilled, repayments prefilled from the schedules, new loans checked
 * against the constitution, payouts and minutes; then a summary with the cash box before and after,
 * and confirm. Confirmed meetings go to the outbox, which sends them when it can.
 */
import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { MeetingSetupDocument, type PayoutReason } from '../generated/graphql.ts';
import { cambodiaToday, date as formatDate, money } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { keepMeeting, outboxMeeting } from '../outbox/outbox.ts';
import { FieldError } from '../shell/Field.tsx';
import { Icon } from '../shell/Icon.tsx';
import { FromPhone, Loading, Problem } from '../shell/Status.tsx';
import { useQuery } from '../shell/useQuery.ts';
import { AttendanceChoice, MinutesLines } from './MeetingParts.tsx';
import { checkDraft, membersOn, newDraft, withStatus, type Draft, type Problems, type Setup } from './meeting-draft.ts';

const REASONS: PayoutReason[] = ['ILLNESS', 'FUNERAL', 'VILLAGE_WORKS', 'OTHER'];

export function RecordMeeting({ groupId, fixing }: { groupId: string; fixing?: string }) {
  const answer = useQuery(MeetingSetupDocument, { groupId });
  const group = answer.data?.group;
  const setup = useMemo<Setup | null>(
    () =>
      group
        ? {
            groupId: group.id,
            currency: group.currency,
            cash: group.books.balances.cash,
            members: group.members.nodes,
            loans: group.loans,
            rules: group.constitution,
          }
        : null,
    [group],
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (!setup || draft) return;
    if (fixing) void outboxMeeting(fixing).then((kept) => kept && setDraft(kept.draft as Draft));
    else setDraft(newDraft(setup, crypto.randomUUID(), cambodiaToday()));
  }, [setup, fixing, draft]);

  if (answer.error && !answer.data) return <Problem error={answer.error} retry={answer.reload} />;
  if (!setup || !draft) return <Loading />;
  return <MeetingForm setup={setup} draft={draft} setDraft={setDraft} fromPhone={answer.fromPhone} />;
}

function MeetingForm({
  setup,
  draft,
  setDraft,
  fromPhone,
}: {
  setup: Setup;
  draft: Draft;
  setDraft: (d: Draft) => void;
  fromPhone: boolean;
}) {
  const t = useT();
  const { route } = useLocation();
  const [reviewing, setReviewing] = useState(false);
  const [tried, setTried] = useState(false);
  const checked = checkDraft(setup, draft);
  const problems = tried ? checked.problems : {};
  const members = membersOn(setup, draft.date);
  const m$ = (amount: bigint | string) => money(amount, setup.currency);
  const update = (change: Partial<Draft>) => setDraft({ ...draft, ...change });

  if (reviewing)
    return (
      <>
        <h1>{t('summary')}</h1>
        <p class="big">{formatDate(draft.date, t.language)}</p>
        <dl class="summary">
          <dt>{t('cashBefore')}</dt>
          <dd>{m$(checked.cashBefore)}</dd>
          <dt>{t('cashIn')}</dt>
          <dd>+ {m$(checked.cashIn)}</dd>
          <dt>{t('cashOut')}</dt>
          <dd>− {m$(checked.cashOut)}</dd>
          <dt>{t('cashAfter')}</dt>
          <dd class="big">{m$(checked.cashAfter)}</dd>
          <dt>{t('attendance')}</dt>
          <dd>
            {checked.input.attendance.filter((a) => a.status !== 'ABSENT').length} / {checked.input.attendance.length}
          </dd>
        </dl>
        <div class="actions">
          <button type="button" class="button" onClick={() => setReviewing(false)}>
            {t('back')}
          </button>
          <button
            type="button"
            class="button primary"
            onClick={async () => {
              await keepMeeting(checked.input, draft);
              route('/');
            }}
          >
            <Icon name="check" /> {t('confirmMeeting')}
          </button>
        </div>
      </>
    );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (Object.keys(checked.problems).length === 0) setReviewing(true);
      }}
    >
      <h1>{t('recordMeeting')}</h1>
      <FromPhone shown={fromPhone} />
      <label class="field">
        <span>{t('meetingDate')}</span>
        <input
          type="date"
          value={draft.date}
          max={cambodiaToday()}
          required
          onInput={(e) => update({ date: e.currentTarget.value })}
        />
      </label>
      {tried && Object.keys(checked.problems).length > 0 && (
        <p role="alert" class="error">
          {t('fixBelow')}
        </p>
      )}
      <ProblemText problems={problems} field="cash" />

      <h2>{t('attendance')}</h2>
      <ul class="members-form">
        {members.map((m) => {
          const line = draft.lines[m.id]!;
          const setLine = (change: Partial<typeof line>) =>
            update({ lines: { ...draft.lines, [m.id]: { ...line, ...change } } });
          const loans = setup.loans.filter((l) => l.member.id === m.id);
          return (
            <li key={m.id} class="member-card">
              <div class="member-head">
                <strong>{m.name}</strong>
                <span class="note">{t.say('memberSavings')(m$(m.savings))}</span>
              </div>
              <AttendanceChoice
                group={`attendance-${m.id}`}
                name={m.name}
                status={line.status}
                onChange={(s) => update({ lines: { ...draft.lines, [m.id]: withStatus(setup, line, s) } })}
              />
              <div class="amounts">
                <Amount
                  label={t.say('savingOf')(m.name)}
                  short={t('saving')}
                  value={line.saving}
                  field={`saving:${m.id}`}
                  problems={problems}
                  onInput={(v) => setLine({ saving: v })}
                />
                <Amount
                  label={t.say('socialFundOf')(m.name)}
                  short={t('socialFund')}
                  value={line.social}
                  field={`social:${m.id}`}
                  problems={problems}
                  onInput={(v) => setLine({ social: v })}
                />
                <Amount
                  label={t.say('fineOf')(m.name)}
                  short={t('fine')}
                  value={line.fine}
                  field={`fine:${m.id}`}
                  problems={problems}
                  onInput={(v) => setLine({ fine: v })}
                />
                {loans.map((l) => (
                  <Amount
                    key={l.id}
                    label={t.say('repaymentOf')(m.name)}
                    short={`${t('repayment')} (${m$(l.outstanding)})`}
                    value={draft.repayments[l.id] ?? '0'}
                    field={`repayment:${l.id}`}
                    problems={problems}
                    onInput={(v) => update({ repayments: { ...draft.repayments, [l.id]: v } })}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ul>

      <h2>{t('newLoans')}</h2>
      {draft.loans.map((loan, i) => {
        const setLoan = (change: Partial<typeof loan>) =>
          update({ loans: draft.loans.map((l, j) => (j === i ? { ...l, ...change } : l)) });
        return (
          <div key={loan.id} class="entry-card">
            <label class="field">
              <span>{t('borrower')}</span>
              <select value={loan.memberId} onChange={(e) => setLoan({ memberId: e.currentTarget.value })}>
                <option value="">—</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <ProblemText problems={problems} field={`loan:${loan.id}:member`} />
            <Amount
              label={t('amount')}
              short={t('amount')}
              value={loan.amount}
              field={`loan:${loan.id}:amount`}
              problems={problems}
              onInput={(v) => setLoan({ amount: v })}
            />
            <label class="field">
              <span>{t('termMonths')}</span>
              <input inputMode="numeric" value={loan.term} onInput={(e) => setLoan({ term: e.currentTarget.value })} />
            </label>
            <ProblemText problems={problems} field={`loan:${loan.id}:term`} />
            <button
              type="button"
              class="button small"
              onClick={() => update({ loans: draft.loans.filter((_, j) => j !== i) })}
            >
              {t('remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        class="button"
        onClick={() =>
          update({
            loans: [
              ...draft.loans,
              { id: crypto.randomUUID(), memberId: '', amount: '', term: String(setup.rules?.maxLoanTermMonths ?? 6) },
            ],
          })
        }
      >
        <Icon name="plus" /> {t('addLoan')}
      </button>

      <h2>{t('payouts')}</h2>
      {draft.payouts.map((payout, i) => {
        const setPayout = (change: Partial<typeof payout>) =>
          update({ payouts: draft.payouts.map((p, j) => (j === i ? { ...p, ...change } : p)) });
        return (
          <div key={payout.id} class="entry-card">
            <label class="field">
              <span>{t('borrower')}</span>
              <select value={payout.memberId} onChange={(e) => setPayout({ memberId: e.currentTarget.value })}>
                <option value="">—</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <ProblemText problems={problems} field={`payout:${payout.id}:member`} />
            <Amount
              label={t('amount')}
              short={t('amount')}
              value={payout.amount}
              field={`payout:${payout.id}:amount`}
              problems={problems}
              onInput={(v) => setPayout({ amount: v })}
            />
            <label class="field">
              <span>{t('reason')}</span>
              <select
                value={payout.reason}
                onChange={(e) => setPayout({ reason: e.currentTarget.value as PayoutReason })}
              >
                {REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(r)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              class="button small"
              onClick={() => update({ payouts: draft.payouts.filter((_, j) => j !== i) })}
            >
              {t('remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        class="button"
        onClick={() =>
          update({
            payouts: [...draft.payouts, { id: crypto.randomUUID(), memberId: '', amount: '', reason: 'ILLNESS' }],
          })
        }
      >
        <Icon name="plus" /> {t('addPayout')}
      </button>

      <h2>{t('minutes')}</h2>
      <MinutesLines
        lines={draft.minutes}
        onChange={(minutes) => update({ minutes })}
        problem={(i) => <ProblemText problems={problems} field={`minutes:${i}`} />}
      />

      <div class="actions sticky">
        <button type="submit" class="button primary">
          {t('checkMeeting')}
        </button>
      </div>
    </form>
  );
}

function Amount({
  label,
  short,
  value,
  field,
  problems,
  onInput,
}: {
  label: string;
  short: string;
  value: string;
  field: string;
  problems: Problems;
  onInput: (value: string) => void;
}) {
  const id = `amount-${field.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return (
    <div class="field amount">
      <label for={id}>{short}</label>
      <input
        id={id}
        aria-label={label}
        inputMode="decimal"
        value={value}
        aria-invalid={problems[field] ? 'true' : undefined}
        aria-describedby={problems[field] ? `${id}-problem` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <ProblemText problems={problems} field={field} id={`${id}-problem`} />
    </div>
  );
}

function ProblemText({ problems, field, id }: { problems: Problems; field: string; id?: string }) {
  const t = useT();
  const problem = problems[field];
  if (!problem) return null;
  const text =
    problem.key === 'errLoanTooBig'
      ? t.say('errLoanTooBig')(String(problem.value))
      : problem.key === 'errLoanTerm'
        ? t.say('errLoanTerm')(Number(problem.value))
        : t(problem.key);
  return <FieldError id={id} text={text} />;
}
