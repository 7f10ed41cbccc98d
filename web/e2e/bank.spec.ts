/**
 * A rural bank's loan officer, in Khmer: she finds a group by place, asks it for access with each
 * thing explained, sees the request wait and the grant come (the treasurer approves through the
 * API), reads the credit profile with only what the grant covers and what it does not said
 * plainly, and prints the credit report for the loan file on exactly one A4 page.
 */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

const OFFICER = { id: 'demo-bank-officer', name: 'លី ចន្ធូ (loan officer)' };
const NEW_HOPE = 'Kampong Lpov New Hope Group';

test('the loan officer finds a group, asks for access, and reads what the treasurer granted', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, OFFICER.name);
  await expect(page.getByRole('heading', { name: 'ស្វែងរកក្រុមតាមទីកន្លែង', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'ខេត្ត/រាជធានី' }).selectOption('02');
  await page.getByRole('combobox', { name: 'ស្រុក/ខណ្ឌ' }).selectOption('0209');
  await page.getByRole('combobox', { name: 'ឃុំ/សង្កាត់' }).selectOption('020902');
  const found = page.getByRole('listitem').filter({ hasText: NEW_HOPE });
  await expect(found).toContainText('សមាជិក');
  await screenshot(page, testInfo, 'bank-directory-km');
  await expectAccessible(page);

  await found.getByRole('link', { name: `សុំមើលទិន្នន័យរបស់ ${NEW_HOPE}` }).click();
  await expect(page.getByRole('heading', { name: `សុំមើលទិន្នន័យរបស់ ${NEW_HOPE}` })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^ប្រាក់សន្សំ — ប្រាក់សន្សំសរុប/ })).toBeChecked();
  await page.getByRole('checkbox', { name: /^វត្តមានប្រជុំ — / }).check();
  await page.getByRole('textbox', { name: 'សារទៅក្រុម (មិនចាំបាច់)' }).fill('សម្រាប់កម្ចីក្រុម');
  await screenshot(page, testInfo, 'bank-ask-km');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'ផ្ញើសំណើ' }).click();
  await expect(page.getByText('បានផ្ញើសំណើ។ ហេរញ្ញិករបស់ក្រុមនឹងឆ្លើយ។')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'ការអនុញ្ញាត' }).click();
  const asked = page.getByRole('region', { name: 'សំណើរបស់អ្នក' }).getByRole('listitem').filter({ hasText: NEW_HOPE });
  await expect(asked).toContainText('អ្នកបានសុំមើលប្រាក់សន្សំ, វត្តមានប្រជុំ និង ចំណាត់ថ្នាក់ឥណទានរបស់');
  await expect(asked).toContainText('រង់ចាំ');

  // Her treasurer approves it, as she would on her own phone.
  const mine = await api<{
    myBankAccess: { requests: { id: string; groupId: string; groupName: string; state: string }[] };
  }>(request, OFFICER.id, '{ myBankAccess { requests { id groupId groupName state } } }');
  const pending = mine.myBankAccess.requests.find((r) => r.groupName === NEW_HOPE && r.state === 'PENDING')!;
  await api(
    request,
    'demo-officer-kampong-lpov-newest',
    'mutation($input: DecideAccessRequestInput!) { approveAccessRequest(input: $input) { id } }',
    { input: { idempotencyKey: `e2e-${pending.id}`, groupId: pending.groupId, requestId: pending.id } },
  );

  await page.reload();
  await page.getByRole('link', { name: `ប្រវត្តិឥណទានរបស់ ${NEW_HOPE}` }).click();
  await expect(page.getByRole('heading', { name: `ប្រវត្តិឥណទានរបស់ ${NEW_HOPE}`, level: 1 })).toBeVisible();
  // What the grant leaves out is said, never shown.
  await expect(page.getByText('ការអនុញ្ញាតនេះមិនរាប់បញ្ចូល ការសងប្រាក់កម្ចី និង ប្រវត្តិកម្ចីធនាគារ ទេ')).toBeVisible();
  await expect(page.getByText('ប្រាក់កម្ចីនៅជំពាក់')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^ចំណាត់ថ្នាក់/ })).toBeVisible();
  await screenshot(page, testInfo, 'bank-profile-narrow-km');
  await expectAccessible(page);
});

test('the credit report prints on exactly one A4 page, dated and naming its grant', async ({
  page,
  request,
}, testInfo) => {
  const oldest = 'ក្រុមស្ត្រីកំពង់ល្ពៅ';
  const grants = await api<{ myBankAccess: { grants: { id: string; groupName: string; state: string }[] } }>(
    request,
    OFFICER.id,
    '{ myBankAccess { grants { id groupName state } } }',
  );
  const grant = grants.myBankAccess.grants.find((g) => g.groupName === oldest && g.state === 'ACTIVE')!;
  await signIn(page, OFFICER.name);
  await page.getByRole('navigation').getByRole('link', { name: 'ការអនុញ្ញាត' }).click();
  await page.getByRole('link', { name: `ប្រវត្តិឥណទានរបស់ ${oldest}` }).click();
  await expect(page.getByRole('heading', { name: `ប្រវត្តិឥណទានរបស់ ${oldest}`, level: 1 })).toBeVisible();
  await expect(page.getByText(`អានក្រោមការអនុញ្ញាត ${grant.id}`, { exact: false })).toBeVisible();
  await expect(page.getByRole('table', { name: 'ចំណាត់ថ្នាក់' }).getByRole('row')).not.toHaveCount(0);
  // Savings and attendance month by month, as charts with their tables behind them.
  await expect(page.getByRole('table', { name: 'ប្រាក់សន្សំប្រចាំខែ' })).toBeAttached();
  await expect(page.getByRole('table', { name: 'វត្តមានប្រចាំខែ' }).getByRole('row')).not.toHaveCount(0);
  await expect(page.locator('canvas')).toHaveCount(2);
  await screenshot(page, testInfo, 'bank-profile-km');
  await expectAccessible(page);

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: testInfo.outputPath('credit-report.pdf') });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages).toHaveLength(1);
});
