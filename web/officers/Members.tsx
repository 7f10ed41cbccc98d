/** The group's members, each with what she has saved; adding a member (needs a network). */
import { useState } from 'preact/hooks';
import { send } from '../graphql/client.ts';
import { AddMemberDocument, GroupMembersDocument, type Sex } from '../generated/graphql.ts';
import { cambodiaToday, money } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useOnline } from '../shell/hooks.ts';
import { Icon } from '../shell/Icon.tsx';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';
import { useQuery } from '../shell/useQuery.ts';

export function Members({ groupId }: { groupId: string }) {
  const t = useT();
  const answer = useQuery(GroupMembersDocument, { groupId });
  const group = answer.data?.group;
  if (answer.error && !group) return <Problem error={answer.error} retry={answer.reload} />;
  if (!group) return <Loading />;
  const current = group.members.nodes.filter((m) => !m.leftOn);
  return (
    <>
      <h1>{t('members')}</h1>
      <FromPhone shown={answer.fromPhone} />
      <p>{t.say('memberCount')(current.length)}</p>
      <ul class="rows">
        {current.map((m) => (
          <li key={m.id}>
            <span>
              <a href={`/members/${m.id}`} aria-label={t.say('passbookOf')(m.name)}>
                <strong>{m.name}</strong>
              </a>{' '}
              · {t(m.sex)}
              {m.phone ? ` · ${m.phone}` : ''}
            </span>
            <span>{money(m.savings, group.currency)}</span>
          </li>
        ))}
      </ul>
      <AddMember groupId={groupId} added={answer.reload} />
    </>
  );
}

function AddMember({ groupId, added }: { groupId: string; added: () => void }) {
  const t = useT();
  const online = useOnline();
  const [name, setName] = useState('');
  const [sex, setSex] = useState<Sex>('FEMALE');
  const [phone, setPhone] = useState('');
  const [joinedOn, setJoinedOn] = useState(cambodiaToday());
  const [key, setKey] = useState(() => crypto.randomUUID());
  const change = useChange();
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    await change.run(async () => {
      const answer = await send(AddMemberDocument, {
        input: { idempotencyKey: key, groupId, name, sex, phone: phone.trim() || null, joinedOn },
      });
      setDone(answer.addMember.name);
      setName('');
      setPhone('');
      setKey(crypto.randomUUID());
    }, added);
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="add-member">
      <h2 id="add-member">{t('addMember')}</h2>
      {!online && <p class="note">{t('needsNetwork')}</p>}
      <label class="field">
        <span>{t('name')}</span>
        <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset class="attendance">
        <legend>{t('sex')}</legend>
        {(['FEMALE', 'MALE'] as const).map((s) => (
          <label key={s} class={sex === s ? 'toggle on' : 'toggle'}>
            <input type="radio" name="sex" checked={sex === s} onChange={() => setSex(s)} />
            {t(s)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('phone')}</span>
        <input type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('joinedOn')}</span>
        <input type="date" value={joinedOn} required onInput={(e) => setJoinedOn(e.currentTarget.value)} />
      </label>
      <Refusal error={change.error} />
      {done && (
        <p role="status">
          {t('saved')}: {done}
        </p>
      )}
      <button type="submit" class="button primary" disabled={!online || change.busy}>
        <Icon name="plus" /> {t('addMember')}
      </button>
    </form>
  );
}
