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

test('the minutes book: the secretary corrects a meeting’s minutes with a reason; the president reads it', async ({
  page,
  request,
}, testInfo) => {
  const meetings = `{ myGroups { meetings(first: 1) { nodes { date minutes { agendaItem decision } corrections { number reason } } } } }`;
  interface Meetings {
    myGroups: {
      meetings: {
        nodes: {
          date: string;
          minutes: { agendaItem: string; decision: string | null }[];
          corrections: { number: number; reason: string }[];
        }[];
      };
    }[];
  }
  const newest = (await api<Meetings>(request, 'demo-secretary', meetings)).myGroups[0]!.meetings.nodes[0]!;
  const item = `ផ្លូវភូមិ ${Date.now().toString(36)}`;

  await signIn(page, 'កែវ ស្រីមុំ (president)');
  await page.getByRole('link', { name: 'សៀវភៅកំណត់ហេតុប្រជុំ' }).click();
  await expect(page.getByRole('heading', { name: 'សៀវភៅកំណត់ហេតុប្រជុំ', level: 1 })).toBeVisible();
  const first = page.getByRole('article').first();
  await expect(first.getByRole('row')).toHaveCount(newest.minutes.length + 1);
  // The STREAM guide gives the minutes to the secretary and the books to the treasurer: the president
  // chairs and reads them (the API refuses her a correction too: test/api/corrections.test.ts).
  await expect(first.getByRole('button', { name: /^កែកិច្ចប្រជុំថ្ងៃ/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'ចាកចេញ' }).click();

  await signIn(page, 'ហេង ធីតា (secretary)');
  await page.goto('/minutes');
  await page
    .getByRole('article')
    .first()
    .getByRole('button', { name: /^កែកិច្ចប្រជុំថ្ងៃ/ })
    .click();
  const form = page
    .getByRole('article')
    .first()
    .getByRole('form', { name: /^កែកិច្ចប្រជុំថ្ងៃ/ });
  await form.getByRole('button', { name: 'បន្ថែមរបៀបវារៈ' }).click();
  await form.getByRole('textbox', { name: 'របៀបវារៈ' }).last().fill(item);
  await form.getByRole('textbox', { name: 'សេចក្តីសម្រេច' }).last().fill('សមាជិក ៤ នាក់ជួសជុលថ្ងៃសៅរ៍');
  await form.getByRole('textbox', { name: 'មូលហេតុ (ចាំបាច់)' }).fill('ភ្លេចកត់');
  await screenshot(page, testInfo, 'minutes-correct-km');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'រក្សាទុកការកែ' }).click();
  const article = page.getByRole('article').first();
  await expect(article.getByRole('row').filter({ hasText: item })).toContainText('សមាជិក ៤ នាក់ជួសជុលថ្ងៃសៅរ៍');
  await expect(article).toContainText(`ការកែលើកទី ${newest.corrections.length + 1}៖ ភ្លេចកត់`);
  await screenshot(page, testInfo, 'minutes-km');
  await expectAccessible(page);

  const after = (await api<Meetings>(request, 'demo-secretary', meetings)).myGroups[0]!.meetings.nodes[0]!;
  expect(after.date).toBe(newest.date);
  expect(after.minutes).toEqual([...newest.minutes, { agendaItem: item, decision: 'សមាជិក ៤ នាក់ជួសជុលថ្ងៃសៅរ៍' }]);
  expect(after.corrections.at(-1)).toEqual({ number: newest.corrections.length + 1, reason: 'ភ្លេចកត់' });
});
