/**
 * Rollups: what a federation (with everything below it) or a place (province, district, commune)
 * adds up to. Figures that depend on the day (PAR30, groups needing attention) are as of the last
 * recount of each group: on every change to it, and on the daily pass (functions/jobs). Each group contributes figures computed from its current records; the aggregator
 * keeps, per group, what it has counted and where, and applies only the difference — so a record
 * seen twice, late or out of order changes nothing. Pure.
 */
import { daysInArrears, type LoanTerms } from './loans.ts';
import type { Currency } from './money.ts';

/**
 * Money is kept per currency, never added across: a USD group's savings are cents, a KHR group's
 * riel. Counts of people and groups are the same whatever the currency.
 */
export const ROLLUP_CURRENCIES = ['KHR', 'USD'] as const satisfies readonly Currency[];
const COUNTS = ['groups', 'members', 'women', 'needingAttention', 'federatedGroups'] as const;
const PER_CURRENCY = ['groups', 'federatedGroups', 'savings', 'loansOutstanding', 'atRisk30'] as const;
type PerCurrencyFigure = `${(typeof ROLLUP_CURRENCIES)[number]}_${(typeof PER_CURRENCY)[number]}`;

export const ROLLUP_FIGURES = [
  ...COUNTS,
  ...ROLLUP_CURRENCIES.flatMap((c) => PER_CURRENCY.map((f) => `${c}_${f}` as PerCurrencyFigure)),
] as const;
export type RollupFigure = (typeof COUNTS)[number] | PerCurrencyFigure;
export type Figures = Record<RollupFigure, bigint>;

export const zeroFigures = (): Figures => Object.fromEntries(ROLLUP_FIGURES.map((f) => [f, 0n])) as Figures;

/** A group's contribution, from its record and books as they stand. */
export function contribution(input: {
  currency: (typeof ROLLUP_CURRENCIES)[number];
  /** Whether the group belongs to a federation (whose coordinators read its summary). */
  federated: boolean;
  memberCount: number;
  womenCount: number;
  savings: bigint;
  loans: (LoanTerms & { principalPaid: bigint; interestPaid: bigint })[];
  /** No meeting for 60 days or PAR30 above 10% (core/attention.ts), as of `asOf`. */
  needsAttention?: boolean;
  asOf: string;
}): Figures {
  let outstanding = 0n;
  let atRisk = 0n;
  for (const loan of input.loans) {
    const owed = loan.principal - loan.principalPaid;
    outstanding += owed;
    if (daysInArrears(loan, loan, input.asOf) > 30) atRisk += owed;
  }
  const c = input.currency;
  const federated = input.federated ? 1n : 0n;
  return {
    ...zeroFigures(),
    groups: 1n,
    members: BigInt(input.memberCount),
    women: BigInt(input.womenCount),
    needingAttention: input.needsAttention ? 1n : 0n,
    federatedGroups: federated,
    [`${c}_groups`]: 1n,
    [`${c}_federatedGroups`]: federated,
    [`${c}_savings`]: input.savings,
    [`${c}_loansOutstanding`]: outstanding,
    [`${c}_atRisk30`]: atRisk,
  };
}

/**
 * The rollups a group counts in: its federation and every one above, its province, district and
 * commune, and each of those federations' share of each of those places — so a place's figure can
 * tell a coordinator how many of its groups are hers to read (see `placeRollupView`).
 */
export function rollupTargets(federationChain: string[], placeCode: string): string[] {
  const places = [placeCode.slice(0, 2), placeCode.slice(0, 4), placeCode.slice(0, 6)];
  return [
    ...federationChain.map(rollupTarget.federation),
    ...places.map(rollupTarget.place),
    ...federationChain.flatMap((id) => places.map((code) => rollupTarget.federationPlace(id, code))),
  ];
}

/** What a rollup counts: a federation (and all below it), a place, or a federation's share of a place. */
export const rollupTarget = {
  federation: (federationId: string) => `FED#${federationId}`,
  place: (placeCode: string) => `PLACE#${placeCode}`,
  /** The part of a place's rollup that sits under one federation. */
  federationPlace: (federationId: string, placeCode: string) => `FEDPLACE#${federationId}#${placeCode}`,
};

export interface Counted {
  figures: Figures;
  targets: string[];
}

/**
 * What to add to each rollup so that it counts `now` instead of `before` (a group moved between
 * federations is taken out of the old chain and added to the new). Only non-zero changes.
 */
export function differences(before: Counted | undefined, now: Counted | undefined): Map<string, Figures> {
  const out = new Map<string, Figures>();
  const add = (target: string, figures: Figures, sign: bigint) => {
    const acc = out.get(target) ?? zeroFigures();
    for (const f of ROLLUP_FIGURES) acc[f] += sign * figures[f];
    out.set(target, acc);
  };
  if (before) for (const t of before.targets) add(t, before.figures, -1n);
  if (now) for (const t of now.targets) add(t, now.figures, 1n);
  for (const [target, figures] of out) if (ROLLUP_FIGURES.every((f) => figures[f] === 0n)) out.delete(target);
  return out;
}

/** Folds many groups' differences into one change per rollup: one write per rollup item per batch. */
export function fold(changes: Map<string, Figures>[]): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const change of changes) {
    for (const [target, figures] of change) {
      const acc = out.get(target) ?? zeroFigures();
      for (const f of ROLLUP_FIGURES) acc[f] += figures[f];
      out.set(target, acc);
    }
  }
  return out;
}

