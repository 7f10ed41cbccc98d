/**
 * Bank access in plain words: the president may read the bank's request but not decide it; the
 * treasurer approves it narrowed, sees what the bank may see and who looked, then pauses and
 * revokes the grant — each step checked through the API.
 */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

interface GrantsAnswer {
  myGroups: { id: string; grants: { id: string; state: string; scopes: string[]; bank: { name: string } }[] }[];
}
const GRANTS = '{ myGroups { id grants { id state scopes bank { name } } } }';

test('the treasurer approves a bank request narrowed, sees the read, pauses and revokes; the president may not decide', async ({
  page,
  request,
}, testInfo) => {
  // The president reads the request as a sentence, but deciding is the treasurer's.
  await signIn(page, 'កែវ ស្រីមុំ (president)');
  await page.getByRole('link', { name: 'ធនាគារ', exact: true }).click();
  const asked = page.getByRole('heading', { level: 3 }).filter({ hasText: 'សុំមើល' }).first();
  await expect(asked).toContainText('Samlout Rural Credit Bank');
  await expect(asked).toContainText('ដើម្បីវាយតម្លៃប្រាក់កម្ចី');
  const card = page.getByRole('article').filter({ has: asked });
  await card.getByRole('button', { name: 'អនុញ្ញាត' }).click();
  await expect(card.getByRole('alert')).toContainText('ហេរញ្ញិក');
  await page.getByRole('button', { name: 'ចាកចេញ' }).click();

  const before = (await api<GrantsAnswer>(request, 'demo-treasurer', GRANTS)).myGroups[0]!;
  await signIn(page, 'ចាន់ សុភា (treasurer)');
  await page.getByRole('link', { name: 'ធនាគារ', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'សំណើរង់ចាំចម្លើយ' })).toBeVisible();
  await screenshot(page, testInfo, 'bank-access-km');
  await expectAccessible(page);

  // Narrow it: only savings, for 6 months.
  const request$ = page.getByRole('article').filter({ hasText: 'Samlout Rural Credit Bank' }).first();
  const boxes = request$.getByRole('checkbox');
  const asks = await boxes.count();
  for (let i = 0; i < asks; i++) {
    const box = boxes.nth(i);
    if ((await box.locator('xpath=..').textContent())?.includes('ប្រាក់សន្សំ')) await box.check();
    else await box.uncheck();
  }
  await request$.getByRole('textbox', { name: 'រយៈពេល (ខែ)' }).fill('6');
  await request$.getByRole('button', { name: 'អនុញ្ញាត' }).click();
  await expect(page.getByText('Samlout Rural Credit Bank (demo) អាចមើលប្រាក់សន្សំរបស់ក្រុមអ្នក')).toBeVisible();

  const after = (await api<GrantsAnswer>(request, 'demo-treasurer', GRANTS)).myGroups[0]!;
  const made = after.grants.filter((g) => !before.grants.some((b) => b.id === g.id));
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({ state: 'ACTIVE', scopes: ['SAVINGS_SUMMARY'] });

  // The bank reads under it; the group sees who looked, by name.
  await api(
    request,
    'demo-bank-officer',
    'query($g: ID!) { bankView(groupId: $g) { savingsSummary { totalSavings } } }',
    {
      g: after.id,
    },
  );
  await page.reload();
  await expect(
    page.getByText('លី ចន្ធូ (loan officer) នៃ Samlout Rural Credit Bank (demo) បានមើលប្រាក់សន្សំ').first(),
  ).toBeVisible();

  // Pause, then revoke, each with a reason.
  const grant = page
    .getByRole('listitem')
    .filter({ hasText: 'អាចមើលប្រាក់សន្សំរបស់ក្រុមអ្នក' })
    .filter({ hasText: 'កំពុងអនុញ្ញាត' })
    .first();
  await grant.getByRole('textbox', { name: 'មូលហេតុ (ចាំបាច់)' }).fill('រង់ចាំប្រជុំក្រុម');
  await grant.getByRole('button', { name: 'ផ្អាក' }).click();
  const paused = page.getByRole('listitem').filter({ hasText: 'បានផ្អាក' }).first();
  await expect(paused).toBeVisible();
  await paused.getByRole('textbox', { name: 'មូលហេតុ (ចាំបាច់)' }).fill('ក្រុមសម្រេចបញ្ឈប់');
  await paused.getByRole('button', { name: 'ដកហូត' }).click();
  await expect(page.getByText('បានដកហូត').first()).toBeVisible();
  const revoked = (await api<GrantsAnswer>(request, 'demo-treasurer', GRANTS)).myGroups[0]!.grants.find(
    (g) => g.id === made[0]!.id,
  );
  expect(revoked?.state).toBe('REVOKED');
});
