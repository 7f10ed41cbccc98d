/** The treasurer's books on paper and on the phone: the loan book with schedules and days late, and the cash book. */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

test('the loan book shows each loan with its schedule; the cash book a range with its totals, ready to print', async ({
  page,
  request,
}, testInfo) => {
  const { myGroups } = await api<{ myGroups: { loans: { member: { name: string } }[] }[] }>(
    request,
    'demo-officer-kampong-lpov-oldest',
    '{ myGroups { loans(status: ACTIVE) { member { name } } } }',
  );
  const borrower = myGroups[0]!.loans[0]!.member.name;
  await signIn(page, 'Treasurer of ក្រុមស្ត្រីកំពង់ល្ពៅ');

  await page.getByRole('link', { name: 'សៀវភៅកម្ចី' }).click();
  await expect(page.getByRole('heading', { name: 'សៀវភៅកម្ចី', level: 1 })).toBeVisible();
  await page
    .getByRole('button', { name: new RegExp(borrower) })
    .first()
    .click();
  const schedule = page.getByRole('table');
  await expect(schedule.getByRole('columnheader', { name: 'ថ្ងៃត្រូវសង' })).toBeVisible();
  expect(await schedule.getByRole('row').count()).toBeGreaterThan(1);
  await screenshot(page, testInfo, 'loans-km');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'ទំព័រដើម' }).click();
  await page.getByRole('link', { name: 'សៀវភៅសាច់ប្រាក់' }).click();
  const ledger = page.getByRole('table');
  await expect(ledger.getByRole('rowheader', { name: 'សរុប' })).toBeVisible();
  expect(await ledger.getByRole('row').count()).toBeGreaterThan(3);
  await expect(ledger).toContainText('សន្សំ');
  await screenshot(page, testInfo, 'cash-book-km');
  await expectAccessible(page);
  await expect(page.getByRole('button', { name: 'បោះពុម្ព' })).toBeVisible();
});
