/** A loan officer finds groups by province, district or commune: each group's public facts, and a way to ask it for access. */
import { useState } from 'preact/hooks';
import { BankDirectoryDocument } from '../generated/graphql.ts';
import { useT } from '../i18n/i18n.tsx';
import { PlacePicker } from '../shell/PlacePicker.tsx';
import { Loading, Problem } from '../shell/Status.tsx';
import { useQuery } from '../shell/useQuery.ts';

export function Directory() {
  const t = useT();
  const [place, setPlace] = useState({ province: '', district: '', commune: '' });
  const deepest = place.commune || place.district || place.province;
  return (
    <>
      <h1>{t('findGroups')}</h1>
      <div class="panel">
        <PlacePicker
          {...place}
          choose={(level, code) =>
            setPlace((p) =>
              level === 'province'
                ? { province: code, district: '', commune: '' }
                : level === 'district'
                  ? { ...p, district: code, commune: '' }
                  : { ...p, commune: code },
            )
          }
        />
      </div>
      {deepest && <Groups placeCode={deepest} />}
    </>
  );
}

function Groups({ placeCode }: { placeCode: string }) {
  const t = useT();
  const answer = useQuery(BankDirectoryDocument, { placeCode });
  const groups = answer.data?.groupDirectory.nodes;
  if (answer.error && !groups) return <Problem error={answer.error} retry={answer.reload} />;
  if (!groups) return <Loading />;
  return (
    <section aria-labelledby="directory" class="panel">
      <h2 id="directory">{t('memberGroups')}</h2>
      <ul class="rows">
        {groups.map((g) => (
          <li key={g.id}>
            <span>
              <strong>{g.name}</strong>
              <br />
              {t.say('memberCount')(g.memberCount)} · {t.say('ageMonths')(g.ageInMonths)} ·{' '}
              {t.language === 'km' ? g.meetingSchedule.descriptionKm : g.meetingSchedule.description}
            </span>
            <a class="button small" href={`/ask/${g.id}`} aria-label={t.say('askAccessTo')(g.name)}>
              {t('askAccess')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