/** PAR30 of a rollup's loans in one currency, in basis points. */
export function rollupPar30(f: Figures, currency: (typeof ROLLUP_CURRENCIES)[number]): number {
  const outstanding = f[`${currency}_loansOutstanding`];
  return outstanding > 0n ? Number((f[`${currency}_atRisk30`] * 10000n) / outstanding) : 0;
}

/** The fewest groups a figure may rest on, of those the reader cannot read (as coverage uses). */
export const MIN_UNREADABLE_GROUPS = 3;

export interface CurrencyTotalsView {
  currency: (typeof ROLLUP_CURRENCIES)[number];
  groups: number;
  /** True when the money below rests on 1 or 2 groups the reader cannot read: then it is null. */
  suppressed: boolean;
  savings: bigint | null;
  loansOutstanding: bigint | null;
  par30BasisPoints: number | null;
}

export interface RollupView {
  groups: number;
  members: number;
  suppressed: boolean;
  women: number | null;
  needingAttention: number | null;
  byCurrency: CurrencyTotalsView[];
}

/** The part of a place's figures an administrator reads anyway: its groups that sit in federations. */
export const federatedPart = (place: Figures): Figures => ({
  ...zeroFigures(),
  groups: place.federatedGroups,
  KHR_groups: place.KHR_federatedGroups,
  USD_groups: place.USD_federatedGroups,
});

/** Shown when the reader can read every group behind it, or at least 3 of them she cannot. */
const shown = (total: bigint, readable: bigint) => {
  const hidden = total - (readable < total ? readable : total);
  return hidden === 0n || hidden >= BigInt(MIN_UNREADABLE_GROUPS);
};

/**
 * A rollup as one reader may see it. `readable` counts the groups behind it whose finances she may
 * read anyway (her federations' groups), in total and per currency; 'all' when she may read every
 * one (a federation's own rollup, to its coordinators). A figure resting on 1 or 2 groups she may
 * not read is suppressed — by itself it would single a group out, and beside her own groups'
 * figures subtraction would. Group and member counts are the directory's public facts and stay.
 */
export function rollupView(f: Figures, readable: Figures | 'all'): RollupView {
  const can = (figure: RollupFigure, total: bigint) => readable === 'all' || shown(total, readable[figure]);
  const overall = can('groups', f.groups);
  return {
    groups: Number(f.groups),
    members: Number(f.members),
    suppressed: !overall,
    women: overall ? Number(f.women) : null,
    needingAttention: overall ? Number(f.needingAttention) : null,
    byCurrency: ROLLUP_CURRENCIES.filter((c) => f[`${c}_groups`] > 0n).map((currency) => {
      const ok = can(`${currency}_groups`, f[`${currency}_groups`]);
      return {
        currency,
        groups: Number(f[`${currency}_groups`]),
        suppressed: !ok,
        savings: ok ? f[`${currency}_savings`] : null,
        loansOutstanding: ok ? f[`${currency}_loansOutstanding`] : null,
        par30BasisPoints: ok ? rollupPar30(f, currency) : null,
      };
    }),
  };
}

/**
 * History. A rollup changes only when the aggregator or the nightly recount adds to it, so its
 * figures at the end of a month are the figures it held when the first change of a later month
 * arrived. That change first closes the month: it keeps those figures under the month's name,
 * once (store/rollups.ts guards it), then applies. A month with no change keeps the figures of
 * the month before; nothing needs backfilling, because nothing can change a rollup without
 * closing its month first. The last HISTORY_MONTHS months are kept, in one item per rollup, so a
 * chart of any length up to that costs one read.
 */
export const HISTORY_MONTHS = 60;

/** "2026-11-22" → "2026-11". */
export const monthOf = (date: string): string => date.slice(0, 7);

/** "2026-11" plus n months (n may be negative). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A month's figures as kept: every figure in ROLLUP_FIGURES order, comma-separated (a small item). */
export const encodeFigures = (f: Figures): string => ROLLUP_FIGURES.map((k) => f[k].toString()).join(',');

export function decodeFigures(text: string): Figures {
  const values = text.split(',');
  const f = zeroFigures();
  ROLLUP_FIGURES.forEach((k, i) => {
    f[k] = BigInt(values[i] ?? '0');
  });
  return f;
}

/** Months kept so far that fall out of the window once `month` is closed. */
export const monthsToForget = (kept: string[], newest: string): string[] =>
  kept.filter((m) => m <= shiftMonth(newest, -HISTORY_MONTHS));

export interface RollupHistory {
  /** The figures now, and the month of the last change to them (null for a rollup never counted). */
  current: Figures;
  month: string | null;
  /** Figures at the end of each closed month. */
  closed: Record<string, Figures>;
}

/**
 * The last `months` months ending with `thisMonth`, oldest first: each month's figures at its end
 * (this month's: so far), or null before the rollup's history begins.
 */
export function monthlySeries(
  history: RollupHistory,
  thisMonth: string,
  months: number,
): { month: string; figures: Figures | null }[] {
  const closed = Object.keys(history.closed).sort();
  const first = closed[0] ?? history.month;
  return Array.from({ length: months }, (_, i) => {
    const month = shiftMonth(thisMonth, i - months + 1);
    if (first === null || month < first) return { month, figures: null };
    if (history.month !== null && month >= history.month) return { month, figures: history.current };
    const last = closed.filter((m) => m <= month).at(-1);
    return { month, figures: last ? history.closed[last]! : null };
  });
}
