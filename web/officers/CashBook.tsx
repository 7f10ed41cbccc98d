/** The cash book for a date range, every entry with what came in and went out; printable on paper. */
import { useEffect, useState } from 'preact/hooks';
import { query } from '../graphql/client.ts';
import { GroupCashBookDocument, type GroupCashBookQuery } from '../generated/graphql.ts';
import { cambodiaToday, date, money } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { Icon } from '../shell/Icon.tsx';
import { FromPhone, Loading, Problem } from '../shell/Status.tsx';

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
                <tr key={e.ref}>
                  <td>{date(e.date, t.language)}</td>
                  <td>
                    {t(e.kind)}
                    {e.member ? ` · ${e.member.name}` : ''}
                  </td>
                  <td>{e.cashIn !== '0' ? money(e.cashIn, book.currency) : ''}</td>
                  <td>{e.cashOut !== '0' ? money(e.cashOut, book.currency) : ''}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('total')}
                </th>
                <td>{money(book.totalIn, book.currency)}</td>
                <td>{money(book.totalOut, book.currency)}</td>
              </tr>
            </tfoot>
          </table>
          {more && <p class="note">{t('moreEntries')}</p>}
        </>
      )}
    </>
  );
}
