/**
 * Rollups: what a federation (with everything below it) or a place (province, district, commune)
 * adds up to. Figures that depend on the day (PAR30, groups needing attention) are as of the last
 * recount of each group: on every change to it, and on the daily pass (functions/jobs). Each group contributes figures computed from its current records; the aggregator
 * keeps, per group, what it has counted and where, and applies only the difference — so a record
 * seen twice, late or out of order changes nothing. Pure.
 */
import { daysInArrears, type LoanTerms } from './loans.ts';

export const ROLLUP_FIGURES = ['groups', 'members', 'women', 'savings', 'loansOutstanding', 'atRisk30', 'needingAttention'] as const;
export type RollupFigure = (typeof ROLLUP_FIGURES)[number];
export type Figures = Record<RollupFigure, bigint>;

export const zeroFigures = (): Figures => ({ groups: 0n, members: 0n, women: 0n, savings: 0n, loansOutstanding: 0n, atRisk30: 0n, needingAttention: 0n });

/** A group's contribution, from its record and books as they stand. */
export function contribution(input: {
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
  return {
    groups: 1n,
    members: BigInt(input.memberCount),
    women: BigInt(input.womenCount),
    savings: input.savings,
    loansOutstanding: outstanding,
    atRisk30: atRisk,
    needingAttention: input.needsAttention ? 1n : 0n,
  };
}

/** The rollups a group counts in: its federation and every one above, and its province, district and commune. */
export function rollupTargets(federationChain: string[], placeCode: string): string[] {
  return [
    ...federationChain.map((id) => `FED#${id}`),
    `PLACE#${placeCode.slice(0, 2)}`,
    `PLACE#${placeCode.slice(0, 4)}`,
    `PLACE#${placeCode.slice(0, 6)}`,
  ];
}

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

/** PAR30 of a rollup, in basis points. */
export function rollupPar30(f: Figures): number {
  return f.loansOutstanding > 0n ? Number((f.atRisk30 * 10000n) / f.loansOutstanding) : 0;
}
