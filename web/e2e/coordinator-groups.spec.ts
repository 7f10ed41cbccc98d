/**
 * A coordinator's member groups, in Khmer: a group's page from her table (its public facts and
 * officers, never its members), moving it into a federation below hers, drilling into that
 * federation from her overview, and moving it back — each step checked through the API.
 */
import { expect, test } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn } from './helpers.ts';

const COORDINATOR = { id: 'demo-coordinator', name: 'សុខ វណ្ណា (coordinator)' };
const GROUP = 'ក្រុមជួយខ្លួនឯងជីក្រែង';

interface Mine {
  myFederations: { id: string; name: string; dashboard: { nodes: { group: { id: string; name: string } }[] } }[];
}

test('the coordinator opens a member group, moves it into a federation below hers, and drills into that one', async ({
  page,
  request,
}, testInfo) => {
  const mine = (
    await api<Mine>(
      request,
      COORDINATOR.id,
      '{ myFederations { id name dashboard(first: 50) { nodes { group { id name } } } } }',
    )
  ).myFederations[0]!;
  const group = mine.dashboard.nodes.find((n) => n.group.name === GROUP)!.group;
  const below = `សហព័ន្ធឃុំជីក្រែង ${Date.now().toString(36)}`;
  const child = (
    await api<{ createFederation: { id: string } }>(
      request,
      'demo-admin',
      'mutation($input: CreateFederationInput!) { createFederation(input: $input) { id } }',
      {
        input: {
          idempotencyKey: `e2e-${Date.now().toString(36)}`,
          name: below,
          placeCode: '170402',
          parentId: mine.id,
        },
      },
    )
  ).createFederation;

  await signIn(page, COORDINATOR.name);
  await page.getByRole('table', { name: 'ក្រុមសមាជិក' }).getByRole('link', { name: GROUP }).click();
  await expect(page.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible();
  const facts = page.getByRole('region', { name: 'អំពីក្រុម' });
  await expect(facts).toContainText(mine.name);
  await expect(facts).toContainText('សមាជិក');
  await expect(page.getByRole('region', { name: 'គណៈកម្មការបច្ចុប្បន្ន' })).toContainText('ហេរញ្ញិក');
  await screenshot(page, testInfo, 'coordinator-group-km');
  await expectAccessible(page);

  // Into the federation below hers, from today.
  const move = page.getByRole('form', { name: 'ផ្លាស់ក្រុមទៅសហព័ន្ធផ្សេង' });
  await move.getByRole('combobox', { name: 'ទៅសហព័ន្ធ' }).selectOption({ label: below });
  await move.getByRole('button', { name: 'ផ្លាស់' }).click();
  await expect(facts).toContainText(below);
  await expect(page.getByRole('region', { name: 'សហព័ន្ធដែលក្រុមបានចូល' }).getByRole('listitem')).toHaveCount(2);
  const moved = await api<{ group: { federationId: string } }>(
    request,
    COORDINATOR.id,
    'query($id: ID!) { group(id: $id) { federationId } }',
    { id: group.id },
  );
  expect(moved.group.federationId).toBe(child.id);

  // Her overview names the federation below; it opens with the group among its members.
  await page.getByRole('navigation').getByRole('link', { name: 'ទិដ្ឋភាពទូទៅ' }).click();
  await page.getByRole('region', { name: 'សហព័ន្ធខាងក្រោម' }).getByRole('link', { name: below }).click();
  await expect(page.getByRole('heading', { name: below, level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'ក្រុមសមាជិក' }).getByRole('link', { name: GROUP })).toBeVisible();
  await screenshot(page, testInfo, 'coordinator-federation-below-km');
  await expectAccessible(page);

  // And back into hers the same day: the history keeps both moves.
  await page.getByRole('table', { name: 'ក្រុមសមាជិក' }).getByRole('link', { name: GROUP }).click();
  await move.getByRole('combobox', { name: 'ទៅសហព័ន្ធ' }).selectOption({ label: mine.name });
  await move.getByRole('button', { name: 'ផ្លាស់' }).click();
  await expect(facts).toContainText(mine.name);
  await expect(page.getByRole('region', { name: 'សហព័ន្ធដែលក្រុមបានចូល' }).getByRole('listitem')).toHaveCount(3);
  const back = await api<{ group: { federationId: string } }>(
    request,
    COORDINATOR.id,
    'query($id: ID!) { group(id: $id) { federationId } }',
    { id: group.id },
  );
  expect(back.group.federationId).toBe(mine.id);
});
