/**
 * An NGO's staff, in Khmer: where the sector's services reach in a province and its districts —
 * counts resting on fewer than 3 groups said as "fewer than 3", never a number — and the communes
 * with groups no service reached; then registering a service, recording a delivery to a commune,
 * downloading the deliveries as a CSV that keeps Khmer, and withdrawing the delivery with a reason.
 */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

const STAFF = 'មាស បុប្ផា (NGO staff)';

test('NGO staff see where services reach, with small counts never shown as numbers', async ({ page }, testInfo) => {
  await signIn(page, STAFF);
  await expect(page.getByRole('heading', { name: 'កន្លែងដែលសេវាទៅដល់', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'វិស័យ' }).selectOption('WATER_SANITATION_HYGIENE');
  await page.getByRole('combobox', { name: 'ខេត្ត/រាជធានី' }).selectOption('02');
  const table = page.getByRole('table', { name: 'កន្លែងដែលសេវាទៅដល់ · ទឹកស្អាត និងអនាម័យ' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(table.getByText('…')).toHaveCount(0);
  // No cell of the grid may be 1 or 2: that would single a group out.
  for (const cell of await table.getByRole('cell').allTextContents())
    expect(cell).toMatch(/^(0|[3-9]|\d{2,}|តិចជាង ៣)$/);
  await expect(table.getByRole('row').filter({ hasText: 'សំឡូត' })).toBeVisible();
  // The cells are shaded by how much they reach, and a key under the table says what the shades mean.
  const key = page.getByRole('region', { name: 'តាមទីកន្លែង' }).getByText('ទៅដល់ច្រើនបំផុត');
  await expect(key).toBeVisible();
  await screenshot(page, testInfo, 'ngo-coverage-province-km');
  await expectAccessible(page);

  // A level down: Samlout's communes, and where no service reached.
  await page.getByRole('combobox', { name: 'ស្រុក/ខណ្ឌ' }).selectOption('0209');
  await expect(page.getByRole('heading', { name: 'ឃុំដែលមានក្រុមសកម្ម តែគ្មានសេវាក្នុង ១២ ខែ' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'តាតោក' })).toBeVisible();
  await expect(table.getByText('…')).toHaveCount(0);
  for (const cell of await table.getByRole('cell').allTextContents())
    expect(cell).toMatch(/^(0|[3-9]|\d{2,}|តិចជាង ៣)$/);
  await screenshot(page, testInfo, 'ngo-coverage-district-km');
  await expectAccessible(page);

  // The view is in the address: opened again, it shows the same; in English, the same rule.
  expect(page.url()).toContain('place=0209');
  await page.reload();
  await page.getByRole('button', { name: 'ប្តូរភាសា' }).click();
  await expect(page.getByRole('heading', { name: 'Where services reach', level: 1 })).toBeVisible();
  const english = page.getByRole('table', { name: 'Where services reach · Water, sanitation and hygiene' });
  await expect(english.getByRole('row').filter({ hasText: 'Ta Taok' })).toBeVisible();
  await expect(english.getByText('…')).toHaveCount(0);
  for (const cell of await english.getByRole('cell').allTextContents())
    expect(cell).toMatch(/^(0|[3-9]|\d{2,}|fewer than 3)$/);
  await screenshot(page, testInfo, 'ngo-coverage-district-en');

  // Every sector in Samlout, by the same rule; a sector's name shows its coverage here.
  const sectors = page.getByRole('table', { name: 'Every sector here · Samlout' });
  await expect(sectors.getByRole('row')).toHaveCount(17);
  for (const cell of await sectors.getByRole('cell').allTextContents())
    expect(cell).toMatch(/^(0|[3-9]|\d{2,}|fewer than 3)$/);
  await sectors.getByRole('link', { name: 'Health' }).click();
  await expect(page.getByRole('heading', { name: 'Samlout · Health', level: 2 })).toBeVisible();
  expect(page.url()).toContain('sector=HEALTH');
  await expect(page.getByRole('table', { name: 'Where services reach · Health' })).toBeVisible();
  await page.getByRole('button', { name: 'Change language' }).click();
});

test('NGO staff register a service, record a delivery to a commune, download the deliveries and withdraw one', async ({
  page,
}, testInfo) => {
  await signIn(page, STAFF);
  await page.getByRole('link', { name: 'សេវា' }).click();
  const register = page.getByRole('form', { name: 'ចុះឈ្មោះសេវា' });
  await register.getByRole('textbox', { name: 'ឈ្មោះសេវា' }).fill('វគ្គទឹកស្អាតសាកល្បង');
  await register.getByRole('combobox', { name: 'វិស័យ' }).selectOption('WATER_SANITATION_HYGIENE');
  await register.getByRole('button', { name: 'ចុះឈ្មោះសេវា' }).click();
  await expect(page.getByRole('region', { name: 'សេវារបស់យើង' })).toContainText('វគ្គទឹកស្អាតសាកល្បង');

  const record = page.getByRole('form', { name: 'កត់ត្រាការផ្តល់សេវា' });
  await record.getByRole('combobox', { name: 'សេវា' }).selectOption({ label: 'វគ្គទឹកស្អាតសាកល្បង' });
  await record.getByRole('combobox', { name: 'ខេត្ត/រាជធានី' }).selectOption('02');
  await record.getByRole('combobox', { name: 'ស្រុក/ខណ្ឌ' }).selectOption('0209');
  await record.getByRole('combobox', { name: 'ឃុំ/សង្កាត់' }).selectOption('020901');
  await record.getByRole('spinbutton', { name: 'អ្នកចូលរួម' }).fill('30');
  await record.getByRole('spinbutton', { name: 'ស្ត្រី' }).fill('25');
  await screenshot(page, testInfo, 'ngo-record-delivery-km');
  await expectAccessible(page);
  await record.getByRole('button', { name: 'កត់ត្រាការផ្តល់សេវា' }).click();
  await expect(record.getByRole('status')).toHaveText('បានរក្សាទុក');
  const delivered = page
    .getByRole('region', { name: 'ការផ្តល់សេវា' })
    .getByRole('listitem')
    .filter({ hasText: 'វគ្គទឹកស្អាតសាកល្បង' });
  await expect(delivered).toContainText('តាតោក');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ទាញយកការផ្តល់សេវា (CSV)' }).click(),
  ]);
  const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString('utf8')).toContain('វគ្គទឹកស្អាតសាកល្បង');

  await delivered.getByRole('button', { name: /^ដកការផ្តល់សេវាថ្ងៃ/ }).click();
  await delivered.getByRole('textbox', { name: 'មូលហេតុ (ចាំបាច់)' }).fill('កត់ត្រាខុស');
  await delivered.getByRole('form').getByRole('button', { name: 'ដកវិញ' }).click();
  await expect(delivered).toContainText('បានដកវិញ');
});

