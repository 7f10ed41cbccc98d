/** Icons drawn inline (no icon font to download), always beside a word, never instead of one. */
const PATHS = {
  home: 'M3 11l9-8 9 8v10h-6v-6H9v6H3z',
  meeting: 'M4 5h16v12H8l-4 4zM8 9h8M8 13h5',
  members:
    'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5M12 20c0-3 2-5 4-5s6 2 6 5',
  online: 'M2 9a15 15 0 0 1 20 0M5 13a10 10 0 0 1 14 0M8.5 16.5a5 5 0 0 1 7 0M12 20h.01',
  offline: 'M2 2l20 20M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 5-2.8M2 9a15 15 0 0 1 4.3-2.8M12 20h.01',
  outbox: 'M4 4h16v10h-5l-1 3h-4l-1-3H4zM12 6v6M9 9l3-3 3 3',
  cash: 'M3 7h18v10H3zM12 12m-2 0a2 2 0 1 0 4 0 2 2 0 1 0-4 0M6 10v4M18 10v4',
  bank: 'M3 10l9-6 9 6M5 10v8M9 10v8M15 10v8M19 10v8M3 20h18',
  loan: 'M12 3v18M17 7H9.5a3 3 0 0 0 0 6h5a3 3 0 0 1 0 6H6',
  alert: 'M12 3l10 18H2zM12 10v5M12 18h.01',
  check: 'M4 12l5 5L20 6',
  plus: 'M12 5v14M5 12h14',
  print: 'M6 9V3h12v6M6 18H4v-7h16v7h-2M8 14h8v7H8z',
  book: 'M4 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H4zM20 4h-7a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h8z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
