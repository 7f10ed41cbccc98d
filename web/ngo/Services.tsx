/**
 * An NGO's services and deliveries: registering a service in a sector, recording a delivery (a
 * training, a water filter distribution) to everyone in a commune or to particular groups there
 * (found in the directory), correcting one (its day and numbers, with the reason) or withdrawing
 * one that did not happen, and the deliveries as a CSV file (UTF-8 with a byte-order mark, so
 * Excel shows Khmer).
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import {
  CorrectDeliveryDocument,
  GroupsInCommuneDocument,
  NgoWorkDocument,
  RecordDeliveryDocument,
  RegisterServiceDocument,
  WithdrawDeliveryDocument,
  type NgoWorkQuery,
  type Sector,
} from '../generated/graphql.ts';
import { cambodiaToday, date } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Icon } from '../shell/Icon.tsx';
import { PlacePicker } from '../shell/PlacePicker.tsx';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';
import { SECTORS } from './Coverage.tsx';

type Ngo = NonNullable<NgoWorkQuery['ngo']>;
type Delivery = Ngo['deliveries']['nodes'][number];

export function Services({ ngoId }: { ngoId: string }) {
  const t = useT();
  const answer = useQuery(NgoWorkDocument, { ngoId });
  const ngo = answer.data?.ngo;
  if (answer.error && !ngo) return <Problem error={answer.error} retry={answer.reload} />;
  if (!ngo) return <Loading />;
  return (
    <>
      <h1>{ngo.name}</h1>
      <FromPhone shown={answer.fromPhone} />
      <section aria-labelledby="services" class="panel">
        <h2 id="services">{t('ourServices')}</h2>
        <ul class="rows">
          {ngo.services.map((s) => (
            <li key={s.id}>
              <span>{s.name}</span>
              <span>{t(s.sector)}</span>
            </li>
          ))}
        </ul>
        <RegisterService ngoId={ngoId} sectors={ngo.sectors} registered={answer.reload} />
      </section>
      <RecordDelivery ngo={ngo} recorded={answer.reload} />
      <Deliveries ngo={ngo} changed={answer.reload} />
    </>
  );
}

function RegisterService({ ngoId, sectors, registered }: { ngoId: string; sectors: Sector[]; registered: () => void }) {
  const t = useT();
  const online = useOnline();
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector>(sectors[0] ?? 'HEALTH');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const change = useChange();
  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () => send(RegisterServiceDocument, { input: { idempotencyKey: key, ngoId, name: name.trim(), sector } }),
      () => {
        setName('');
        setKey(crypto.randomUUID());
        registered();
      },
    );
  }
  return (
    <form onSubmit={submit} aria-labelledby="register-service">
      <h3 id="register-service">{t('registerService')}</h3>
      <label class="field">
        <span>{t('serviceName')}</span>
        <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('sector')}</span>
        <select value={sector} onChange={(e) => setSector(e.currentTarget.value as Sector)}>
          {[...sectors, ...SECTORS.filter((s) => !sectors.includes(s))].map((s) => (
            <option key={s} value={s}>
              {t(s)}
            </option>
          ))}
        </select>
      </label>
      <Refusal error={change.error} />
      <button type="submit" class="button" disabled={!online || change.busy}>
        <Icon name="plus" /> {t('registerService')}
      </button>
    </form>
  );
}

function RecordDelivery({ ngo, recorded }: { ngo: Ngo; recorded: () => void }) {
  const t = useT();
  const online = useOnline();
  const [serviceId, setServiceId] = useState(ngo.services[0]?.id ?? '');
  const [day, setDay] = useState(cambodiaToday());
  const [place, setPlace] = useState({ province: '', district: '', commune: '' });
  const [participants, setParticipants] = useState('');
  const [women, setWomen] = useState('');
  const [to, setTo] = useState<'COMMUNE' | 'GROUPS'>('COMMUNE');
  const [groups, setGroups] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState(false);
  const change = useChange();
  const toGroups = to === 'GROUPS';
  async function submit(e: Event) {
    e.preventDefault();
    setDone(false);
    await change.run(
      () =>
        send(RecordDeliveryDocument, {
          input: {
            idempotencyKey: key,
            ngoId: ngo.id,
            serviceId: serviceId || ngo.services[0]!.id,
            date: day,
            communeCode: toGroups ? null : place.commune,
            groupIds: toGroups ? groups : null,
            participants: Number(participants),
            women: Number(women),
          },
        }),
      () => {
        setKey(crypto.randomUUID());
        setParticipants('');
        setWomen('');
        setGroups([]);
        setDone(true);
        recorded();
      },
    );
  }
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="record-delivery">
      <h2 id="record-delivery">{t('recordDelivery')}</h2>
      <label class="field">
        <span>{t('service')}</span>
        <select value={serviceId} onChange={(e) => setServiceId(e.currentTarget.value)}>
          {ngo.services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('deliveredOn')}</span>
        <input type="date" required value={day} max={cambodiaToday()} onInput={(e) => setDay(e.currentTarget.value)} />
      </label>
      <PlacePicker
        {...place}
        choose={(level, code) => {
          setGroups([]);
          setPlace((p) =>
            level === 'province'
              ? { province: code, district: '', commune: '' }
              : level === 'district'
                ? { ...p, district: code, commune: '' }
                : { ...p, commune: code },
          );
        }}
      />
      <fieldset class="scopes">
        <legend>{t('deliveredTo')}</legend>
        <label class="check">
          <input type="radio" name="delivered-to" checked={!toGroups} onChange={() => setTo('COMMUNE')} />
          {t('toWholeCommune')}
        </label>
        <label class="check">
          <input type="radio" name="delivered-to" checked={toGroups} onChange={() => setTo('GROUPS')} />
          {t('toGroups')}
        </label>
      </fieldset>
      {toGroups && place.commune && <GroupChoice communeCode={place.commune} chosen={groups} choose={setGroups} />}
      <Headcount participants={participants} women={women} setParticipants={setParticipants} setWomen={setWomen} />
      <Refusal error={change.error} />
      {done && <p role="status">{t('saved')}</p>}
      <button
        type="submit"
        class="button primary"
        disabled={!online || change.busy || !place.commune || (toGroups && groups.length === 0)}
      >
        <Icon name="check" /> {t('recordDelivery')}
      </button>
    </form>
  );
}

/** How many took part in a delivery, and how many of them were women: when it is recorded and when corrected. */
function Headcount({
  participants,
  women,
  setParticipants,
  setWomen,
}: {
  participants: string;
  women: string;
  setParticipants: (v: string) => void;
  setWomen: (v: string) => void;
}) {
  const t = useT();
  return (
    <>
      <label class="field">
        <span>{t('participants')}</span>
        <input
          type="number"
          min="0"
          required
          value={participants}
          onInput={(e) => setParticipants(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('womenCount')}</span>
        <input type="number" min="0" required value={women} onInput={(e) => setWomen(e.currentTarget.value)} />
      </label>
    </>
  );
}

/** The commune's groups (the directory's public facts), each one ticked to be named by the delivery. */
function GroupChoice({
  communeCode,
  chosen,
  choose,
}: {
  communeCode: string;
  chosen: string[];
  choose: (ids: string[]) => void;
}) {
  const t = useT();
  const answer = useQuery(GroupsInCommuneDocument, { placeCode: communeCode });
  const groups = answer.data?.groupDirectory.nodes;
  if (answer.error && !groups) return <Problem error={answer.error} retry={answer.reload} />;
  if (!groups) return <Loading />;
  if (groups.length === 0) return <p class="note">{t('noGroupsHere')}</p>;
  return (
    <fieldset class="scopes">
      <legend>{t('whichGroups')}</legend>
      {groups.map((g) => (
        <label key={g.id} class="check">
          <input
            type="checkbox"
            checked={chosen.includes(g.id)}
            onChange={(e) => choose(e.currentTarget.checked ? [...chosen, g.id] : chosen.filter((id) => id !== g.id))}
          />
          {g.name} · {t.say('memberCount')(g.memberCount)}
        </label>
      ))}
    </fieldset>
  );
}

/** One CSV line, quoted as RFC 4180 asks. */
const csvLine = (cells: (string | number)[]) =>
  cells.map((c) => (/[",\r\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');

function Deliveries({ ngo, changed }: { ngo: Ngo; changed: () => void }) {
  const t = useT();
  const serviceName = (id: string) => ngo.services.find((s) => s.id === id)?.name ?? id;
  function download() {
    const lines = [
      csvLine(['date', 'service', 'sector', 'communes', 'groups', 'participants', 'women', 'status']),
      ...ngo.deliveries.nodes.map((d) =>
        csvLine([
          d.date,
          serviceName(d.serviceId),
          d.sector,
          d.communes.map((c) => c.nameKm).join('; '),
          d.groupIds.length,
          d.participants,
          d.women,
          d.status,
        ]),
      ),
    ];
    const file = new Blob(['\uFEFF', `${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = `${ngo.name} ${cambodiaToday()}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }
  return (
    <section aria-labelledby="deliveries" class="panel">
      <h2 id="deliveries">{t('deliveries')}</h2>
      <button type="button" class="button" onClick={download}>
        <Icon name="book" /> {t('downloadDeliveries')}
      </button>
      <ul class="rows">
        {ngo.deliveries.nodes.map((d) => (
          <DeliveryLine key={d.id} ngoId={ngo.id} delivery={d} service={serviceName(d.serviceId)} changed={changed} />
        ))}
      </ul>
    </section>
  );
}

function DeliveryLine({
  ngoId,
  delivery,
  service,
  changed,
}: {
  ngoId: string;
  delivery: Delivery;
  service: string;
  changed: () => void;
}) {
  const t = useT();
  const online = useOnline();
  const [asking, setAsking] = useState<'WITHDRAW' | 'CORRECT' | null>(null);
  const [reason, setReason] = useState('');
  const [day, setDay] = useState(delivery.date);
  const [participants, setParticipants] = useState(String(delivery.participants));
  const [women, setWomen] = useState(String(delivery.women));
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  const on = date(delivery.date, t.language);
  // A correction keeps where it went (the commune, or the same groups) and fixes its day and numbers.
  async function correct(e: Event) {
    e.preventDefault();
    await change.run(
      () =>
        send(CorrectDeliveryDocument, {
          input: {
            idempotencyKey: `${key}-correct`,
            ngoId,
            deliveryId: delivery.id,
            deliveryDate: delivery.date,
            serviceId: delivery.serviceId,
            date: day,
            communeCode: delivery.groupIds.length ? null : delivery.communes[0]!.code,
            groupIds: delivery.groupIds.length ? delivery.groupIds : null,
            participants: Number(participants),
            women: Number(women),
            reason: reason.trim(),
          },
        }),
      changed,
    );
  }
  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () =>
        send(WithdrawDeliveryDocument, {
          input: {
            idempotencyKey: key,
            ngoId,
            deliveryId: delivery.id,
            deliveryDate: delivery.date,
            reason: reason.trim(),
          },
        }),
      changed,
    );
  }
  return (
    <li>
      <span>
        {on} · {service} · {delivery.communes.map((c) => (t.language === 'km' ? c.nameKm : c.nameEn)).join(', ')} ·{' '}
        {delivery.groupIds.length > 0 && `${t.say('groupsN')(delivery.groupIds.length)} · `}
        {delivery.participants} ({t('womenCount')} {delivery.women})
        <br />
        <span class="status">{t(`delivery${delivery.status}`)}</span>
      </span>
      {delivery.status === 'RECORDED' && !asking && (
        <span class="actions">
          <button
            type="button"
            class="button small"
            aria-label={t.say('correctDeliveryOf')(on)}
            onClick={() => setAsking('CORRECT')}
          >
            {t('correctIt')}
          </button>
          <button
            type="button"
            class="button small"
            aria-label={t.say('withdrawDeliveryOf')(on)}
            onClick={() => setAsking('WITHDRAW')}
          >
            {t('withdrawIt')}
          </button>
        </span>
      )}
      {asking === 'CORRECT' && (
        <form onSubmit={correct} aria-label={t.say('correctDeliveryOf')(on)}>
          <label class="field">
            <span>{t('deliveredOn')}</span>
            <input
              type="date"
              required
              value={day}
              max={cambodiaToday()}
              onInput={(e) => setDay(e.currentTarget.value)}
            />
          </label>
          <Headcount participants={participants} women={women} setParticipants={setParticipants} setWomen={setWomen} />
          <label class="field">
            <span>{t('reasonRequired')}</span>
            <input value={reason} required onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <Refusal error={change.error} />
          <button type="submit" class="button small" disabled={!online || change.busy}>
            {t('correctIt')}
          </button>
        </form>
      )}
      {asking === 'WITHDRAW' && (
        <form onSubmit={submit} aria-label={t.say('withdrawDeliveryOf')(on)}>
          <label class="field">
            <span>{t('reasonRequired')}</span>
            <input value={reason} required onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <Refusal error={change.error} />
          <button type="submit" class="button small" disabled={!online || change.busy}>
            {t('withdrawIt')}
          </button>
        </form>
      )}
    </li>
  );
}
