/**
 * A federation coordinator's overview: her federation and everything below it — groups, members,
 * women, savings and loans outstanding per currency, PAR30, groups needing help — how they moved
 * over the last 12 months (Rollup.history, as charts with their tables), and her member groups
 * in a table she sorts by savings, PAR30 or last meeting and filters to those needing help.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  CoordinatorOverviewDocument,
  FederationReportDocument,
  type CoordinatorOverviewQuery,
  type Currency,
} from '../generated/graphql.ts';
import { cambodiaToday, date, money, monthName, percent } from '../format.ts';
import { formatMoney } from '#core/money.ts';
import { useT } from '../i18n/i18n.tsx';
import { Icon } from '../shell/Icon.tsx';
import { LineChart } from '../shell/LineChart.tsx';
import { useOnline } from '../shell/hooks.ts';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';

type Federation = NonNullable<CoordinatorOverviewQuery['federation']>;
type Row = Federation['dashboard']['nodes'][number];
type SortKey = 'savings' | 'par30' | 'lastMeeting';

/** PAR30 may be withheld (null): shown as a dash. */
const par30 = (basisPoints: number | null | undefined) =>
  basisPoints === null || basisPoints === undefined ? '—' : percent(basisPoints);

export function Overview({ federationId }: { federationId: string }) {
  const t = useT();
  const answer = useQuery(CoordinatorOverviewDocument, { federationId });
  const federation = answer.data?.federation;
  if (answer.error && !federation) return <Problem error={answer.error} retry={answer.reload} />;
  if (!federation) return <Loading />;
  const rollup = federation.rollup;
  return (
    <>
      <h1>{federation.name}</h1>
      <p class="note">{t.language === 'km' ? federation.place.nameKm : federation.place.nameEn}</p>
      <FromPhone shown={answer.fromPhone} />
      <Report federationId={federationId} name={federation.name} />
      <section aria-labelledby="totals" class="cards">
        <h2 id="totals" class="visually-hidden">
          {t('federationOverview')}
        </h2>
        <Card icon="home" label={t('groupsCount')} value={String(rollup.groups)} />
        <Card icon="members" label={t('membersCount')} value={String(rollup.members)} />
        <Card icon="members" label={t('womenCount')} value={String(rollup.women ?? '—')} />
        <Card icon="alert" label={t('needingAttention')} value={String(rollup.groupsNeedingAttention ?? '—')} />
        {rollup.byCurrency.map((c) => (
          <Fragment key={c.currency}>
            <Card
              icon="cash"
              label={`${t('savings')} (${c.currency})`}
              value={c.savings ? money(c.savings, c.currency) : '—'}
            />
            <Card
              icon="loan"
              label={`${t('loansOutstanding')} (${c.currency})`}
              value={c.loansOutstanding ? money(c.loansOutstanding, c.currency) : '—'}
            />
            <Card icon="alert" label={`${t('par30')} (${c.currency})`} value={par30(c.par30BasisPoints)} />
          </Fragment>
        ))}
      </section>
      {federation.children.nodes.length > 0 && (
        <section aria-labelledby="federations-below" class="panel">
          <h2 id="federations-below">{t('federationsBelow')}</h2>
          <ul class="rows">
            {federation.children.nodes.map((c) => (
              <li key={c.id}>
                <a href={`/federation/${c.id}`}>{c.name}</a>
                <span>{t.say('groupsAndMembers')(c.rollup.groups, c.rollup.members)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Trends federation={federation} />
      <MemberGroups rows={federation.dashboard.nodes} more={federation.dashboard.pageInfo.hasNextPage} />
    </>
  );
}

/**
 * The federation's report: a CSV file (UTF-8 with a byte-order mark, so Excel shows Khmer; a
 * currency column beside the money) and this page printed.
 */
function Report({ federationId, name }: { federationId: string; name: string }) {
  const t = useT();
  const online = useOnline();
  const change = useChange();
  async function download() {
    await change.run(async () => {
      const answer = await send(FederationReportDocument, { federationId });
      const csv = answer.federation?.reportCsv ?? '';
      const file = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = `${name} ${cambodiaToday()}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  }
  return (
    <div class="actions no-print">
      <button type="button" class="button" onClick={() => void download()} disabled={!online || change.busy}>
        <Icon name="book" /> {t('downloadCsv')}
      </button>
      <button type="button" class="button" onClick={() => window.print()}>
        <Icon name="print" /> {t('print')}
      </button>
      <Refusal error={change.error} />
    </div>
  );
}

function Card({
  icon,
  label,
  value,
}: {
  icon: 'home' | 'members' | 'alert' | 'cash' | 'loan';
  label: string;
  value: string;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a figure and its name, not a form: a fieldset would say otherwise.
    <div class="card" role="group" aria-label={label}>
      <span class="card-label">
        <Icon name={icon} /> {label}
      </span>
      <span class="card-value">{value}</span>
    </div>
  );
}

function Trends({ federation }: { federation: Federation }) {
  const t = useT();
  const history = federation.rollup.history;
  const labels = history.map((m) => monthName(m.month, t.language));
  // "3/26": months as people write them, short enough for a phone's axis.
  const axisLabels = history.map((m) => `${Number(m.month.slice(5))}/${m.month.slice(2, 4)}`);
  const known = history.filter((m) => m.known).length;
  const currencies = federation.rollup.byCurrency.map((c) => c.currency);
  const count = (n: number) => n.toLocaleString('en-US');
  return (
    <section aria-labelledby="trends" class="panel">
      <h2 id="trends">{t('lastTwelveMonths')}</h2>
      {known <= 1 && <p class="note">{t('noHistoryYet')}</p>}
      {currencies.map((currency: Currency) => (
        <LineChart
          key={currency}
          title={t.say('savingsOverMonths')(currency)}
          labels={labels}
          axisLabels={axisLabels}
          series={[
            {
              label: t('savings'),
              values: history.map((m) => {
                const line = m.byCurrency.find((c) => c.currency === currency);
                return line?.savings ? Number(line.savings) / (currency === 'USD' ? 100 : 1) : null;
              }),
            },
          ]}
          format={(v) => formatMoney(BigInt(Math.round(v * (currency === 'USD' ? 100 : 1))), currency)}
        />
      ))}
      <LineChart
        title={t('membersOverMonths')}
        labels={labels}
        axisLabels={axisLabels}
        series={[
          { label: t('membersCount'), values: history.map((m) => m.members ?? null) },
          { label: t('womenCount'), values: history.map((m) => m.women ?? null) },
        ]}
        format={count}
      />
    </section>
  );
}

function MemberGroups({ rows, more }: { rows: Row[]; more: boolean }) {
  const t = useT();
  const [sort, setSort] = useState<SortKey>('par30');
  const [onlyNeedingHelp, setOnlyNeedingHelp] = useState(false);
  const shown = rows
    .filter((r) => !onlyNeedingHelp || r.needsAttention)
    .sort((a, b) => {
      if (sort === 'savings') {
        const d = BigInt(b.savings) - BigInt(a.savings);
        return d > 0n ? 1 : d < 0n ? -1 : 0;
      }
      if (sort === 'par30') return b.par30BasisPoints - a.par30BasisPoints;
      // Longest without a meeting first: they need the visit.
      return (a.lastMeetingOn ?? '').localeCompare(b.lastMeetingOn ?? '');
    });
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort === key ? 'descending' : undefined}>
      <button type="button" class="sort" onClick={() => setSort(key)}>
        {label}
      </button>
    </th>
  );
  return (
    <section aria-labelledby="member-groups" class="panel">
      <h2 id="member-groups">{t('memberGroups')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={onlyNeedingHelp}
          onChange={(e) => setOnlyNeedingHelp(e.currentTarget.checked)}
        />
        {t('onlyNeedingHelp')}
      </label>
      {more && <p class="note">{t.say('firstGroupsOnly')(rows.length)}</p>}
      <div class="table-scroll">
        <table class="ledger groups-table">
          <caption class="visually-hidden">{t('memberGroups')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('group')}</th>
              {header('savings', t('savings'))}
              {header('par30', 'PAR30')}
              {header('lastMeeting', t('lastMeetingShort'))}
              <th scope="col">{t('why')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.group.id} class={r.needsAttention ? 'attention' : undefined}>
                <th scope="row">
                  <a href={`/group/${r.group.id}`}>{r.group.name}</a>
                  <br />
                  <span class="note">{t.say('memberCount')(r.group.memberCount)}</span>
                </th>
                <td class="num">{money(r.savings, r.currency)}</td>
                <td class="num">{par30(r.par30BasisPoints)}</td>
                <td>{r.lastMeetingOn ? date(r.lastMeetingOn, t.language) : t('noMeetingYet')}</td>
                <td>
                  {r.needsAttention
                    ? (t.language === 'km' ? r.attentionReasonsKm : r.attentionReasons).join('; ')
                    : t('allWell')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
