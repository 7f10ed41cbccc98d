/**
 * A member group as its federation's coordinator sees it: its public facts (place, age, members,
 * when it meets), its officers now and the federations it belonged to — never its members' names
 * or books — and moving it to another federation she coordinates (or one below), from a day.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import { CoordinatorGroupDocument, MoveGroupDocument, type CoordinatorGroupQuery } from '../generated/graphql.ts';
import { cambodiaToday, date } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';

type Answer = CoordinatorGroupQuery;
type Group = NonNullable<Answer['group']>;

/** Every federation she may move a group into: those she coordinates and those directly below them. */
const federationsOf = (answer: Answer) => {
  const all = new Map<string, string>();
  for (const f of answer.myFederations) {
    all.set(f.id, f.name);
    for (const c of f.children.nodes) all.set(c.id, c.name);
  }
  return all;
};

export function GroupPage({ groupId }: { groupId: string }) {
  const t = useT();
  const answer = useQuery(CoordinatorGroupDocument, { groupId });
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (answer.data && !group) return <p class="note">{t('groupNotYours')}</p>;
  if (!group || !answer.data) return <Loading />;
  const federations = federationsOf(answer.data);
  const nameOf = (id: string | null | undefined) => (id ? (federations.get(id) ?? '—') : '—');
  return (
    <>
      <h1>{group.name}</h1>
      <FromPhone shown={answer.fromPhone} />
      <section aria-labelledby="group-facts" class="panel">
        <h2 id="group-facts">{t('aboutTheGroup')}</h2>
        <dl class="summary">
          <dt>{t('place')}</dt>
          <dd>{t.language === 'km' ? group.place.nameKm : group.place.nameEn}</dd>
          <dt>{t('formedOn')}</dt>
          <dd>
            {date(group.formedOn, t.language)} · {t.say('ageMonths')(group.ageInMonths)}
          </dd>
          <dt>{t('members')}</dt>
          <dd>{t.say('memberCount')(group.memberCount)}</dd>
          <dt>{t('meets')}</dt>
          <dd>{t.language === 'km' ? group.meetingSchedule.descriptionKm : group.meetingSchedule.description}</dd>
          <dt>{t('federation')}</dt>
          <dd>{nameOf(group.federationId)}</dd>
        </dl>
      </section>
      <section aria-labelledby="group-officers" class="panel">
        <h2 id="group-officers">{t('officersNow')}</h2>
        {group.officers.length === 0 && <p class="note">{t('noOfficersYet')}</p>}
        <ul class="rows">
          {group.officers.map((o) => (
            <li key={o.role}>
              <span>{t(o.role)}</span>
              <span>
                {o.displayName ?? '—'} · {t.say('since')(date(o.from, t.language))}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="group-federations" class="panel">
        <h2 id="group-federations">{t('federationHistory')}</h2>
        <ul class="rows">
          {group.federationHistory.map((m) => (
            <li key={`${m.from}-${m.federationId ?? ''}`}>
              <span>{nameOf(m.federationId)}</span>
              <span>
                {date(m.from, t.language)} – {m.until ? date(m.until, t.language) : t('now')}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <MoveGroup group={group} federations={federations} done={answer.reload} />
    </>
  );
}

function MoveGroup({ group, federations, done }: { group: Group; federations: Map<string, string>; done: () => void }) {
  const t = useT();
  const online = useOnline();
  const choices = [...federations].filter(([id]) => id !== group.federationId);
  const [to, setTo] = useState(choices[0]?.[0] ?? '');
  const [from, setFrom] = useState(cambodiaToday());
  const [key, setKey] = useState(() => crypto.randomUUID());
  const change = useChange();
  if (choices.length === 0) return null;
  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () => send(MoveGroupDocument, { input: { idempotencyKey: key, groupId: group.id, federationId: to, from } }),
      () => {
        setKey(crypto.randomUUID());
        done();
      },
    );
  }
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="move-group">
      <h2 id="move-group">{t('moveGroup')}</h2>
      <label class="field">
        <span>{t('toFederation')}</span>
        <select value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          {choices.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('fromDay')}</span>
        <input type="date" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      <button type="submit" class="button primary" disabled={!online || change.busy || !to}>
        {t('move')}
      </button>
      {!online && <p class="note">{t('needsNetwork')}</p>}
    </form>
  );
}
