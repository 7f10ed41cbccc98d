/**
 * A federation coordinator's overview, on a phone and on a laptop, in Khmer: her federation's
 * totals as the API gives them, how they moved over 12 months as charts (each with its table),
 * and her member groups sorted by savings and filtered to those needing help.
 */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

const COORDINATOR = { id: 'demo-coordinator', name: 'សុខ វណ្ណា (coordinator)' };
const FEDERATION = 'Siem Reap Federation of Self-Help Groups';

interface Answer {
  myFederations: {
    id: string;
    rollup: { groups: number; members: number };
    dashboard: { nodes: { group: { name: string }; savings: string; needsAttention: boolean }[] };
  }[];
}
const TRUTH =
  '{ myFederations { id rollup { groups members } dashboard(first: 50) { nodes { group { name } savings needsAttention } } } }';

for (const [device, viewport] of [
  ['phone', { width: 360, height: 640 }],
  ['laptop', { width: 1280, height: 800 }],
] as const) {
  test(`the coordinator sees her federation at a glance, its year in charts and her groups (${device})`, async ({
    browser,
    request,
  }, testInfo) => {
    const { baseURL, locale } = testInfo.project.use;
    const context = await browser.newContext({ baseURL, locale, viewport, isMobile: device === 'phone' });
    const page = await context.newPage();
    const truth = (await api<Answer>(request, COORDINATOR.id, TRUTH)).myFederations[0]!;

    await signIn(page, COORDINATOR.name);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FEDERATION);
    const totals = page.getByRole('region', { name: 'ទិដ្ឋភាពសហព័ន្ធ' });
    await expect(totals.getByRole('group', { name: 'ក្រុម', exact: true })).toContainText(String(truth.rollup.groups));
    await expect(totals.getByRole('group', { name: 'សមាជិក', exact: true })).toContainText(String(truth.rollup.members));
    await expect(totals.getByRole('group', { name: 'ប្រាក់សន្សំ (KHR)' })).toContainText('៛');

    // Twelve months as charts, each with its table behind it.
    const trends = page.getByRole('region', { name: '១២ ខែចុងក្រោយ' });
    await expect(trends.getByRole('figure')).toHaveCount(2);
    await expect(trends.getByRole('table', { name: 'ប្រាក់សន្សំ (KHR) ១២ ខែចុងក្រោយ' }).getByRole('row')).toHaveCount(13);
    await expect(trends.locator('canvas').first()).toBeVisible();

    // Her groups, the richest first; then only those needing help.
    const groups = page.getByRole('table', { name: 'ក្រុមសមាជិក' });
    await expect(groups.getByRole('row')).toHaveCount(truth.dashboard.nodes.length + 1);
    await groups.getByRole('button', { name: 'ប្រាក់សន្សំ' }).click();
    const richest = [...truth.dashboard.nodes].sort((a, b) => Number(BigInt(b.savings) - BigInt(a.savings)))[0]!;
    await expect(groups.getByRole('row').nth(1).getByRole('rowheader')).toContainText(richest.group.name);
    await expect(groups.getByRole('columnheader', { name: 'ប្រាក់សន្សំ' })).toHaveAttribute('aria-sort', 'descending');
    await screenshot(page, testInfo, `coordinator-overview-${device}-km`);
    await expectAccessible(page);

    await page.getByRole('checkbox', { name: 'តែក្រុមដែលត្រូវការជំនួយ' }).check();
    await expect(groups.getByRole('row')).toHaveCount(truth.dashboard.nodes.filter((n) => n.needsAttention).length + 1);
    await context.close();
  });
}

test('the coordinator downloads her federation’s report: a CSV that opens with Khmer intact', async ({ page }) => {
  await signIn(page, COORDINATOR.name);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FEDERATION);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ទាញយករបាយការណ៍ (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${FEDERATION} \\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const bytes = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
  // UTF-8 with a byte-order mark: Excel reads it as UTF-8 and shows Khmer.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const [header, ...lines] = text.trim().split('\r\n');
  expect(header!.split(',')).toContain('currency');
  expect(text).toContain('ក្រុមជួយខ្លួនឯងជីក្រែង');
  expect(lines.length).toBe(2);
  expect(lines.every((l) => l.includes(',KHR,'))).toBe(true);
});
