/**
 * Money between meetings, in Khmer, on a phone: the treasurer of a group with a bank loan records
 * an expense (refused on the phone until she says what it was for), a deposit at the bank and a
 * repayment of the bank's loan; she undoes the deposit from the cash book with a reason, and the
 * book keeps both. The bank's loan officer then follows the repayment on her own loan, with no
 * grant. Every figure is checked through the API.
 */
import { expect, test } from '@playwright/test';
import { DEMO_BANK } from '../../dev/demo-data.ts';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

const TREASURER = { id: 'demo-officer-chi-kraeng', name: 'Treasurer of ក្រុមជួយខ្លួនឯងជីក្រែង' };
const BANK_OFFICER = { id: 'demo-bank-officer', name: 'លី ចន្ធូ (loan officer)' };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Phnom_Penh' }).format(new Date());

interface Balances {
  cash: string;
  bank: string;
  otherExpense: string;
  bankLoansOutstanding: string;
}
const BOOKS = '{ myGroups { id books { balances { cash bank otherExpense bankLoansOutstanding } } } }';

test('the treasurer records money between meetings and undoes a mistake; the bank follows its loan', async ({
  page,
  request,
}, testInfo) => {
  const books = async () =>
    (await api<{ myGroups: { id: string; books: { balances: Balances } }[] }>(request, TREASURER.id, BOOKS))
      .myGroups[0]!;
  const group = await books();
  // The group has a loan from the bank, paid in today (as in bank-loans.spec, through the screens).
  const run = Date.now().toString(36);
  const purpose = `ម៉ាស៊ីនកិនស្រូវ ${run}`;
  const { banks } = await api<{ banks: { nodes: { id: string; name: string }[] } }>(
    request,
    TREASURER.id,
    '{ banks(first: 50) { nodes { id name } } }',
  );
  const bankId = banks.nodes.find((b) => b.name === DEMO_BANK)!.id;
  const loanId = (
    await api<{ applyForBankLoan: { id: string } }>(
      request,
      TREASURER.id,
      'mutation($input: ApplyForBankLoanInput!) { applyForBankLoan(input: $input) { id } }',
      {
        input: {
          idempotencyKey: `e2e-loan-${run}`,
          groupId: group.id,
          bankId,
          amount: '1000000',
          termMonths: 10,
          purpose,
        },
      },
    )
  ).applyForBankLoan.id;
  await api(
    request,
    BANK_OFFICER.id,
    'mutation($input: DecideBankLoanInput!) { decideBankLoan(input: $input) { id } }',
    {
      input: {
        idempotencyKey: `e2e-decide-${loanId}`,
        groupId: group.id,
        bankLoanId: loanId,
        approve: true,
        reasons: 'ok',
        monthlyInterestBasisPoints: 120,
      },
    },
  );
  await api(
    request,
    BANK_OFFICER.id,
    'mutation($input: DisburseBankLoanInput!) { disburseBankLoan(input: $input) { id } }',
    {
      input: { idempotencyKey: `e2e-pay-${loanId}`, groupId: group.id, bankLoanId: loanId, date: today },
    },
  );
  const before = (await books()).books.balances;

  await signIn(page, TREASURER.name);
  await page.getByRole('link', { name: 'ប្រាក់ចូលចេញក្រៅកិច្ចប្រជុំ' }).click();
  await expect(page.getByRole('heading', { name: 'ប្រាក់ចូលចេញក្រៅកិច្ចប្រជុំ', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'កត់ប្រាក់ចូល ឬចេញ' });
  const what = form.getByRole('combobox', { name: 'អ្វីបានកើតឡើង' });
  const amount = form.getByRole('textbox', { name: 'ចំនួនទឹកប្រាក់ (រៀល)' });
  const record = form.getByRole('button', { name: 'កត់ត្រា' });

  // An expense must say what it was for: the phone says so and sends nothing.
  await what.selectOption({ label: 'ចំណាយផ្សេងៗ' });
  await amount.fill('7,000');
  await record.click();
  await expect(form.getByRole('textbox', { name: 'សម្រាប់អ្វី' })).toHaveAccessibleDescription(/សូមសរសេរថាសម្រាប់អ្វី/);
  await screenshot(page, testInfo, 'money-refused-km');
  expect((await books()).books.balances.otherExpense).toBe(before.otherExpense);
  await form.getByRole('textbox', { name: 'សម្រាប់អ្វី' }).fill('ទិញសៀវភៅបញ្ជី');
  await record.click();
  await expect(form.getByRole('status')).toContainText('ចំណាយផ្សេងៗ');

  // Cash to the bank; the cash box after it is shown before she sends.
  await what.selectOption({ label: 'ដាក់ប្រាក់ក្នុងធនាគារ' });
  await amount.fill('50,000');
  await expect(form).toContainText(`សាច់ប្រាក់ក្នុងប្រអប់ក្រោយនេះ: ${(BigInt(before.cash) - 57_000n).toLocaleString('en-US')}`);
  await record.click();
  await expect(form.getByRole('status')).toContainText('ដាក់ប្រាក់ក្នុងធនាគារ');

  // A repayment of the bank's loan, chosen by its bank.
  await what.selectOption({ label: 'សងកម្ចីធនាគារ' });
  const loan = form.getByRole('combobox', { name: 'កម្ចីណា' });
  await loan.selectOption({ label: `${DEMO_BANK} · 1,000,000 ៛` });
  await amount.fill('100,000');
  await screenshot(page, testInfo, 'money-km');
  await expectAccessible(page);
  await record.click();
  await expect(form.getByRole('status')).toContainText('សងកម្ចីធនាគារ');

  const after = (await books()).books.balances;
  expect(BigInt(after.cash) - BigInt(before.cash)).toBe(-157_000n);
  expect(BigInt(after.bank) - BigInt(before.bank)).toBe(50_000n);
  expect(BigInt(after.otherExpense) - BigInt(before.otherExpense)).toBe(7_000n);
  expect(BigInt(after.bankLoansOutstanding)).toBeLessThan(BigInt(before.bankLoansOutstanding));

  // The deposit was a mistake: undone from the cash book with the reason; the book keeps both.
  await page.getByRole('link', { name: 'សៀវភៅសាច់ប្រាក់' }).click();
  const ledger = page.getByRole('table');
  await ledger.getByRole('button', { name: 'ដាក់ប្រាក់ក្នុងធនាគារ' }).last().click();
  const undo = page.getByRole('form', { name: /^កែតម្រូវ ដាក់ប្រាក់ក្នុងធនាគារ ថ្ងៃ/ });
  await undo.getByRole('textbox', { name: 'ហេតុអ្វីកែតម្រូវ' }).fill('ដាក់ខុសគណនី');
  // A year of the group's books is a long page: the shot is of the entry being undone.
  await undo.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'cash-book-undo-km', false);
  await expectAccessible(page);
  await undo.getByRole('button', { name: 'បញ្ជាក់ការកែតម្រូវ' }).click();
  await expect(undo).toHaveCount(0);
  const reversal = ledger.getByRole('row').filter({ hasText: 'ដាក់ខុសគណនី' });
  await expect(reversal).toContainText('កែតម្រូវ (បញ្ច្រាស)');
  await expect(reversal).toContainText('កែតម្រូវប្រតិបត្តិការថ្ងៃ');
  await expect(ledger.getByRole('row').filter({ hasText: 'បានកែតម្រូវ' })).toHaveCount(1);
  await ledger.getByRole('row').filter({ hasText: 'ដាក់ខុសគណនី' }).scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'cash-book-undone-km', false);
  const undone = (await books()).books.balances;
  expect(undone.bank).toBe(before.bank);
  expect(BigInt(undone.cash) - BigInt(before.cash)).toBe(-107_000n);
  await page.getByRole('button', { name: 'ចាកចេញ' }).click();

  // The bank follows its own loan: what was repaid, with no grant.
  const seen = (
    await api<{
      myBankAccess: { loans: { id: string; principalPaid: string; interestPaid: string; outstanding: string }[] };
    }>(request, BANK_OFFICER.id, '{ myBankAccess { loans { id principalPaid interestPaid outstanding } } }')
  ).myBankAccess.loans.find((l) => l.id === loanId)!;
  expect(BigInt(seen.principalPaid) + BigInt(seen.interestPaid)).toBe(100_000n);
  await signIn(page, BANK_OFFICER.name);
  await page.getByRole('navigation').getByRole('link', { name: 'កម្ចី' }).click();
  const card = page.getByRole('article').filter({ hasText: purpose });
  await expect(card).toContainText('ប្រាក់ដើមបានសង');
  await expect(card).toContainText(BigInt(seen.outstanding).toLocaleString('en-US'));
  await expect(card).toContainText('ទាន់ពេល');
  await screenshot(page, testInfo, 'bank-loans-progress-km');
  await expectAccessible(page);
});

