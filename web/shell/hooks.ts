import { useEffect, useState } from 'preact/hooks';
import type { ApiErrorDetail } from '../graphql/client.ts';
import { onOutboxChange, outboxMeetings, outboxRefusal } from '../outbox/outbox.ts';
import type { OutboxMeeting } from '../outbox/store.ts';

export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** The meetings kept on this phone, newest first, kept current as the outbox changes. */
export function useOutbox(): OutboxMeeting[] {
  const [meetings, setMeetings] = useState<OutboxMeeting[]>([]);
  useEffect(() => {
    const load = () => void outboxMeetings().then(setMeetings);
    load();
    return onOutboxChange(load);
  }, []);
  return meetings;
}

/** Why the API refused the outbox's last send as a whole, kept current; null when nothing was refused. */
export function useOutboxRefusal(): ApiErrorDetail | null {
  const [refusal, setRefusal] = useState(outboxRefusal());
  useEffect(() => onOutboxChange(() => setRefusal(outboxRefusal())), []);
  return refusal;
}
