/**
 * Choosing a place from the national gazetteer: province, then district, then commune. A list
 * still loading shows as its field, empty and busy, so nothing below it moves when it arrives.
 */
import { PlaceChildrenDocument, ProvincesDocument } from '../generated/graphql.ts';
import { useT } from '../i18n/i18n.tsx';
import { Problem } from './Status.tsx';
import { useQuery } from './useQuery.ts';

export type Level = 'province' | 'district' | 'commune';

export function PlacePicker({
  province,
  district,
  commune,
  choose,
}: {
  province: string;
  district: string;
  commune: string;
  choose: (level: Level, code: string) => void;
}) {
  const provinces = useQuery(ProvincesDocument, {});
  if (provinces.error && !provinces.data) return <Problem error={provinces.error} retry={provinces.reload} />;
  return (
    <>
      <PlaceSelect level="province" places={provinces.data?.provinces} value={province} choose={choose} />
      {province && <Children level="district" parent={province} value={district} choose={choose} />}
      {district && <Children level="commune" parent={district} value={commune} choose={choose} />}
    </>
  );
}

function Children({
  level,
  parent,
  value,
  choose,
}: {
  level: Level;
  parent: string;
  value: string;
  choose: (level: Level, code: string) => void;
}) {
  const answer = useQuery(PlaceChildrenDocument, { code: parent });
  const places = answer.data?.place?.children;
  if (answer.error && !places) return <Problem error={answer.error} retry={answer.reload} />;
  return <PlaceSelect level={level} places={places} value={value} choose={choose} />;
}

function PlaceSelect({
  level,
  places,
  value,
  choose,
}: {
  level: Level;
  /** Undefined while the list loads. */
  places: { code: string; nameKm: string; nameEn: string }[] | undefined;
  value: string;
  choose: (level: Level, code: string) => void;
}) {
  const t = useT();
  return (
    <label class="field">
      <span>{t(level)}</span>
      <select
        value={places ? value : ''}
        required
        disabled={!places}
        aria-busy={!places}
        onChange={(e) => choose(level, e.currentTarget.value)}
      >
        <option value="">{places ? t('choose') : t('loading')}</option>
        {places?.map((p) => (
          <option key={p.code} value={p.code}>
            {t.language === 'km' ? p.nameKm : p.nameEn}
          </option>
        ))}
      </select>
    </label>
  );
}
