/**
 * The group's constitution and its officers: the rules in force and their earlier versions, a new
 * version written by any officer (in force from its date; the API keeps every version), who holds
 * each office and who held it before. Appointing is the president's (or the federation's): she
 * gives an office to someone who served the group before or invites someone new by name and phone
 * in one step. Needs a network to change anything; reads from the phone without one.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  GroupRulesDocument,
  SetConstitutionDocument,
  type ConstitutionFieldsFragment,
  type Currency,
  type GroupRulesQuery,
  type InterestMethod,
} from '../generated/graphql.ts';
import { cambodiaToday, date, money } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Field } from '../shell/Field.tsx';
import { Icon } from '../shell/Icon.tsx';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';
import { ScheduleFields } from '../shell/ScheduleFields.tsx';
import {
  checkRules,
  percentText,
  rulesForm,
  type RulesField,
  type RulesForm,
  type RulesProblem,
} from './constitution-form.ts';
import { Officers } from './Officers.tsx';

export type RulesGroup = NonNullable<GroupRulesQuery['group']>;

export function RulesAndOfficers({ groupId }: { groupId: string }) {
  const t = useT();
  const answer = useQuery(GroupRulesDocument, { groupId });
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (!group || !answer.data) return <Loading />;
  const current = group.constitution;
  const others = group.constitutionHistory.filter((v) => v.effectiveFrom !== current?.effectiveFrom);
  return (
    <>
      <h1>{t('rulesAndOfficers')}</h1>
      <FromPhone shown={answer.fromPhone} />
      <section aria-labelledby="constitution" class="panel">
        <h2 id="constitution">{t('constitution')}</h2>
        {current ? <Rules rules={current} currency={group.currency} /> : <p class="note">{t('noConstitution')}</p>}
        {others.length > 0 && (
          <>
            <h3>{t('otherVersions')}</h3>
            <ul class="rows">
              {others.map((v) => (
                <li key={v.effectiveFrom}>{t.say('inForceFrom')(date(v.effectiveFrom, t.language))}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <NewVersion
        key={current?.effectiveFrom ?? 'none'}
        groupId={groupId}
        currency={group.currency}
        current={current}
        done={answer.reload}
      />
      <Officers group={group} viewer={answer.data.viewer} changed={answer.reload} />
    </>
  );
}

function Rules({ rules, currency }: { rules: ConstitutionFieldsFragment; currency: Currency }) {
  const t = useT();
  const m = (amount: string) => money(amount, currency);
  const rows: [string, string][] = [
    [t('meetingsHeld'), t.language === 'km' ? rules.meetingSchedule.descriptionKm : rules.meetingSchedule.description],
    [t('regularSaving'), m(rules.regularSaving)],
    [t('socialFundContribution'), m(rules.socialFundContribution)],
    [t('monthlyInterest'), t.say('percentAMonth')(percentText(rules.monthlyInterestBasisPoints))],
    [t('interestMethod'), t(rules.interestMethod)],
    [t('maxLoanToSavings'), t.say('timesSavings')(rules.maxLoanToSavingsPercent)],
    [t('maxLoanTerm'), t.say('monthsCount')(rules.maxLoanTermMonths)],
    [t('absenceFine'), m(rules.absenceFine)],
    [t('lateRepaymentFine'), m(rules.lateRepaymentFine)],
  ];
  return (
    <>
      <p>{t.say('inForceFrom')(date(rules.effectiveFrom, t.language))}</p>
      <dl class="summary">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}

const METHODS: InterestMethod[] = ['FLAT', 'DECLINING_BALANCE'];

function NewVersion({
  groupId,
  currency,
  current,
  done,
}: {
  groupId: string;
  currency: Currency;
  current: ConstitutionFieldsFragment | null;
  done: () => void;
}) {
  const t = useT();
  const online = useOnline();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<RulesForm>(() => rulesForm(current, currency, cambodiaToday()));
  const [problems, setProblems] = useState<Partial<Record<RulesField, RulesProblem>>>({});
  // Made once for this version and kept until it is saved, so a retry of a lost answer repeats it.
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  const set = (patch: Partial<RulesForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(e: Event) {
    e.preventDefault();
    const checked = checkRules(form, groupId, currency, key);
    setProblems(checked.problems ?? {});
    if (!checked.input) return;
    const input = checked.input;
    await change.run(() => send(SetConstitutionDocument, { input }), done);
  }

  if (!open)
    return (
      <button type="button" class="button" aria-expanded="false" onClick={() => setOpen(true)}>
        <Icon name="book" /> {t('newVersion')}
      </button>
    );

  // The problem is said beside the box, not inside its label, so the box keeps its own name.
  const text = (field: RulesField, label: string, inputMode: 'numeric' | 'decimal' = 'numeric') => (
    <Field id={`rules-${field}`} label={label} problem={problems[field] ? t(problems[field]) : null}>
      {(a11y) => (
        <input
          inputMode={inputMode}
          value={form[field]}
          onInput={(e) => set({ [field]: e.currentTarget.value })}
          {...a11y}
        />
      )}
    </Field>
  );
  const money$ = currency === 'USD' ? 'decimal' : 'numeric';

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="new-version">
      <h2 id="new-version">{t('newVersion')}</h2>
      {!online && <p class="note">{t('needsNetwork')}</p>}
      <label class="field">
        <span>{t('effectiveFrom')}</span>
        <input
          type="date"
          required
          value={form.effectiveFrom}
          onInput={(e) => set({ effectiveFrom: e.currentTarget.value })}
        />
      </label>
      <ScheduleFields value={form} set={set} />
      {text('regularSaving', t('regularSaving'), money$)}
      {text('socialFundContribution', t('socialFundContribution'), money$)}
      {text('interestPercent', t('monthlyInterest'), 'decimal')}
      <fieldset class="choice">
        <legend>{t('interestMethod')}</legend>
        {METHODS.map((m) => (
          <label key={m} class={form.interestMethod === m ? 'toggle on' : 'toggle'}>
            <input
              type="radio"
              name="interest-method"
              checked={form.interestMethod === m}
              onChange={() => set({ interestMethod: m })}
            />
            {t(m)}
          </label>
        ))}
      </fieldset>
      {text('maxLoanToSavingsPercent', t('maxLoanToSavings'))}
      {text('maxLoanTermMonths', t('maxLoanTerm'))}
      {text('absenceFine', t('absenceFine'), money$)}
      {text('lateRepaymentFine', t('lateRepaymentFine'), money$)}
      <Refusal error={change.error} />
      <button type="submit" class="button primary" disabled={!online || change.busy}>
        <Icon name="check" /> {t('saveNewVersion')}
      </button>
    </form>
  );
}
