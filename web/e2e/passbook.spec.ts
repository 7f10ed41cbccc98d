/** A member's passbook, printed on one A4 page, and a correction of her details kept with its reason. */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

test('the secretary opens a passbook, prints it on one page, and corrects a phone number with a reason', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, 'ហេង ធីតា (secretary)');
  await page.getByRole('link', { name: 'សមាជិក' }).click();
  const first = page.getByRole('link', { name: /^សៀវភៅសន្សំរបស់ / }).first();
  const name = ((await first.getAttribute('aria-label')) ?? '').replace('សៀវភៅសន្សំរបស់ ', '');
  await first.click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('សន្សំ');
  await screenshot(page, testInfo, 'passbook-km');
  await expectAccessible(page);

  // Chromium's own print to PDF, as the browser's "Save as PDF" makes it: one A4 page.
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);

  await page.getByRole('textbox', { name: 'លេខទូរស័ព្ទ' }).fill('097 555 1234');
  await page.getByRole('textbox', { name: 'មូលហេតុ (ចាំបាច់)' }).fill('នាងប្តូរលេខទូរស័ព្ទ');
  await page.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'បានរក្សាទុក' })).toBeVisible();

  const { myGroups } = await api<{
    myGroups: { members: { nodes: { name: string; phone: string | null; corrections: { reason: string }[] }[] } }[];
  }>(request, 'demo-secretary', '{ myGroups { members(first: 100) { nodes { name phone corrections { reason } } } } }');
  const member = myGroups[0]!.members.nodes.find((m) => m.name === name);
  expect(member?.phone).toBe('097 555 1234');
  expect(member?.corrections.at(-1)?.reason).toBe('នាងប្តូរលេខទូរស័ព្ទ');
});
