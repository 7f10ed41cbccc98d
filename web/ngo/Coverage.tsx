/**
 * Where a sector's services reach, at a glance: for a province, district or commune, its figures
 * and a table of the places one level down (drill down by choosing one), groups and members
 * reached — a count resting on fewer than 3 groups is shown as "fewer than 3", never a number —
 * and the communes with active groups that no service of the sector reached in 12 months.
 */
import { useLocation } from 'preact-iso';
import {
  CoverageGapsOfDocument,
  CoverageOfDocument,
  PlaceChildrenDocument,
  type Sector,
} from '../generated/graphql.ts';
import { useT } from '../i18n/i18n.tsx';
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

type Count = { suppressed: boolean; value?: number | null };

function CountText({ count }: { count: Count }) {
  const t = useT();
  return <>{count.suppressed ? t('fewerThan3') : String(count.value ?? 0)}</>;
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
          <Summary placeCode={deepest} sector={sector} />
          {deepest.length < 6 && <Below placeCode={deepest} sector={sector} />}
          <Gaps placeCode={deepest} sector={sector} />
        </>
      )}
    </>
  );
}

function Summary({ placeCode, sector }: { placeCode: string; sector: Sector }) {
  const t = useT();
  const answer = useQuery(CoverageOfDocument, { placeCode, sector });
  const c = answer.data?.coverage;
  if (answer.error && !c) return <Problem error={answer.error} retry={answer.reload} />;
  if (!c) return <Loading />;
  return (
    <section aria-labelledby="coverage-here" class="panel">
      <h2 id="coverage-here">
        {t.language === 'km' ? c.place.nameKm : c.place.nameEn} · {t(sector)}
      </h2>
      <dl class="summary">
        <dt>{t('communesReached')}</dt>
        <dd>{c.communesReached}</dd>
        <dt>{t('groupsReached')}</dt>
        <dd>
          <CountText count={c.groupsReached} />
        </dd>
        <dt>{t('membersReached')}</dt>
        <dd>
          <CountText count={c.membersReached} />
        </dd>
      </dl>
    </section>
  );
}

/** The places one level down, a row each. */
function Below({ placeCode, sector }: { placeCode: string; sector: Sector }) {
  const t = useT();
  const answer = useQuery(PlaceChildrenDocument, { code: placeCode });
  const children = answer.data?.place?.children;
  if (answer.error && !children) return <Problem error={answer.error} retry={answer.reload} />;
  if (!children) return <Loading />;
  return (
    <section aria-labelledby="by-place" class="panel">
      <h2 id="by-place">{t('place')}</h2>
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
            {children.map((p) => (
              <Row key={p.code} code={p.code} name={t.language === 'km' ? p.nameKm : p.nameEn} sector={sector} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Row({ code, name, sector }: { code: string; name: string; sector: Sector }) {
  const answer = useQuery(CoverageOfDocument, { placeCode: code, sector });
  const c = answer.data?.coverage;
  // '…' while it loads; '—' if it could not be read.
  const pending = answer.error ? '—' : '…';
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{c ? <CountText count={c.groupsReached} /> : pending}</td>
      <td>{c ? <CountText count={c.membersReached} /> : pending}</td>
    </tr>
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
