/**
 * The treasurer's home: the group's money at a glance, the next meeting, loans due and late, bank
 * requests waiting for her answer, and the meetings this phone has not sent yet.
 */
import { nextMeetingOn } from '#core/schedule.ts';
import { useEffect, useState } from 'preact/hooks';
import { MeetingSetupDocument, OfficerHomeDocument } from '../generated/graphql.ts';
import { query } from '../graphql/client.ts';
import { cambodiaToday, date, money } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { sendWaiting } from '../outbox/outbox.ts';
import type { OutboxMeeting } from '../outbox/store.ts';
import { useOnline, useOutbox } from '../shell/hooks.ts';
import { Icon, type IconName } from '../shell/Icon.tsx';
import { FromPhone, Loading, Problem } from '../shell/Status.tsx';
import { plainReason } from '../shell/reason.ts';
import { useQuery } from '../shell/useQuery.ts';
import { dueBy } from './loans.ts';

export function Home({ groupId }: { groupId: string }) {
  const t = useT();
  const home = useQuery(OfficerHomeDocument, { groupId });
  // What recording a meeting needs (members, constitution, open loans), kept on the phone now,
  // while there is a network, so the meeting screen works at a meeting with none.
  // Once it is on the phone the home says so: she knows before leaving for the village.
  const [readyOffline, setReadyOffline] = useState(false);
  useEffect(() => {
    setReadyOffline(false);
    void query(MeetingSetupDocument, { groupId })
      .then(() => setReadyOffline(true))
      .catch(() => {});
  }, [groupId]);
  const outbox = useOutbox().filter((m) => m.groupId === groupId);
  if (home.error && !home.data) return <Problem error={home.error} retry={home.reload} />;
  const group = home.data?.group;
  if (!group) return <Loading />;
  const { currency, books } = group;
  const today = cambodiaToday();
  const lastMeeting = group.meetings.nodes[0]?.date ?? null;
  const next = nextMeetingOn(group.meetingSchedule, today, lastMeeting);
  const due = group.loans.filter((l) => dueBy(l, next) > 0n && l.daysInArrears === 0);
  const late = group.loans.filter((l) => l.daysInArrears > 0);
  const pending = group.accessRequests.filter((r) => r.state === 'PENDING').length;

  return (
    <>
      <h1>{group.name}</h1>
      <FromPhone shown={home.fromPhone} />
      <section aria-labelledby="money" class="cards">
        <h2 id="money" class="visually-hidden">
          {t('cashBox')}
        </h2>
        <Figure icon="cash" label={t('cashBox')} value={money(books.balances.cash, currency)} />
        <Figure icon="bank" label={t('bank')} value={money(books.balances.bank, currency)} />
        <Figure icon="members" label={t('savings')} value={money(books.balances.savings, currency)} />
        <Figure icon="loan" label={t('loansOutstanding')} value={money(books.balances.loansOutstanding, currency)} />
        <Figure icon="home" label={t('socialFund')} value={money(books.balances.socialFund, currency)} />
      </section>

      <section aria-labelledby="next-meeting" class="panel">
        <h2 id="next-meeting">{t('nextMeeting')}</h2>
        <p class="big">{date(next, t.language)}</p>
        <p>
          {t.language === 'km' ? group.meetingSchedule.descriptionKm : group.meetingSchedule.description} ·{' '}
          {t('lastMeeting')}: {lastMeeting ? date(lastMeeting, t.language) : t('noMeetingYet')}
        </p>
        <a class="button primary" href="/meeting">
          <Icon name="meeting" /> {t('recordMeeting')}
        </a>
        {readyOffline && (
          <p class="note">
            <Icon name="check" /> {t('readyOffline')}
          </p>
        )}
      </section>

      <nav class="actions" aria-label={t('books')}>
        <a class="button" href="/loans">
          <Icon name="loan" /> {t('loanBook')}
        </a>
        <a class="button" href="/cash-book">
          <Icon name="book" /> {t('cashBook')}
        </a>
        <a class="button" href="/minutes">
          <Icon name="meeting" /> {t('minutesBook')}
        </a>
        <a class="button" href="/money">
          <Icon name="bank" /> {t('moneyBetweenMeetings')}
        </a>
        <a class="button" href="/group">
          <Icon name="members" /> {t('rulesAndOfficers')}
        </a>
      </nav>

      <section aria-labelledby="loans-due" class="panel">
        <h2 id="loans-due">
          {t('loansDue')} <span class="count">{due.length}</span>
        </h2>
        <ul class="rows">
          {due.map((l) => (
            <li key={l.id}>
              <span>{l.member.name}</span>
              <span>{money(dueBy(l, next), currency)}</span>
            </li>
          ))}
        </ul>
        <h2 id="loans-late">
          {t('loansLate')} <span class={late.length ? 'count alert' : 'count'}>{late.length}</span>
        </h2>
        <ul class="rows">
          {late.map((l) => (
            <li key={l.id}>
              <span>{l.member.name}</span>
              <span>
                {money(l.outstanding, currency)} · {t.say('daysLate')(l.daysInArrears)}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="bank-requests" class="panel">
        <h2 id="bank-requests">
          {t('bankRequests')} <span class={pending ? 'count badge' : 'count'}>{pending}</span>
        </h2>
        <a class="button" href="/bank">
          <Icon name="bank" /> {t('bankAccess')}
        </a>
      </section>

      <Outbox meetings={outbox} />
    </>
  );
}

function Figure({ icon, label, value }: { icon: IconName; label: string; value: string }) {
  return (
    <div class="card">
      <span class="card-label">
        <Icon name={icon} /> {label}
      </span>
      <span class="card-value">{value}</span>
    </div>
  );
}

/** The meetings on this phone: waiting, sent, or refused with the reason and a way to fix it. */
function Outbox({ meetings }: { meetings: OutboxMeeting[] }) {
  const t = useT();
  const online = useOnline();
  const waiting = meetings.filter((m) => m.status === 'WAITING' || m.status === 'SENDING').length;
  return (
    <section aria-labelledby="outbox" class="panel">
      <h2 id="outbox">
        {t('meetingsOnPhone')} <span class="count">{meetings.length}</span>
      </h2>
      {waiting > 0 && (
        <button type="button" class="button" onClick={() => void sendWaiting()} disabled={!online}>
          <Icon name="outbox" /> {t('sendNow')}
        </button>
      )}
      <ul class="rows">
        {meetings.map((m) => (
          <li key={m.key} class={`outbox-${m.status.toLowerCase()}`}>
            <span>{date(m.date, t.language)}</span>
            <span class="status">{t(`status${m.status}`)}</span>
            {m.status === 'REJECTED' && m.error && (
              <div class="rejection">
                <p role="alert">
                  {m.error.code === 'CONFLICT' && m.error.field?.endsWith('date')
                    ? t('alreadyRecorded')
                    : plainReason(m.error, t.language, t)}
                </p>
                <a class="button" href={`/meeting/${m.key}`}>
                  {t('fixAndSend')}
                </a>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
