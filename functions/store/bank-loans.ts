/**
 * Bank loans to groups: the application and the bank's decision (with reasons the group sees),
 * then, once disbursed, the live balance in the group's books until it is repaid.
 */
import type { Transition } from '#core/access.ts';
import type { BankLoanState, BankLoanStatus } from '#core/ledger.ts';
import { getItem, queryAll, type Db, type Item } from './db.ts';
import { bankLoanRecord, readRecord } from './records.ts';
import type { GuardedWrite } from './idempotency.ts';
import { isId, keys, prefixes, tenantKey } from './keys.ts';

export interface BankLoanRecord {
  id: string;
  groupId: string;
  bankId: string;
  requestedBy: string;
  amount: bigint;
  termMonths: number;
  purpose: string;
  status: BankLoanStatus;
  /** The bank's reasons for its decision, shown to the group. */
  reasons: string | null;
  monthlyRateBasisPoints: number | null;
  disbursedOn: string | null;
  repaidOn: string | null;
  maxDaysLate: number;
  principalPaid: bigint;
  interestPaid: bigint;
  createdAt: string;
  history: Transition[];
}

const read = (item: Item): BankLoanRecord => readRecord(bankLoanRecord, item);

export async function getBankLoan(db: Db, groupId: string, id: string): Promise<BankLoanRecord | undefined> {
  if (!isId(groupId) || !isId(id)) return undefined;
  const item = await getItem(db, keys.bankLoan(groupId, id), true);
  return item ? read(item) : undefined;
}

export async function listGroupBankLoans(db: Db, groupId: string): Promise<BankLoanRecord[]> {
  return (
    await queryAll(db, { partition: keys.group(groupId).pk, sortPrefix: prefixes.bankLoans, consistent: true })
  ).map(read);
}

export async function listBankBankLoans(db: Db, bankId: string): Promise<BankLoanRecord[]> {
  return (
    await queryAll(db, { index: 'byParent', partition: tenantKey('BANK', bankId), sortPrefix: prefixes.bankLoans })
  ).map(read);
}

export function putBankLoanWrite(db: Db, loan: BankLoanRecord): GuardedWrite {
  return {
    write: {
      Put: {
        TableName: db.table,
        Item: {
          ...keys.bankLoan(loan.groupId, loan.id),
          ...keys.bankLoanOfBank(loan.bankId, loan.createdAt, loan.id),
          entity: 'BankLoan',
          ...loan,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

/** A bank loan repaid in full: its final state on its record. */
export function bankLoanRepaidWrite(db: Db, groupId: string, loan: BankLoanState, on: string): GuardedWrite {
  return {
    write: {
      Update: {
        TableName: db.table,
        Key: keys.bankLoan(groupId, loan.id),
        UpdateExpression: 'SET #s = :s, repaidOn = :on, maxDaysLate = :late, principalPaid = :pp, interestPaid = :ip',
        ConditionExpression: '#s = :disbursed',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':s': 'REPAID',
          ':on': on,
          ':late': loan.maxDaysLate,
          ':pp': loan.principalPaid,
          ':ip': loan.interestPaid,
          ':disbursed': 'DISBURSED',
        },
      },
    },
  };
}
