/**
 * Onboarding a group into her federation: its name, its commune (province → district → commune,
 * from the national gazetteer) and its village's two digits when she knows them, its currency and when it meets, and the day it formed; then its
 * officers, each invited by name and phone in one step — they can sign in at once. The API
 * decides who may (coordinators of the federation, administrators) and says why not.
 */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import { CreateGroupDocument, InviteOfficerDocument, type Currency, type OfficerRole } from '../generated/graphql.ts';
import { cambodiaToday } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Icon } from '../shell/Icon.tsx';
import { Field } from '../shell/Field.tsx';
import { PlacePicker } from '../shell/PlacePicker.tsx';
import { ScheduleFields } from '../shell/ScheduleFields.tsx';
import { scheduleInput, type Schedule } from '../shell/schedule.ts';
import { Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';

interface Created {
  id: string;
  name: string;
}

export function Onboard({ federationId }: { federationId: string }) {
  const t = useT();
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <>
      <h1>{t('onboardGroup')}</h1>
      {created ? (
        <>
          <p role="status" class="sentence">
            {t.say('groupCreated')(created.name)}
          </p>
          <InviteOfficers group={created} />
          <button type="button" class="button" onClick={() => setCreated(null)}>
            <Icon name="plus" /> {t('anotherGroup')}
          </button>
        </>
      ) : (
        <NewGroup federationId={federationId} created={setCreated} />
      )}
    </>
  );
}

function NewGroup({ federationId, created }: { federationId: string; created: (g: Created) => void }) {
  const t = useT();
  const online = useOnline();
  const [name, setName] = useState('');
  const [province, setProvince] = useState('');
  const [district, setDistrict] = useState('');
  const [commune, setCommune] = useState('');
  // A group meets in a village; its code is the commune's and two digits more, when she knows them.
  const [village, setVillage] = useState('');
  const [currency, setCurrency] = useState<Currency>('KHR');
  const [schedule, setSchedule] = useState<Schedule>({ frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: '1' });
  const [formedOn, setFormedOn] = useState(cambodiaToday());
  // Made once for this group and kept until it is created, so a retry of a lost answer repeats it.
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();

  const villageOk = /^(0[1-9]|[1-9]\d)$/.test(village.trim());
  const villageBad = village.trim() !== '' && !villageOk;

  async function submit(e: Event) {
    e.preventDefault();
    if (villageBad) return;
    await change.run(async () => {
      const answer = await send(CreateGroupDocument, {
        input: {
          idempotencyKey: key,
          name: name.trim(),
          placeCode: villageOk ? `${commune}${village.trim()}` : commune,
          currency,
          meetingSchedule: scheduleInput(schedule),
          formedOn,
          federationId,
        },
      });
      created(answer.createGroup);
    });
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="new-group">
      <h2 id="new-group">{t('newGroup')}</h2>
      {!online && <p class="note">{t('needsNetwork')}</p>}
      <label class="field">
        <span>{t('groupName')}</span>
        <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <PlacePicker
        province={province}
        district={district}
        commune={commune}
        choose={(level, code) => {
          // Choosing a place clears the places below it.
          if (level === 'province') {
            setProvince(code);
            setDistrict('');
            setCommune('');
          } else if (level === 'district') {
            setDistrict(code);
            setCommune('');
          } else setCommune(code);
        }}
      />
      <Field id="village" label={t('villageNumber')} problem={villageBad ? t('errVillageNumber') : null}>
        {(a11y) => (
          <input
            inputMode="numeric"
            maxLength={2}
            value={village}
            onInput={(e) => setVillage(e.currentTarget.value)}
            {...a11y}
          />
        )}
      </Field>
      <fieldset class="choice">
        <legend>{t('currency')}</legend>
        {(['KHR', 'USD'] as const).map((c) => (
          <label key={c} class={currency === c ? 'toggle on' : 'toggle'}>
            <input type="radio" name="currency" checked={currency === c} onChange={() => setCurrency(c)} />
            {t(c)}
          </label>
        ))}
      </fieldset>
      <ScheduleFields value={schedule} set={(patch) => setSchedule((s) => ({ ...s, ...patch }))} />
      <label class="field">
        <span>{t('formedOn')}</span>
        <input
          type="date"
          required
          value={formedOn}
          max={cambodiaToday()}
          onInput={(e) => setFormedOn(e.currentTarget.value)}
        />
      </label>
      <Refusal error={change.error} />
      <button type="submit" class="button primary" disabled={!online || change.busy || !commune || villageBad}>
        <Icon name="plus" /> {t('createGroup')}
      </button>
    </form>
  );
}

const OFFICES: OfficerRole[] = ['PRESIDENT', 'TREASURER', 'SECRETARY'];

/** Each office of the new group, invited by name and phone; each invitation on its own. */
function InviteOfficers({ group }: { group: Created }) {
  const t = useT();
  return (
    <section aria-labelledby="invite-officers" class="panel">
      <h2 id="invite-officers">{t('inviteItsOfficers')}</h2>
      {OFFICES.map((office) => (
        <InviteOfficer key={office} group={group} office={office} />
      ))}
    </section>
  );
}

function InviteOfficer({ group, office }: { group: Created; office: OfficerRole }) {
  const t = useT();
  const online = useOnline();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<string | null>(null);
  const change = useChange();

  async function submit(e: Event) {
    e.preventDefault();
    await change.run(
      () =>
        send(InviteOfficerDocument, {
          input: {
            idempotencyKey: key,
            displayName: name.trim(),
            phone: phone.trim(),
            tenantType: 'GROUP',
            tenantId: group.id,
            role: office,
          },
        }),
      () => setDone(t.say('appointed')(name.trim(), t(office))),
    );
  }

  if (done) return <p role="status">{done}</p>;
  return (
    <form onSubmit={submit} aria-label={t(office)} class="officer-invite">
      <h3>{t(office)}</h3>
      <label class="field">
        <span>{t('name')}</span>
        <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('phone')}</span>
        <input type="tel" value={phone} required onInput={(e) => setPhone(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      <button type="submit" class="button" disabled={!online || change.busy}>
        <Icon name="members" /> {t('appoint')}
      </button>
    </form>
  );
}
