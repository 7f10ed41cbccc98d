/**
 * An administrator's people, in Khmer on a phone: she invites a bank's loan officer by name and
 * phone, who can sign in at once, then takes the role away with a reason — kept in the person's
 * history (checked through the API). Nobody is offered to take her own role away, nor a group's
 * office (that changes by appointment).
 */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

test('the administrator invites a loan officer, who signs in, and takes the role away with a reason', async ({
  browser,
  page,
  request,
}, testInfo) => {
  await signIn(page, 'Platform Admin');
  await expect(page.getByRole('heading', { name: 'មនុស្ស', level: 1 })).toBeVisible();
  // Her own role and group offices have no "take away".
  const admin = page.getByRole('listitem').filter({ hasText: 'Platform Admin' });
  await expect(admin.getByRole('button', { name: /^ដកតួនាទី/ })).toHaveCount(0);
  const treasurer = page.getByRole('listitem').filter({ hasText: 'ចាន់ សុភា (treasurer)' });
  await expect(treasurer.getByRole('button', { name: /^ដកតួនាទី/ })).toHaveCount(0);
  await screenshot(page, testInfo, 'admin-people-km');
  await expectAccessible(page);

  const invite = page.getByRole('form', { name: 'អញ្ជើញមនុស្សម្នាក់' });
  await invite.getByRole('textbox', { name: 'ឈ្មោះ' }).fill('ហេង ស្រីពៅ');
  await invite.getByRole('textbox', { name: 'លេខទូរស័ព្ទ' }).fill('015 333 444');
  await invite
    .getByRole('combobox', { name: 'តួនាទី និងកន្លែង' })
    .selectOption({ label: 'មន្ត្រីឥណទាន · Samlout Rural Credit Bank (demo)' });
  await invite.getByRole('button', { name: 'អញ្ជើញមនុស្សម្នាក់' }).click();
  await expect(invite.getByRole('status')).toHaveText(
    'បានអញ្ជើញ ហេង ស្រីពៅ ជា មន្ត្រីឥណទាន · Samlout Rural Credit Bank (demo)',
  );
  const her = page.getByRole('listitem').filter({ hasText: 'ហេង ស្រីពៅ' });
  await expect(her).toContainText('+85515333444');
  await expect(her).toContainText('មន្ត្រីឥណទាន · Samlout Rural Credit Bank (demo)');

  // The same number again is refused, in Khmer, and nothing changes.
  await invite.getByRole('textbox', { name: 'ឈ្មោះ' }).fill('ម្នាក់ទៀត');
  await invite.getByRole('textbox', { name: 'លេខទូរស័ព្ទ' }).fill('+855 15 333 444');
  await invite.getByRole('button', { name: 'អញ្ជើញមនុស្សម្នាក់' }).click();
  await expect(invite.getByRole('alert')).toContainText('លេខទូរស័ព្ទនេះ');

  // She signs in at once, on her own phone.
  const { baseURL, locale } = testInfo.project.use;
  const herPhone = await browser.newContext({ baseURL, locale, viewport: { width: 360, height: 640 } });
  const herPage = await herPhone.newPage();
  await herPage.goto('/');
  await herPage.getByRole('button', { name: 'ចូលជា ហេង ស្រីពៅ' }).click();
  await expect(herPage.getByRole('heading', { name: 'ស្វែងរកក្រុមតាមទីកន្លែង', level: 1 })).toBeVisible();
  await herPhone.close();

  // She left the bank: the role is taken away, with the reason.
  await her.getByRole('button', { name: /^ដកតួនាទី/ }).click();
  const form = her.getByRole('form');
  await form.getByRole('textbox', { name: 'មូលហេតុ (ចាំបាច់)' }).fill('បានចាកចេញពីធនាគារ');
  await form.getByRole('button', { name: 'ដកតួនាទី' }).click();
  await expect(her).not.toContainText('មន្ត្រីឥណទាន');
  await screenshot(page, testInfo, 'admin-role-taken-km');

  const people = await api<{ people: { nodes: { id: string; displayName: string }[] } }>(
    request,
    'demo-admin',
    '{ people(first: 100) { nodes { id displayName } } }',
  );
  const id = people.people.nodes.find((p) => p.displayName === 'ហេង ស្រីពៅ')!.id;
  const history = await api<{ person: { roles: unknown[]; roleHistory: { action: string; reason: string | null }[] } }>(
    request,
    'demo-admin',
    'query($id: ID!) { person(id: $id) { roles { role } roleHistory { action reason } } }',
    { id },
  );
  expect(history.person.roles).toEqual([]);
  expect(history.person.roleHistory.map((c) => [c.action, c.reason])).toEqual([
    ['ASSIGNED', null],
    ['REVOKED', 'បានចាកចេញពីធនាគារ'],
  ]);
});
