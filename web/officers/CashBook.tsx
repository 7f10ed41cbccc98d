/**
 * The cash book for a date range, every entry with what came in and went out; printable on paper.
 * An entry opens to be undone, with the reason: a reversal is added and both stay in the book, as
 * a paper cash book is corrected (nothing is crossed out). Money moved between meetings is
 * recorded from here too (`/money`).
 */
import { parseEntryRef } from '#core/entry-ref.ts';
import { useEffect, useState } from 'preact/hooks';
import { query, send } from '../graphql/client.ts';
import { GroupCashBookDocument, UndoEntryDocument, type GroupCashBookQuery } from '../generated/graphql.ts';
import { cambodiaToday, date, money } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { Icon } from '../shell/Icon.tsx';
import { useOnline } from '../shell/hooks.ts';
import { FromPhone, Loading, Problem, Refusal } from '../shell/Status.tsx';
import { useChange } from '../shell/useChange.ts';

type Group = NonNullable<GroupCashBookQuery['group']>;
type Entry = Group['cashBook']['entries'][number];
interface Book {
  name: string;
  currency: Group['currency'];
  entries: Entry[];
  totalIn: bigint;
  totalOut: bigint;
  fromPhone: boolean;
}
/** A phone screen and a printed page hold a year of entries; past that, a shorter range. */
const MOST_PAGES = 20;

/** Every page of the range, read one after another (the API serves 50 entries a page), summed exactly. */
function useCashBook(groupId: string, from: string, to: string) {
  const [state, setState] = useState<{ book: Book | null; error: unknown; more: boolean }>({
    book: null,
    error: null,
    more: false,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ book: null, error: null, more: false });
    (async () => {
      let after: string | null = null;
      let book = null as Book | null;
      for (let page = 0; page < MOST_PAGES; page++) {
        const answer: { data: GroupCashBookQuery; fromPhone: boolean } = await query(GroupCashBookDocument, {
          groupId,
          from,
          to,
          after,
        });
        const group: Group | null = answer.data.group;
        if (!group) throw new Error('no group');
        book = {
          name: group.name,
          currency: group.currency,
          entries: [...(book?.entries ?? []), ...group.cashBook.entries],
          totalIn: (book?.totalIn ?? 0n) + BigInt(group.cashBook.totalIn),
          totalOut: (book?.totalOut ?? 0n) + BigInt(group.cashBook.totalOut),
          fromPhone: (book?.fromPhone ?? false) || answer.fromPhone,
        };
        after = group.cashBook.pageInfo.hasNextPage ? group.cashBook.pageInfo.endCursor : null;
        if (!after) break;
      }
      if (live) setState({ book, error: null, more: after !== null });
    })().catch((error) => live && setState({ book: null, error, more: false }));
    return () => {
      live = false;
    };
  }, [groupId, from, to, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
}