test('a member leaves: her savings are paid out from her passbook, then the day she left is recorded', async ({
  page,
  request,
}, testInfo) => {
  const { myGroups } = await api<{
    myGroups: {
      id: string;
      members: { nodes: { id: string; name: string; savings: string; leftOn: string | null }[] };
      loans: { member: { id: string } }[];
    }[];
  }>(
    request,
    TREASURER.id,
    '{ myGroups { id members(first: 100) { nodes { id name savings leftOn } } loans(status: ACTIVE) { member { id } } } }',
  );
  const group = myGroups[0]!;
  const borrowers = new Set(group.loans.map((l) => l.member.id));
  const leaving = group.members.nodes.find((m) => !m.leftOn && !borrowers.has(m.id) && BigInt(m.savings) > 0n)!;
  const savings = BigInt(leaving.savings).toLocaleString('en-US');

  await signIn(page, TREASURER.name);
  await page.getByRole('link', { name: 'សមាជិក', exact: true }).click();
  await page.getByRole('link', { name: `សៀវភៅសន្សំរបស់ ${leaving.name}` }).click();
  const leaves = page.getByRole('form', { name: 'ចាកចេញពីក្រុម' });
  // Nothing of hers may be left in the books: the button waits until her savings are paid out.
  await expect(leaves.getByRole('button', { name: 'កត់ថាគាត់បានចាកចេញ' })).toBeDisabled();
  await leaves.getByRole('link', { name: 'បើកប្រាក់សន្សំរបស់គាត់' }).click();

  const form = page.getByRole('form', { name: 'កត់ប្រាក់ចូល ឬចេញ' });
  await expect(form.getByRole('combobox', { name: 'អ្វីបានកើតឡើង' })).toHaveValue('SAVINGS_WITHDRAWAL');
  await expect(form.getByRole('combobox', { name: 'សមាជិក' })).toHaveValue(leaving.id);
  await expect(form.getByRole('textbox', { name: 'ចំនួនទឹកប្រាក់ (រៀល)' })).toHaveValue(BigInt(leaving.savings).toString());
  await form.getByRole('button', { name: 'កត់ត្រា' }).click();
  await expect(form.getByRole('status')).toContainText(`ដកប្រាក់សន្សំ ${savings} ៛`);

  await page.goBack();
  await page.reload();
  const ready = page.getByRole('form', { name: 'ចាកចេញពីក្រុម' });
  await expect(ready.getByRole('button', { name: 'កត់ថាគាត់បានចាកចេញ' })).toBeEnabled();
  await screenshot(page, testInfo, 'passbook-leaving-km');
  await expectAccessible(page);
  await ready.getByRole('button', { name: 'កត់ថាគាត់បានចាកចេញ' }).click();
  await expect(page.getByText(/បានចាកចេញថ្ងៃ/)).toBeVisible();
  await expect(ready).toHaveCount(0);

  const after = await api<{
    myGroups: { members: { nodes: { id: string; savings: string; leftOn: string | null }[] } }[];
  }>(request, TREASURER.id, '{ myGroups { members(first: 100) { nodes { id savings leftOn } } } }');
  expect(after.myGroups[0]!.members.nodes.find((m) => m.id === leaving.id)).toEqual({
    id: leaving.id,
    savings: '0',
    leftOn: today,
  });
  await page.getByRole('link', { name: 'សមាជិក', exact: true }).click();
  await expect(page.getByRole('link', { name: `សៀវភៅសន្សំរបស់ ${leaving.name}` })).toHaveCount(0);
});
