/**
 * The constitution and the officers: the president of a group reads its rules, writes a new
 * version (a mistake is named on its field first), and appoints a new secretary she invites by
 * name and phone — who can sign in at once. The treasurer reads the same screen but does not
 * appoint. The books are checked through the API.
 */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

const GROUP = 'ក្រុមជួយខ្លួនឯងជីក្រែង';
const PRESIDENT = `President of ${GROUP}`;
const TREASURER = `Treasurer of ${GROUP}`;
const RULES = 'លក្ខន្តិកៈ និងគណៈកម្មការ';

test('the president writes a new version of the rules and appoints a secretary she invites', async ({
  page,
  browser,
  request,
}, testInfo) => {
  await signIn(page, PRESIDENT);
  await page.getByRole('link', { name: RULES }).click();
  await expect(page.getByRole('heading', { name: RULES, level: 1 })).toBeVisible();
  const rules = page.getByRole('region', { name: 'លក្ខន្តិកៈ' });
  await expect(rules.getByRole('definition').filter({ hasText: '4,000 ៛' })).toBeVisible();
  await expect(rules.getByRole('definition').filter({ hasText: '5% ក្នុងមួយខែ' })).toBeVisible();
  const officers = page.getByRole('region', { name: 'គណៈកម្មការគ្រប់គ្រង' });
  await expect(officers.getByRole('listitem').filter({ hasText: 'ហេរញ្ញិក' })).toContainText(TREASURER);
  await expect(officers.getByRole('listitem').filter({ hasText: 'លេខាធិការ' })).toContainText('ទំនេរ');
  await screenshot(page, testInfo, 'rules-and-officers-km');
  await expectAccessible(page);

  // A new version: regular saving 6,000 riel, 4% a month on what is still owed.
  await page.getByRole('button', { name: 'សរសេរលក្ខន្តិកៈកំណែថ្មី' }).click();
  const form = page.getByRole('form', { name: 'សរសេរលក្ខន្តិកៈកំណែថ្មី' });
  await form.getByRole('textbox', { name: 'ប្រាក់សន្សំប្រចាំ' }).fill('6,000');
  await form.getByRole('textbox', { name: 'ការប្រាក់ក្នុងមួយខែ (%)' }).fill('បួន');
  await form.getByRole('radio', { name: 'លើប្រាក់ដើមដែលនៅជំពាក់' }).check();
  await form.getByRole('button', { name: 'រក្សាទុកកំណែថ្មី' }).click();
  await expect(form.getByText('សូមបញ្ចូលភាគរយ ដូចជា 5 ឬ 2.5')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'ការប្រាក់ក្នុងមួយខែ (%)' })).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, testInfo, 'new-rules-mistake-km');
  await expectAccessible(page);
  await form.getByRole('textbox', { name: 'ការប្រាក់ក្នុងមួយខែ (%)' }).fill('4');
  await form.getByRole('button', { name: 'រក្សាទុកកំណែថ្មី' }).click();
  await expect(rules.getByRole('definition').filter({ hasText: '6,000 ៛' })).toBeVisible();
  await expect(rules.getByRole('definition').filter({ hasText: '4% ក្នុងមួយខែ' })).toBeVisible();
  await expect(rules.getByRole('definition').filter({ hasText: 'លើប្រាក់ដើមដែលនៅជំពាក់' })).toBeVisible();
  await expect(rules.getByRole('heading', { name: 'កំណែផ្សេងទៀត' })).toBeVisible();

  // Appointing: a wrong number is refused by the API, in Khmer; then the new secretary is invited.
  const appoint = page.getByRole('form', { name: 'តែងតាំងអ្នកកាន់តំណែង' });
  await appoint.getByRole('combobox', { name: 'តំណែង' }).selectOption({ label: 'លេខាធិការ' });
  await expect(appoint.getByRole('radio', { name: 'អ្នកថ្មី (អញ្ជើញតាមលេខទូរស័ព្ទ)' })).toBeChecked();
  await appoint.getByRole('textbox', { name: 'ឈ្មោះ' }).fill('ស៊ុន ចរិយា');
  await appoint.getByRole('textbox', { name: 'លេខទូរស័ព្ទ' }).fill('123');
  await appoint.getByRole('button', { name: 'តែងតាំង' }).click();
  await expect(appoint.getByRole('alert')).toContainText('ទូរស័ព្ទ');
  await appoint.getByRole('textbox', { name: 'លេខទូរស័ព្ទ' }).fill('016 222 333');
  await appoint.getByRole('button', { name: 'តែងតាំង' }).click();
  await expect(appoint.getByRole('status')).toHaveText('ស៊ុន ចរិយា ជាលេខាធិការហើយ');
  await expect(officers.getByRole('listitem').filter({ hasText: 'លេខាធិការ' })).toContainText('ស៊ុន ចរិយា');
  await screenshot(page, testInfo, 'officer-appointed-km');
  await expectAccessible(page);

  const books = await api<{
    myGroups: {
      constitution: { regularSaving: string; monthlyInterestBasisPoints: number; interestMethod: string };
      constitutionHistory: unknown[];
      officers: { role: string; displayName: string }[];
    }[];
  }>(
    request,
    'demo-president-chi-kraeng',
    '{ myGroups { constitution { regularSaving monthlyInterestBasisPoints interestMethod } constitutionHistory { effectiveFrom } officers { role displayName } } }',
  );
  expect(books.myGroups[0]!.constitution).toEqual({
    regularSaving: '6000',
    monthlyInterestBasisPoints: 400,
    interestMethod: 'DECLINING_BALANCE',
  });
  expect(books.myGroups[0]!.constitutionHistory).toHaveLength(2);
  expect(books.myGroups[0]!.officers).toContainEqual({ role: 'SECRETARY', displayName: 'ស៊ុន ចរិយា' });

  // The new secretary signs in at once, on her own phone, and keeps the group's books.
  const { baseURL, locale } = testInfo.project.use;
  const herPhone = await browser.newContext({ baseURL, locale, viewport: { width: 360, height: 640 } });
  const her = await herPhone.newPage();
  await signIn(her, 'ស៊ុន ចរិយា');
  await expect(her.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible();
  await her.goto('/meeting');
  await expect(her.getByRole('textbox', { name: /^ប្រាក់សន្សំរបស់/ }).first()).toHaveValue('6000');
  await herPhone.close();
});

test('the treasurer reads the rules and officers but does not appoint; in English too', async ({ page }, testInfo) => {
  await signIn(page, TREASURER);
  await page.getByRole('link', { name: RULES }).click();
  await expect(page.getByRole('heading', { name: 'គណៈកម្មការគ្រប់គ្រង' })).toBeVisible();
  await expect(page.getByText('ប្រធានក្រុម ឬអ្នកសម្របសម្រួលសហព័ន្ធ ជាអ្នកតែងតាំងអ្នកកាន់តំណែង')).toBeVisible();
  await expect(page.getByRole('button', { name: 'តែងតាំង' })).toHaveCount(0);
  await page.getByRole('button', { name: 'ប្តូរភាសា' }).click();
  await expect(page.getByRole('heading', { name: 'Rules and officers', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Officers' })).toContainText(PRESIDENT);
  await screenshot(page, testInfo, 'rules-and-officers-en');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Change language' }).click();
});
