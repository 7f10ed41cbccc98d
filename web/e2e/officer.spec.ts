/**
 * A group treasurer's journeys on a 360×640 phone, in Khmer, against npm start's real stack:
 * her home, recording a meeting with no network (kept on the phone through a reload and a closed
 * tab, sent exactly once when the network comes back), two phones recording one meeting, and
 * adding a member.
 */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn, waitForOfflineReady } from './helpers.ts';

const TA_TAOK_TREASURER = { id: 'demo-treasurer', name: 'ចាន់ សុភា (treasurer)' };

interface MeetingsAnswer {
  myGroups: {
    id: string;
    books: { balances: { cash: string; savings: string } };
    meetings: { nodes: { date: string; presentCount: number }[] };
  }[];
}
const MEETINGS = `query { myGroups { id books { balances { cash savings } } meetings(first: 50) { nodes { date presentCount } } } }`;

test('the treasurer sees her group at a glance, in Khmer', async ({ page }, testInfo) => {
  await signIn(page, TA_TAOK_TREASURER.name);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ក្រុមជួយខ្លួនឯងតាតោក');
  for (const figure of ['ប្រអប់សាច់ប្រាក់', 'ធនាគារ', 'ប្រាក់សន្សំ', 'ប្រាក់កម្ចីនៅជំពាក់', 'មូលនិធិសង្គម'])
    await expect(page.getByText(figure, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'កិច្ចប្រជុំបន្ទាប់' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('មានអ៊ីនធឺណិត');
  // Money as people write it: thousands separated, the riel sign.
  await expect(page.locator('.card-value').first()).toHaveText(/^[\d,]+ ៛$/);
  await screenshot(page, testInfo, 'home-km');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'ប្តូរភាសា' }).click();
  await expect(page.getByRole('heading', { name: 'Next meeting' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Next meeting' })).toBeVisible();
  await page.getByRole('button', { name: 'Change language' }).click();
  await expect(page.getByRole('heading', { name: 'កិច្ចប្រជុំបន្ទាប់' })).toBeVisible();
});

test('a meeting recorded with no network survives a reload and a closed tab, and is sent exactly once', async ({
  context,
  page,
  request,
}, testInfo) => {
  const before = (await api<MeetingsAnswer>(request, TA_TAOK_TREASURER.id, MEETINGS)).myGroups[0]!;
  await signIn(page, TA_TAOK_TREASURER.name);
  await expect(page.getByRole('heading', { name: 'កិច្ចប្រជុំបន្ទាប់' })).toBeVisible();
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await page.getByRole('link', { name: 'កត់ត្រាកិច្ចប្រជុំ' }).click();
  await expect(page.getByRole('heading', { name: 'កត់ត្រាកិច្ចប្រជុំ' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('គ្មានអ៊ីនធឺណិត');

  // Everyone is present and saves the regular saving; one member is absent (no saving, the fine).
  const radios = page.getByRole('radio', { name: 'អវត្តមាន' });
  const members = await radios.count();
  expect(members).toBeGreaterThan(2);
  await radios.first().check({ force: true });
  await page.getByRole('button', { name: 'បន្ថែមរបៀបវារៈ' }).click();
  await page.getByRole('textbox', { name: 'របៀបវារៈ' }).fill('ការសន្សំប្រចាំខែ');
  await page.getByRole('textbox', { name: 'សេចក្តីសម្រេច' }).fill('សមាជិកទាំងអស់យល់ព្រម');
  await screenshot(page, testInfo, 'meeting-km');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'ពិនិត្យមុនរក្សាទុក' }).click();
  await expect(page.getByRole('heading', { name: 'សង្ខេប' })).toBeVisible();
  await expect(page.getByText('សាច់ប្រាក់ក្រោយប្រជុំ')).toBeVisible();
  await screenshot(page, testInfo, 'meeting-summary-km');
  await page.getByRole('button', { name: 'បញ្ជាក់ និងរក្សាទុក' }).click();

  await expect(page.getByRole('status')).toContainText('1 កិច្ចប្រជុំរង់ចាំផ្ញើ');
  await expect(page.getByText('រង់ចាំផ្ញើ', { exact: true })).toBeVisible();
  await screenshot(page, testInfo, 'home-waiting-km');

  // Reload with no network: the service worker opens the app, the phone still holds the meeting.
  await page.reload();
  await expect(page.getByRole('status')).toContainText('1 កិច្ចប្រជុំរង់ចាំផ្ញើ');
  // Close the tab and open the app again, still offline.
  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByRole('status')).toContainText('1 កិច្ចប្រជុំរង់ចាំផ្ញើ');
  const stillBefore = (await api<MeetingsAnswer>(request, TA_TAOK_TREASURER.id, MEETINGS)).myGroups[0]!;
  expect(stillBefore.meetings.nodes.length).toBe(before.meetings.nodes.length);

  // The network comes back: the outbox sends it by itself.
  await context.setOffline(false);
  await expect(again.getByText('បានផ្ញើ', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(again.getByRole('status')).not.toContainText('រង់ចាំផ្ញើ');
  // A second send (the button would show if anything waited; a reload starts the outbox again) adds nothing.
  await again.reload();
  await expect(again.getByText('បានផ្ញើ', { exact: true })).toBeVisible();

  const after = (await api<MeetingsAnswer>(request, TA_TAOK_TREASURER.id, MEETINGS)).myGroups[0]!;
  expect(after.meetings.nodes.length).toBe(before.meetings.nodes.length + 1);
  expect(after.meetings.nodes[0]!.presentCount).toBe(members - 1);
  expect(BigInt(after.books.balances.savings)).toBeGreaterThan(BigInt(before.books.balances.savings));
});
