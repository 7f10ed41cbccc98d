/**
 * More of a treasurer's journeys: the member register (adding a member, who then appears with her
 * savings), and two phones recording the same meeting — the second is told plainly.
 */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn, waitForOfflineReady } from './helpers.ts';

test('the treasurer adds a member, who is then on the register', async ({ page, request }, testInfo) => {
  await signIn(page, 'Treasurer of Cambodia Women’s Support Group');
  await page.getByRole('link', { name: 'សមាជិក' }).click();
  await expect(page.getByRole('heading', { name: 'សមាជិក', level: 1 })).toBeVisible();
  await screenshot(page, testInfo, 'members-km');
  await expectAccessible(page);

  await page.getByRole('textbox', { name: 'ឈ្មោះ' }).fill('សុខ ស្រីនាង ថ្មី');
  await page.getByRole('textbox', { name: 'លេខទូរស័ព្ទ' }).fill('012345678');
  await page.getByRole('button', { name: 'បន្ថែមសមាជិក' }).click();
  await expect(page.getByText('បានរក្សាទុក: សុខ ស្រីនាង ថ្មី')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'សុខ ស្រីនាង ថ្មី' })).toBeVisible();

  const register = await api<{ myGroups: { members: { nodes: { name: string; phone: string | null }[] } }[] }>(
    request,
    'demo-officer-cwsg',
    '{ myGroups { members(first: 100) { nodes { name phone } } } }',
  );
  expect(register.myGroups[0]!.members.nodes).toContainEqual({ name: 'សុខ ស្រីនាង ថ្មី', phone: '012345678' });
});

test('two phones record the same meeting: the second is told it was already recorded', async ({
  browser,
}, testInfo) => {
  const { baseURL, locale } = testInfo.project.use;
  const phone = { baseURL, locale, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
  const phones = [await browser.newContext(phone), await browser.newContext(phone)];
  const pages = await Promise.all(phones.map((c) => c.newPage()));
  const treasurer = 'Treasurer of Kampong Lpov New Hope Group';
  for (const page of pages) {
    await signIn(page, treasurer);
    await page.getByRole('link', { name: 'កត់ត្រាកិច្ចប្រជុំ' }).click();
    await page.getByRole('button', { name: 'ពិនិត្យមុនរក្សាទុក' }).click();
    await expect(page.getByRole('heading', { name: 'សង្ខេប' })).toBeVisible();
  }
  await pages[0]!.getByRole('button', { name: 'បញ្ជាក់ និងរក្សាទុក' }).click();
  await expect(pages[0]!.getByText('បានផ្ញើ', { exact: true })).toBeVisible({ timeout: 20_000 });

  await pages[1]!.getByRole('button', { name: 'បញ្ជាក់ និងរក្សាទុក' }).click();
  await expect(pages[1]!.getByText('មិនទទួលយក', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(pages[1]!.getByRole('alert')).toContainText('ទូរស័ព្ទផ្សេង');
  await expect(pages[1]!.getByRole('link', { name: 'កែ ហើយផ្ញើម្តងទៀត' })).toBeVisible();
  await screenshot(pages[1]!, testInfo, 'home-rejected-km');
  await expectAccessible(pages[1]!);
  for (const c of phones) await c.close();
});

test('a shared phone: a meeting waiting for one group is neither shown to nor sent by another group’s officer', async ({
  context,
  page,
  request,
}, testInfo) => {
  const keeper = { id: 'demo-officer-kampong-kdei', name: 'Treasurer of ក្រុមជួយខ្លួនឯងកំពង់ក្ដី' };
  const MEETINGS = '{ myGroups { meetings(first: 50) { nodes { date } } } }';
  type Meetings = { myGroups: { meetings: { nodes: unknown[] } }[] };
  const count = async () => (await api<Meetings>(request, keeper.id, MEETINGS)).myGroups[0]!.meetings.nodes.length;
  const before = await count();
  const kept = () =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('krom');
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => resolve((all.result as { status: string }[]).map((m) => m.status));
          };
        }),
    );

  await signIn(page, keeper.name);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'កត់ត្រាកិច្ចប្រជុំ' }).click();
  await page.getByRole('button', { name: 'ពិនិត្យមុនរក្សាទុក' }).click();
  await page.getByRole('button', { name: 'បញ្ជាក់ និងរក្សាទុក' }).click();
  await expect(page.getByRole('status')).toContainText('1 កិច្ចប្រជុំរង់ចាំផ្ញើ');
  await page.getByRole('button', { name: 'ចាកចេញ' }).click();
  await context.setOffline(false);

  // Another group's treasurer signs in on the same phone: nothing of the other group is hers.
  await page.reload();
  await page.getByRole('button', { name: 'ចូលជា Treasurer of Cambodia Women’s Support Group' }).click();
  await expect(page.getByRole('heading', { name: 'កិច្ចប្រជុំបន្ទាប់' })).toBeVisible();
  await expect(page.getByRole('status')).not.toContainText('រង់ចាំផ្ញើ');
  const onPhone = page.getByRole('region', { name: /^កិច្ចប្រជុំលើទូរស័ព្ទនេះ/ });
  await expect(onPhone.getByRole('heading')).toHaveText('កិច្ចប្រជុំលើទូរស័ព្ទនេះ 0');
  await expect(onPhone.getByRole('listitem')).toHaveCount(0);
  expect(await kept()).toEqual(['WAITING']);
  expect(await count()).toBe(before);
  await screenshot(page, testInfo, 'shared-phone-other-group-km');

  // Its own treasurer signs in again: the meeting goes, once.
  await page.getByRole('button', { name: 'ចាកចេញ' }).click();
  await page.getByRole('button', { name: `ចូលជា ${keeper.name}` }).click();
  await expect(page.getByText('បានផ្ញើ', { exact: true })).toBeVisible({ timeout: 20_000 });
  expect(await count()).toBe(before + 1);
});

test('a send the API refuses as a whole says why on the status bar, and the meeting keeps waiting', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, 'Treasurer of Cambodia Women’s Support Group');
  const { myGroups } = await api<{ myGroups: { id: string }[] }>(request, 'demo-officer-cwsg', '{ myGroups { id } }');
  const groupId = myGroups[0]!.id;
  // A meeting kept by an older version of the app with a day the API cannot read: the whole
  // syncMeetings request is refused before any meeting is looked at.
  await page.evaluate(async (groupId) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('krom');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const tx = db.transaction('outbox', 'readwrite');
    tx.objectStore('outbox').put({
      key: 'refused-whole-0001',
      groupId,
      date: '2026-11-20',
      input: {
        idempotencyKey: 'refused-whole-0001',
        groupId,
        date: 'not-a-date',
        attendance: [],
        minutes: [],
        entries: [],
      },
      draft: null,
      status: 'WAITING',
      error: null,
      savedAt: new Date().toISOString(),
      sentAt: null,
    });
    await new Promise((done) => {
      tx.oncomplete = done;
    });
  }, groupId);
  await page.reload();
  const bar = page.getByRole('status').filter({ hasText: '1 កិច្ចប្រជុំរង់ចាំផ្ញើ' });
  await expect(bar).toContainText('មិនបានផ្ញើទេ៖');
  // The reason in words, not the request's path to the field ("input.meetings.0.date").
  await expect(bar).not.toContainText('input.');
  await screenshot(page, testInfo, 'outbox-refused-whole-km');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'ប្តូរភាសា' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 meeting waiting' })).toContainText('Not sent:');
  await page.getByRole('button', { name: 'Change language' }).click();
});