const monthStart = (today: string) => `${today.slice(0, 8)}01`;
const yearAgo = (today: string) => `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

export function CashBook({ groupId }: { groupId: string }) {
  const t = useT();
  const today = cambodiaToday();
  const [from, setFrom] = useState(monthStart(yearAgo(today)));
  const [to, setTo] = useState(today);
  const { book, error, more, reload } = useCashBook(groupId, from, to);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <h1>{t('cashBook')}</h1>
      <div class="range no-print">
        <label class="field">
          <span>{t('rangeFrom')}</span>
          <input type="date" value={from} max={to} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('rangeTo')}</span>
          <input type="date" value={to} min={from} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <button type="button" class="button" onClick={() => window.print()}>
          <Icon name="print" /> {t('print')}
        </button>
        <a class="button" href="/money">
          <Icon name="bank" /> {t('moneyBetweenMeetings')}
        </a>
      </div>
      {error && <Problem error={error} retry={reload} />}
      {!book && !error && <Loading />}
      {book && (
        <>
          <FromPhone shown={book.fromPhone} />
          <p class="print-only">
            {book.name} · {date(from, t.language)} – {date(to, t.language)}
          </p>
          <table class="ledger">
            <thead>
              <tr>
                <th scope="col">{t('day')}</th>
                <th scope="col">{t('entry')}</th>
                <th scope="col">{t('cashIn')}</th>
                <th scope="col">{t('cashOut')}</th>
              </tr>
            </thead>
            <tbody>
              {book.entries.map((e) => (
                <EntryRows
                  key={e.ref}
                  entry={e}
                  currency={book.currency}
                  groupId={groupId}
                  open={open === e.ref}
                  toggle={() => setOpen(open === e.ref ? null : e.ref)}
                  undone={() => {
                    setOpen(null);
                    reload();
                  }}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('total')}
                </th>
                <td class="num">{money(book.totalIn, book.currency)}</td>
                <td class="num">{money(book.totalOut, book.currency)}</td>
              </tr>
            </tfoot>
          </table>
          {more && <p class="note">{t('moreEntries')}</p>}
        </>
      )}
    </>
  );
}

/** Kinds that cannot be undone by a reversal: a reversal itself, a write-off, a bank's disbursement. */
const FINAL: ReadonlySet<Entry['kind']> = new Set(['REVERSAL', 'LOAN_WRITE_OFF', 'BANK_LOAN_RECEIVED']);

/** An entry's row, which opens to show its note and, while it can be, a way to undo it. */
function EntryRows({
  entry: e,
  currency,
  groupId,
  open,
  toggle,
  undone,
}: {
  entry: Entry;
  currency: Book['currency'];
  groupId: string;
  open: boolean;
  toggle: () => void;
  undone: () => void;
}) {
  const t = useT();
  const what = `${t(e.kind)}${e.member ? ` · ${e.member.name}` : ''}`;
  const undoable = !FINAL.has(e.kind) && !e.reversedBy;
  const undoes = e.reverses ? parseEntryRef(e.reverses) : null;
  return (
    <>
      <tr>
        <td class="day">{date(e.date, t.language)}</td>
        <td>
          <button type="button" class="entry-head" aria-expanded={open} onClick={toggle}>
            {what}
          </button>
          {e.reversedBy && <span class="status"> · {t('undone')}</span>}
          {undoes && <span> · {t.say('undoesEntryOf')(date(undoes.date, t.language))}</span>}
          {e.note && <span class="note"> · {e.note}</span>}
        </td>
        <td class="num">{e.cashIn !== '0' ? money(e.cashIn, currency) : ''}</td>
        <td class="num">{e.cashOut !== '0' ? money(e.cashOut, currency) : ''}</td>
      </tr>
      {open && (
        <tr class="no-print">
          <td colSpan={4}>
            {undoable ? (
              <UndoEntry groupId={groupId} entry={e} what={what} done={undone} cancel={toggle} />
            ) : (
              <p class="note">{e.reversedBy ? t('undone') : t(e.kind)}</p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function UndoEntry({
  groupId,
  entry,
  what,
  done,
  cancel,
}: {
  groupId: string;
  entry: Entry;
  what: string;
  done: () => void;
  cancel: () => void;
}) {
  const t = useT();
  const online = useOnline();
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(cambodiaToday());
  const [key] = useState(() => crypto.randomUUID());
  const change = useChange();
  async function submit(ev: Event) {
    ev.preventDefault();
    await change.run(
      () =>
        send(UndoEntryDocument, {
          input: { idempotencyKey: key, groupId, entryRef: entry.ref, date: on, reason: reason.trim() },
        }),
      done,
    );
  }
  return (
    <form onSubmit={submit} aria-label={t.say('undoEntryOf')(what, date(entry.date, t.language))}>
      <p class="note">{t('undoNote')}</p>
      <label class="field">
        <span>{t('whyUndo')}</span>
        <input required value={reason} onInput={(ev) => setReason(ev.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('day')}</span>
        <input
          type="date"
          required
          value={on}
          min={entry.date}
          max={cambodiaToday()}
          onInput={(ev) => setOn(ev.currentTarget.value)}
        />
      </label>
      <Refusal error={change.error} />
      <div class="actions">
        <button type="submit" class="button primary" disabled={!online || change.busy || !reason.trim()}>
          {t('confirmUndo')}
        </button>
        <button type="button" class="button" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
