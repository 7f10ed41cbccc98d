/**
 * A loan from a bank, in Khmer, from both sides: the treasurer asks the bank for a loan; the
 * bank's loan officer approves it with the interest a month and reasons the group reads, then pays
 * it in; the group's books record it (checked through the API) and the treasurer sees what is
 * owed and the next repayment. The president may read the group's bank loans but not ask for one.
 */
import { expect, test } from '@playwright/test';
import { DEMO_BANK } from '../../dev/demo-data.ts';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

interface Books {
  myGroups: { id: string; name: string; books: { balances: { cash: string; bankLoansOutstanding: string } } }[];
}
const BOOKS = '{ myGroups { id name books { balances { cash bankLoansOutstanding } } } }';

test('the treasurer asks a bank for a loan; the loan officer approves it and pays it in; the books record it', async ({
  page,
  request,
}, testInfo) => {
  const purpose = `ទិញពូជស្រូវ ${Date.now().toString(36)}`;
  const before = (await api<Books>(request, 'demo-treasurer', BOOKS)).myGroups[0]!;

  await signIn(page, 'ចាន់ សុភា (treasurer)');
  await page.getByRole('link', { name: 'ធនាគារ', exact: true }).click();
  await page.getByRole('link', { name: 'កម្ចីពីធនាគារ' }).click();
  await expect(page.getByRole('heading', { name: 'កម្ចីពីធនាគារ', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'សុំកម្ចីពីធនាគារ' });
  await form.getByRole('combobox', { name: 'ធនាគារ' }).selectOption({ label: DEMO_BANK });
  await form.getByRole('textbox', { name: /ចំនួនទឹកប្រាក់/ }).fill('2,000,000');
  await form.getByRole('textbox', { name: 'រយៈពេល (ខែ)' }).fill('12');
  await form.getByRole('textbox', { name: 'គោលបំណង' }).fill(purpose);
  await form.getByRole('button', { name: 'ផ្ញើសំណើ' }).click();
  const mine = page.getByRole('article').filter({ hasText: purpose });
  await expect(mine).toContainText(DEMO_BANK);
  await expect(mine).toContainText('កំពុងរង់ចាំធនាគារ');
  await screenshot(page, testInfo, 'officer-bank-loans-km');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'ចាកចេញ' }).click();

  // The bank decides: approved at 1.5% a month, with reasons the group reads; then pays it in.
  await signIn(page, 'លី ចន្ធូ (loan officer)');
  await page.getByRole('navigation').getByRole('link', { name: 'កម្ចី' }).click();
  await expect(page.getByRole('heading', { name: 'កម្ចីទៅក្រុម', level: 1 })).toBeVisible();
  const asked = page.getByRole('article').filter({ hasText: purpose });
  await expect(asked.getByRole('heading', { level: 2 })).toContainText(before.name);
  await expect(asked.getByRole('heading', { level: 2 })).toContainText('2,000,000');
  const decide = asked.getByRole('form', { name: `សម្រេចលើកម្ចីរបស់ ${before.name}` });
  await decide.getByRole('textbox', { name: 'ការប្រាក់ក្នុងមួយខែ (%)' }).fill('1.5');
  await decide.getByRole('textbox', { name: 'មូលហេតុ (ក្រុមនឹងឃើញ)' }).fill('ក្រុមសន្សំទៀងទាត់ និងសងទាន់ពេល');
  await screenshot(page, testInfo, 'bank-loans-decide-km');
  await expectAccessible(page);
  await decide.getByRole('button', { name: 'អនុញ្ញាត' }).click();
  await expect(asked).toContainText('ធនាគារយល់ព្រម');
  await asked.getByRole('button', { name: 'បើកប្រាក់' }).click();
  await expect(asked).toContainText('បានបើកប្រាក់');
  await expect(asked.getByRole('heading', { name: 'ការសងដែលត្រូវដល់', level: 3 })).toBeVisible();
  await expect(asked.getByRole('listitem')).toHaveCount(3);
  await screenshot(page, testInfo, 'bank-loans-paid-in-km');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'ចាកចេញ' }).click();

  // The group's books hold the loan and the cash it brought.
  const after = (await api<Books>(request, 'demo-treasurer', BOOKS)).myGroups[0]!;
  expect(BigInt(after.books.balances.bankLoansOutstanding) - BigInt(before.books.balances.bankLoansOutstanding)).toBe(
    2_000_000n,
  );
  expect(BigInt(after.books.balances.cash) - BigInt(before.books.balances.cash)).toBe(2_000_000n);

  // The treasurer sees it paid in, what is owed and the next repayment; the president reads it but may not ask.
  await signIn(page, 'ចាន់ សុភា (treasurer)');
  await page.goto('/bank-loans');
  const paid = page.getByRole('article').filter({ hasText: purpose });
  await expect(paid).toContainText('បានបើកប្រាក់');
  await expect(paid).toContainText('ធនាគារ៖ ក្រុមសន្សំទៀងទាត់ និងសងទាន់ពេល');
  await expect(paid).toContainText('2,000,000');
  await expect(paid.getByText('ការសងបន្ទាប់')).toBeVisible();
  await page.getByRole('button', { name: 'ចាកចេញ' }).click();

  await signIn(page, 'កែវ ស្រីមុំ (president)');
  await page.goto('/bank-loans');
  await expect(page.getByRole('article').filter({ hasText: purpose })).toContainText('បានបើកប្រាក់');
  const form$ = page.getByRole('form', { name: 'សុំកម្ចីពីធនាគារ' });
  await form$.getByRole('textbox', { name: /ចំនួនទឹកប្រាក់/ }).fill('100,000');
  await form$.getByRole('textbox', { name: 'គោលបំណង' }).fill('គ្មាន');
  await form$.getByRole('button', { name: 'ផ្ញើសំណើ' }).click();
  await expect(form$.getByRole('alert')).toContainText('ហេរញ្ញិក');
});
