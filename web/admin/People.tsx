/**
 * An administrator's people: everyone registered with the roles they hold; inviting a person with
 * a role in one step (a bank's loan officer, an NGO's staff, a federation's coordinator, another
 * administrator) — she can sign in at once; and taking a role away, with the reason kept in her
 * history. Group offices change by appointment (the group's own screens), not here; nobody takes
 * her own role away.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  AdminPeopleDocument,
  InvitePersonDocument,
  RevokeRoleDocument,
  type AdminPeopleQuery,
  type RoleName,
  type TenantType,
} from '../generated/graphql.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Icon } from '../shell/Icon.tsx';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';

type Data = AdminPeopleQuery;
type Person = Data['people']['nodes'][number];
type Role = Person['roles'][number];

/** A role an administrator gives: where, and which (one role per kind of tenant but groups). */
interface Offer {
  tenantType: TenantType;
  tenantId: string;
  role: RoleName;
  name: string;
}

function offers(data: Data): Offer[] {
  return [
    { tenantType: 'PLATFORM', tenantId: 'platform', role: 'ADMIN', name: 'Krom' },
    ...data.banks.nodes.map((b) => ({
      tenantType: 'BANK' as const,
      tenantId: b.id,
      role: 'LOAN_OFFICER' as const,
      name: b.name,
    })),
    ...data.ngos.nodes.map((n) => ({
      tenantType: 'NGO' as const,
      tenantId: n.id,
      role: 'STAFF' as const,
      name: n.name,
    })),
    ...data.federations.nodes.map((f) => ({
      tenantType: 'FEDERATION' as const,
      tenantId: f.id,
      role: 'COORDINATOR' as const,
      name: f.name,
    })),
  ];
}

export function People() {
  const t = useT();
  const answer = useQuery(AdminPeopleDocument, {});
  const data = answer.data;
  if (answer.error && !data) return <Problem error={answer.error} retry={answer.reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <h1>{t('people')}</h1>
      <FromPhone shown={answer.fromPhone} />
      <Invite offers={offers(data)} invited={answer.reload} />
      <section aria-labelledby="everyone" class="panel">
        <h2 id="everyone">{t('everyoneRegistered')}</h2>
        {data.people.pageInfo.hasNextPage && <p class="note">{t.say('firstPeopleOnly')(data.people.nodes.length)}</p>}
        <ul class="rows people-list">
          {data.people.nodes.map((p) => (
            <li key={p.id}>
              <div>
                <strong>{p.displayName}</strong>
                {p.phone ? ` · ${p.phone}` : ''}
                <ul class="roles">
                  {p.roles.map((r) => (
                    <RoleLine
                      key={`${r.tenantType}#${r.tenantId}#${r.role}`}
                      person={p}
                      role={r}
                      place={r.tenantName ?? r.tenantId}
                      mayTake={r.tenantType !== 'GROUP' && p.id !== data.viewer.id}
                      changed={answer.reload}
                    />
                  ))}
                </ul>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Invite({ offers, invited }: { offers: Offer[]; invited: () => void }) {
  const t = useT();
  const online = useOnline();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [choice, setChoice] = useState(1 < offers.length ? 1 : 0);
  // Made once per invitation and kept until it is made, so a retry of a lost answer repeats it.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<string | null>(null);
  const change = useChange();

  async function submit(e: Event) {
    e.preventDefault();
    const offer = offers[choice]!;
    setDone(null);
    await change.run(
      () =>
        send(InvitePersonDocument, {
          input: {
            idempotencyKey: key,
            displayName: name.trim(),
            phone: phone.trim(),
            tenantType: offer.tenantType,
            tenantId: offer.tenantId,
            role: offer.role,
          },
        }),
      () => {
        setDone(t.say('invited')(name.trim(), `${t(offer.role)} · ${offer.name}`));
        setName('');
        setPhone('');
        setKey(crypto.randomUUID());
        invited();
      },
    );
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="invite">
      <h2 id="invite">{t('invitePerson')}</h2>
      {!online && <p class="note">{t('needsNetwork')}</p>}
      <label class="field">
        <span>{t('name')}</span>
        <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('phone')}</span>
        <input type="tel" value={phone} required onInput={(e) => setPhone(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('roleAndWhere')}</span>
        <select value={String(choice)} onChange={(e) => setChoice(Number(e.currentTarget.value))}>
          {offers.map((o, i) => (
            <option key={`${o.tenantType}#${o.tenantId}`} value={String(i)}>
              {t(o.role)} · {o.name}
            </option>
          ))}
        </select>
      </label>
      <p class="note">{t('signsInWithPhoneAny')}</p>
      <Refusal error={change.error} />
      {done && <p role="status">{done}</p>}
      <button type="submit" class="button primary" disabled={!online || change.busy}>
        <Icon name="plus" /> {t('invitePerson')}
      </button>
    </form>
  );
}

function RoleLine({
  person,
  role,
  place,
  mayTake,
  changed,
}: {
  person: Person;
  role: Role;
  place: string;
  mayTake: boolean;
  changed: () => void;
}) {
  const t = useT();
  const online = useOnline();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  const what = `${t(role.role)} · ${place}`;

  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () =>
        send(RevokeRoleDocument, {
          input: {
            idempotencyKey: key,
            userId: person.id,
            tenantType: role.tenantType,
            tenantId: role.tenantId,
            role: role.role,
            reason: reason.trim(),
          },
        }),
      changed,
    );
  }

  return (
    <li>
      <span>{what}</span>
      {mayTake && !asking && (
        <button
          type="button"
          class="button small"
          aria-label={t.say('takeAwayRoleOf')(person.displayName, what)}
          onClick={() => setAsking(true)}
        >
          {t('takeAway')}
        </button>
      )}
      {asking && (
        <form onSubmit={submit} aria-label={t.say('takeAwayRoleOf')(person.displayName, what)}>
          <label class="field">
            <span>{t('reasonRequired')}</span>
            <input value={reason} required onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <Refusal error={change.error} />
          <button type="submit" class="button small" disabled={!online || change.busy}>
            {t('takeAway')}
          </button>
        </form>
      )}
    </li>
  );
}
