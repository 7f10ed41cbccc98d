/** Steps every browser test takes: sign in as a person, ask the API what it holds, check accessibility. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

/** Signs in on the local sign-in page as the person of that name, and waits for the app. */
export async function signIn(page: Page, displayName: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: `ចូលជា ${displayName}` }).click();
  await expect(page.getByRole('navigation', { name: 'ក្រុម' })).toBeVisible();
}

/** Asks the API directly, as that person, what the app should have written. */
export async function api<T>(
  request: APIRequestContext,
  userId: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const { token } = await (await request.post('/local/sign-in', { data: { userId } })).json();
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

/**
 * No serious or critical accessibility problem on the screen as it stands, and nothing wider than
 * the window (WCAG's reflow: a phone never scrolls sideways to read a line).
 */
export async function expectAccessible(page: Page): Promise<void> {
  await expectFitsWidth(page);
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A screenshot of the whole screen (or only what the window shows), kept with the test's output. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage });
}

/**
 * Waits until the phone can record a meeting with no network, as the officer would: the home says
 * so (what the meeting needs is kept on the phone), and the service worker controls the page and
 * holds the app, so it opens offline.
 */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await expect(page.getByText('ទូរស័ព្ទនេះរួចរាល់សម្រាប់កត់ត្រាកិច្ចប្រជុំដោយគ្មានអ៊ីនធឺណិត')).toBeVisible();
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active && navigator.serviceWorker.controller && (await caches.has('krom-shell')));
  });
}

/** Nothing wider than the window: the screen never scrolls sideways. Names what sticks out, if anything does. */
export async function expectFitsWidth(page: Page): Promise<void> {
  const sticking = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A wide table may scroll inside its own region (WCAG allows it for data tables); the page may not.
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()} ${Math.round(box.left)}–${Math.round(box.right)} of ${width}: ${(el.textContent ?? '').slice(0, 40)}`;
      });
  });
  expect(sticking).toEqual([]);
}