test('NGO staff record a delivery to particular groups of a commune, then correct its numbers with the reason', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, STAFF);
  await page.getByRole('link', { name: 'សេវា' }).click();
  const record = page.getByRole('form', { name: 'កត់ត្រាការផ្តល់សេវា' });
  await record.getByRole('combobox', { name: 'ខេត្ត/រាជធានី' }).selectOption('02');
  await record.getByRole('combobox', { name: 'ស្រុក/ខណ្ឌ' }).selectOption('0209');
  await record.getByRole('combobox', { name: 'ឃុំ/សង្កាត់' }).selectOption('020902');
  await record.getByRole('radio', { name: 'ក្រុមខ្លះ' }).check();
  const which = record.getByRole('group', { name: 'ក្រុមណាខ្លះ' });
  await which.getByRole('checkbox').first().check();
  await record.getByRole('spinbutton', { name: 'អ្នកចូលរួម' }).fill('12');
  await record.getByRole('spinbutton', { name: 'ស្ត្រី' }).fill('12');
  await screenshot(page, testInfo, 'ngo-delivery-to-groups-km');
  await expectAccessible(page);
  await record.getByRole('button', { name: 'កត់ត្រាការផ្តល់សេវា' }).click();
  await expect(record.getByRole('status')).toHaveText('បានរក្សាទុក');
  const line = page
    .getByRole('region', { name: 'ការផ្តល់សេវា' })
    .getByRole('listitem')
    .filter({ hasText: '1 ក្រុម · 12' })
    .first();
  await expect(line).toContainText('កំពង់ល្ពៅ');

  // Twelve came, but two were men: corrected, with the reason; the first stops counting.
  await line.getByRole('button', { name: /^កែការផ្តល់សេវាថ្ងៃ/ }).click();
  const fix = line.getByRole('form', { name: /^កែការផ្តល់សេវាថ្ងៃ/ });
  await fix.getByRole('spinbutton', { name: 'ស្ត្រី' }).fill('10');
  await fix.getByRole('textbox', { name: 'មូលហេតុ (ចាំបាច់)' }).fill('បុរស ២ នាក់ត្រូវបានរាប់ជាស្ត្រី');
  await fix.getByRole('button', { name: 'កែ' }).click();
  const lines = page.getByRole('region', { name: 'ការផ្តល់សេវា' }).getByRole('listitem');
  await expect(lines.filter({ hasText: '12 (ស្ត្រី 10)' }).first()).toContainText('បានកត់ត្រា');
  await expect(lines.filter({ hasText: '12 (ស្ត្រី 12)' }).filter({ hasText: 'បានកែ' }).first()).toBeVisible();

  const { ngos } = await api<{
    ngos: {
      nodes: {
        deliveries: { nodes: { status: string; women: number; groupIds: string[]; corrects: string | null }[] };
      }[];
    };
  }>(
    request,
    'demo-ngo-staff',
    '{ ngos { nodes { deliveries(first: 5) { nodes { status women groupIds corrects } } } } }',
  );
  const correction = ngos.nodes[0]!.deliveries.nodes.find((d) => d.corrects !== null && d.women === 10)!;
  expect(correction).toMatchObject({ status: 'RECORDED' });
  expect(correction.groupIds).toHaveLength(1);
});
