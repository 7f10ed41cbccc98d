/**
 * Where a sector's services reach, at a glance: for a province, district or commune, its figures,
 * a table of the places one level down (drill down by choosing one) and one of every sector there,
 * groups and members reached — a count resting on fewer than 3 groups is shown as "fewer than 3",
 * never a number — and the communes with active groups that no service of the sector reached in 12
 * months. The figures come in one request (the coverage grid), whatever sector is shown.
 */
import { useLocation } from 'preact-iso';
import {
  CoverageGapsOfDocument,
  CoverageGridOfDocument,
  type CoverageCellFragment,
  type CoverageGridOfQuery,
  type Sector,
} from '../generated/graphql.ts';
import { useT } from '../i18n/i18n.tsx';
import { heatLevel, mostShown, type Count } from './heat.ts';
import { PlacePicker } from '../shell/PlacePicker.tsx';
import { Loading, Problem } from '../shell/Status.tsx';
import { useQuery } from '../shell/useQuery.ts';

export const SECTORS: Sector[] = [
  'EDUCATION',
  'HEALTH',
  'AGRICULTURE_AND_WATER',
  'FISHERIES',
  'WATER_SANITATION_HYGIENE',
  'LAND',
  'GENDER',
  'DECENTRALISATION',
  'SOCIAL_PROTECTION_NUTRITION',
  'FORESTRY',
  'HIV_AIDS',
  'DISABILITY',
  'LEGAL_REFORM',
  'PRIVATE_SECTOR',
  'PLANNING_POVERTY_REDUCTION',
  'MINE_ACTION',
];

function CountText({ count }: { count: Count }) {
  const t = useT();
  return <>{count.suppressed ? t('fewerThan3') : String(count.value ?? 0)}</>;
}

/** A count in a table cell, shaded by how much it reaches (the shade only repeats the number). */
function HeatCell({ count, most }: { count: Count; most: number }) {
  return (
    <td class={`num heat heat-${heatLevel(count, most)}`}>
      <CountText count={count} />
    </td>
  );
}

/** What the shades mean, under a shaded table. */
function HeatKey() {
  const t = useT();
  return (
    <p class="heat-key note">
      <span class="heat heat-1">{t('fewerThan3')}</span>
      <span class="heat heat-2">{t('heatSome')}</span>
      <span class="heat heat-4">{t('heatMost')}</span>
    </p>
  );
}

/** A place code as the picker holds it: "0209" → province 02, district 0209. */
const pickerOf = (code: string) => ({
  province: code.slice(0, 2),
  district: code.length >= 4 ? code.slice(0, 4) : '',
  commune: code.length >= 6 ? code.slice(0, 6) : '',
});

export function Coverage({ sectors }: { sectors: Sector[] }) {
  const t = useT();
  // The choice lives in the address (?sector=…&place=…), so a view can be bookmarked and shared.
  const { query, route } = useLocation();
  const sector = (SECTORS.find((s) => s === query.sector) ?? sectors[0] ?? 'WATER_SANITATION_HYGIENE') as Sector;
  const deepest = /^\d{2}(\d{2}(\d{2})?)?$/.test(query.place ?? '') ? query.place! : '';
  const place = pickerOf(deepest);
  const show = (next: { sector?: Sector; place?: string }) =>
    route(`/?sector=${next.sector ?? sector}&place=${next.place ?? deepest}`, true);
  const setSector = (s: Sector) => show({ sector: s });
  // Her NGO's own sectors first, then the rest.
  const ordered = [...sectors, ...SECTORS.filter((s) => !sectors.includes(s))];
  return (
    <>
      <h1>{t('whereServicesReach')}</h1>
      <div class="panel">
        <label class="field">
          <span>{t('sector')}</span>
          <select value={sector} onChange={(e) => setSector(e.currentTarget.value as Sector)}>
            {ordered.map((s) => (
              <option key={s} value={s}>
                {t(s)}
              </option>
            ))}
          </select>
        </label>
        <PlacePicker {...place} choose={(_level, code) => show({ place: code })} />
      </div>
      {deepest && (
        <>
          <Reach placeCode={deepest} sector={sector} ordered={ordered} />
          <Gaps placeCode={deepest} sector={sector} />
        </>
      )}
    </>
  );
}

type Grid = CoverageGridOfQuery['coverageGrid'];

