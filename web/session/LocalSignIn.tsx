/**
 * Local sign-in (npm start and dev builds only; a production build has no trace of it): every
 * registered person, with the roles they hold; choosing one asks the local server to sign a token
 * for her, so a person created a moment ago can sign in at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/i18n.tsx';
import { localMessages } from './local-messages.ts';
import { startSession } from './session.ts';

interface LocalPerson {
  id: string;
  displayName: string;
  roles: { role: string; tenantType: string; tenantName: string }[];
}

export default function LocalSignIn() {
  const t = useT();
  const [people, setPeople] = useState<LocalPerson[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetch('/local/people')
      .then((r) => r.json() as Promise<{ people: LocalPerson[] }>)
      .then((body) => setPeople(body.people))
      .catch(() => setFailed(true));
  }, []);

  async function signIn(person: LocalPerson) {
    const response = await fetch('/local/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: person.id }),
    });
    const body = (await response.json()) as { token: string };
    startSession(body.token, person.displayName);
  }

  return (
    <main class="page">
      <h1>{t('signInTitle')}</h1>
      <p class="note">{localMessages.signInLocalNote[t.language]}</p>
      {failed && <p role="alert">{t('loadFailed')}</p>}
      {!people && !failed && <p>{t('loading')}</p>}
      <ul class="people">
        {people?.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              class="person"
              onClick={() => void signIn(p)}
              aria-label={localMessages.signInAs[t.language](p.displayName)}
            >
              <span class="person-name">{p.displayName}</span>
              <span class="person-roles">{p.roles.map((r) => `${r.role} · ${r.tenantName}`).join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
