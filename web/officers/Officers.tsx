/**
 * Who holds each office and who held it before (leadership rotates: history is kept), and, for the
 * group's president, appointing: an office goes to someone who served the group before (another
 * officer moving office, or a past one coming back) or to someone new, invited by name and phone in
 * one step — she can sign in at once. The API decides who may appoint and says why not.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  AppointOfficerDocument,
  InviteOfficerDocument,
  type GroupRulesQuery,
  type OfficerRole,
} from '../generated/graphql.ts';
import { cambodiaToday, date } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Icon } from '../shell/Icon.tsx';
import { Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import type { RulesGroup } from './RulesAndOfficers.tsx';

const OFFICES: OfficerRole[] = ['PRESIDENT', 'TREASURER', 'SECRETARY'];
const NEW = 'new';

export function Officers({
  group,
  viewer,
  changed,
}: {
  group: RulesGroup;
  viewer: GroupRulesQuery['viewer'];
  changed: () => void;
}) {
  const t = useT();
  const earlier = group.officerHistory.filter((term) => term.until !== null);
  const isPresident = viewer.roles.some(
    (r) => r.tenantType === 'GROUP' && r.tenantId === group.id && r.role === 'PRESIDENT',
  );
  return (
    <section aria-labelledby="officers" class="panel">
      <h2 id="officers">{t('officers')}</h2>
      <ul class="rows">
        {OFFICES.map((office) => {
          const holder = group.officers.find((o) => o.role === office);
          return (
            <li key={office}>
              <span>
                <strong>{t(office)}</strong>
              </span>
              <span>
                {holder
                  ? `${holder.displayName ?? holder.userId} · ${t.say('since')(date(holder.from, t.language))}`
                  : t('vacant')}
              </span>
            </li>
          );
        })}
      </ul>
      {earlier.length > 0 && (
        <>
          <h3>{t('earlierOfficers')}</h3>
          <ul class="rows">
            {earlier.map((term) => (
              <li key={`${term.role}-${term.userId}-${term.from}`}>
                <span>
                  {term.displayName ?? term.userId} · {t(term.role)}
                </span>
                <span>{t.say('served')(date(term.from, t.language), date(term.until!, t.language))}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {isPresident ? (
        <Appoint group={group} viewerId={viewer.id} appointed={changed} />
      ) : (
        <p class="note">{t('presidentAppoints')}</p>
      )}
    </section>
  );
}

function Appoint({ group, viewerId, appointed }: { group: RulesGroup; viewerId: string; appointed: () => void }) {
  const t = useT();
  const online = useOnline();
  const [office, setOffice] = useState<OfficerRole>('SECRETARY');
  const [who, setWho] = useState<string>(NEW);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [from, setFrom] = useState(cambodiaToday());
  // Made once per appointment and kept until it is made, so a retry of a lost answer repeats it.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<string | null>(null);
  const change = useChange();

  const holder = group.officers.find((o) => o.role === office);
  // Everyone who has served the group, once each, but not herself (nobody appoints herself) nor
  // whoever holds this office already.
  const candidates = [...new Map(group.officerHistory.map((term) => [term.userId, term])).values()].filter(
    (term) => term.userId !== viewerId && term.userId !== holder?.userId,
  );
  const chosen = candidates.find((c) => c.userId === who);
  const currentOffice = (userId: string) => group.officers.find((o) => o.userId === userId)?.role;

  async function submit(e: Event) {
    e.preventDefault();
    setDone(null);
    const appointedName = chosen ? (chosen.displayName ?? chosen.userId) : name.trim();
    await change.run(
      () =>
        chosen
          ? send(AppointOfficerDocument, {
              input: { idempotencyKey: key, groupId: group.id, userId: chosen.userId, role: office, from },
            })
          : send(InviteOfficerDocument, {
              input: {
                idempotencyKey: key,
                displayName: name.trim(),
                phone: phone.trim(),
                tenantType: 'GROUP',
                tenantId: group.id,
                role: office,
                from,
              },
            }),
      () => {
        setDone(t.say('appointed')(appointedName, t(office)));
        setName('');
        setPhone('');
        setWho(NEW);
        setKey(crypto.randomUUID());
        appointed();
      },
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby="appoint">
      <h3 id="appoint">{t('appointOfficer')}</h3>
      {!online && <p class="note">{t('needsNetwork')}</p>}
      <label class="field">
        <span>{t('office')}</span>
        <select value={office} onChange={(e) => setOffice(e.currentTarget.value as OfficerRole)}>
          {OFFICES.map((o) => (
            <option key={o} value={o}>
              {t(o)}
            </option>
          ))}
        </select>
      </label>
      {office === 'PRESIDENT' && holder?.userId === viewerId && <p class="note">{t('handsOverOwnOffice')}</p>}
      <fieldset class="choice">
        <legend>{t('who')}</legend>
        {candidates.map((c) => {
          const now = currentOffice(c.userId);
          return (
            <label key={c.userId} class={who === c.userId ? 'toggle on' : 'toggle'}>
              <input type="radio" name="who" checked={who === c.userId} onChange={() => setWho(c.userId)} />
              {c.displayName ?? c.userId}
              {now ? ` · ${t(now)}` : ''}
            </label>
          );
        })}
        <label class={who === NEW ? 'toggle on' : 'toggle'}>
          <input type="radio" name="who" checked={who === NEW} onChange={() => setWho(NEW)} />
          {t('someoneNew')}
        </label>
      </fieldset>
      {who === NEW && (
        <>
          <label class="field">
            <span>{t('name')}</span>
            <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('phone')}</span>
            <input
              type="tel"
              value={phone}
              required
              aria-describedby="signs-in-with-phone"
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          </label>
          <p class="note" id="signs-in-with-phone">
            {t('signsInWithPhone')}
          </p>
        </>
      )}
      <label class="field">
        <span>{t('termFrom')}</span>
        <input
          type="date"
          required
          value={from}
          min={group.formedOn}
          max={cambodiaToday()}
          onInput={(e) => setFrom(e.currentTarget.value)}
        />
      </label>
      <Refusal error={change.error} />
      {done && <p role="status">{done}</p>}
      <button type="submit" class="button primary" disabled={!online || change.busy}>
        <Icon name="members" /> {t('appoint')}
      </button>
    </form>
  );
}