/** The place's figures for the sector, the places below for it, and every sector here: one request. */
function Reach({ placeCode, sector, ordered }: { placeCode: string; sector: Sector; ordered: Sector[] }) {
  const answer = useQuery(CoverageGridOfDocument, { placeCode });
  const grid = answer.data?.coverageGrid;
  if (answer.error && !grid) return <Problem error={answer.error} retry={answer.reload} />;
  if (!grid) return <Loading />;
  const column = grid.sectors.indexOf(sector);
  return (
    <>
      <Summary grid={grid} cell={grid.total[column]!} sector={sector} />
      {grid.rows.length > 0 && <Below grid={grid} column={column} sector={sector} />}
      <EverySector grid={grid} ordered={ordered} sector={sector} />
    </>
  );
}

const nameOf = (language: string, p: { nameKm: string; nameEn: string }) => (language === 'km' ? p.nameKm : p.nameEn);

function Summary({ grid, cell, sector }: { grid: Grid; cell: CoverageCellFragment; sector: Sector }) {
  const t = useT();
  return (
    <section aria-labelledby="coverage-here" class="panel">
      <h2 id="coverage-here">
        {nameOf(t.language, grid.place)} · {t(sector)}
      </h2>
      <dl class="summary">
        <dt>{t('communesReached')}</dt>
        <dd>{cell.communesReached}</dd>
        <dt>{t('groupsReached')}</dt>
        <dd>
          <CountText count={cell.groupsReached} />
        </dd>
        <dt>{t('membersReached')}</dt>
        <dd>
          <CountText count={cell.membersReached} />
        </dd>
      </dl>
    </section>
  );
}

/** The places one level down, a row each, for the sector shown. */
function Below({ grid, column, sector }: { grid: Grid; column: number; sector: Sector }) {
  const t = useT();
  const mostGroups = mostShown(grid.rows.map((r) => r.cells[column]!.groupsReached));
  const mostMembers = mostShown(grid.rows.map((r) => r.cells[column]!.membersReached));
  return (
    <section aria-labelledby="by-place" class="panel">
      <h2 id="by-place">{t('byPlace')}</h2>
      <div class="table-scroll">
        <table class="ledger">
          <caption class="visually-hidden">{`${t('whereServicesReach')} · ${t(sector)}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('place')}</th>
              <th scope="col">{t('groupsReached')}</th>
              <th scope="col">{t('membersReached')}</th>
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.place.code}>
                <th scope="row">{nameOf(t.language, row.place)}</th>
                <HeatCell count={row.cells[column]!.groupsReached} most={mostGroups} />
                <HeatCell count={row.cells[column]!.membersReached} most={mostMembers} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatKey />
    </section>
  );
}

/** The place across every sector (her NGO's first): which reach here and which do not; a sector's name shows it. */
function EverySector({ grid, ordered, sector }: { grid: Grid; ordered: Sector[]; sector: Sector }) {
  const t = useT();
  const cellOf = (s: Sector) => grid.total[grid.sectors.indexOf(s)]!;
  const mostGroups = mostShown(ordered.map((s) => cellOf(s).groupsReached));
  const mostMembers = mostShown(ordered.map((s) => cellOf(s).membersReached));
  return (
    <section aria-labelledby="every-sector" class="panel">
      <h2 id="every-sector">{t('everySectorHere')}</h2>
      <div class="table-scroll">
        <table class="ledger">
          <caption class="visually-hidden">{`${t('everySectorHere')} · ${nameOf(t.language, grid.place)}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sector')}</th>
              <th scope="col">{t('groupsReached')}</th>
              <th scope="col">{t('membersReached')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((s) => (
              <tr key={s}>
                <th scope="row">
                  <a href={`/?sector=${s}&place=${grid.place.code}`} aria-current={s === sector ? 'true' : undefined}>
                    {t(s)}
                  </a>
                </th>
                <HeatCell count={cellOf(s).groupsReached} most={mostGroups} />
                <HeatCell count={cellOf(s).membersReached} most={mostMembers} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatKey />
    </section>
  );
}

function Gaps({ placeCode, sector }: { placeCode: string; sector: Sector }) {
  const t = useT();
  const answer = useQuery(CoverageGapsOfDocument, { placeCode, sector });
  const gaps = answer.data?.coverageGaps;
  if (answer.error && !gaps) return <Problem error={answer.error} retry={answer.reload} />;
  if (!gaps) return <Loading />;
  return (
    <section aria-labelledby="gaps" class="panel">
      <h2 id="gaps">{t('gaps')}</h2>
      {gaps.length === 0 && <p class="note">{t('noGaps')}</p>}
      <ul class="rows">
        {gaps.map((g) => (
          <li key={g.commune.code}>
            <span>{t.language === 'km' ? g.commune.nameKm : g.commune.nameEn}</span>
            <span>
              {t('activeGroups')}: <CountText count={g.activeGroups} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
