/**
 * Every role's screens in English, a tap away from Khmer: each person switches language and finds
 * their job's screens in English — no word of the Khmer catalog left on a heading, link, button,
 * column or field (names, places and minutes stay as people wrote them), axe clean — and a
 * screenshot of each is kept.
 */
import { expect, type Page, test } from '@playwright/test';
import { messages } from '../i18n/messages.ts';
import { expectAccessible, screenshot, signIn } from './helpers.ts';

/** The catalog's Khmer words (phrases that take a value are checked through what they fill). */
const KHMER_WORDS = new Set(
  Object.entries(messages)
    .filter(([key, m]) => typeof m.km === 'string' && key !== 'language')
    .map(([, m]) => m.km as string),
);

/** The app's own words on screen: headings, links, buttons, column headers and field labels. */
async function appWords(page: Page): Promise<string[]> {
  const words: string[] = [];
  for (const role of ['heading', 'link', 'button', 'columnheader'] as const)
    words.push(...(await page.getByRole(role).allInnerTexts()));
  words.push(...(await page.locator('label > span, legend, dt').allInnerTexts()));
  return words.map((w) => w.trim());
}

async function inEnglish(page: Page, name: string) {
  await signIn(page, name);
  await page.getByRole('button', { name: 'ប្តូរភាសា' }).click();
  await expect(page.getByRole('button', { name: 'Change language' })).toBeVisible();
}

const journeys: { who: string; name: string; screens: { path: string; heading: RegExp | string; shot: string }[] }[] = [
  {
    who: 'treasurer',
    name: 'ចាន់ សុភា (treasurer)',
    screens: [
      { path: '/', heading: /.+/, shot: 'en-officer-home' },
      { path: '/bank', heading: 'Bank access', shot: 'en-officer-bank-access' },
      { path: '/bank-loans', heading: 'Loans from banks', shot: 'en-officer-bank-loans' },
      { path: '/money', heading: 'Money between meetings', shot: 'en-officer-money' },
      { path: '/cash-book', heading: 'Cash book', shot: 'en-officer-cash-book' },
    ],
  },
  {
    who: 'coordinator',
    name: 'សុខ វណ្ណា (coordinator)',
    screens: [
      { path: '/', heading: 'Siem Reap Federation of Self-Help Groups', shot: 'en-coordinator-overview' },
      { path: '/onboard', heading: /.+/, shot: 'en-coordinator-onboard' },
    ],
  },
  {
    who: 'loan officer',
    name: 'លី ចន្ធូ (loan officer)',
    screens: [
      { path: '/', heading: 'Find groups by place', shot: 'en-bank-directory' },
      { path: '/access', heading: /.+/, shot: 'en-bank-access' },
      { path: '/loans', heading: 'Loans to groups', shot: 'en-bank-loans' },
    ],
  },
  {
    who: 'NGO staff',
    name: 'មាស បុប្ផា (NGO staff)',
    screens: [
      { path: '/?sector=HEALTH&place=17', heading: 'Where services reach', shot: 'en-ngo-coverage' },
      { path: '/services', heading: /.+/, shot: 'en-ngo-services' },
    ],
  },
  {
    who: 'administrator',
    name: 'Platform Admin',
    screens: [{ path: '/', heading: 'People', shot: 'en-admin-people' }],
  },
];

for (const journey of journeys)
  test(`the ${journey.who}'s screens in English`, async ({ page }, testInfo) => {
    await inEnglish(page, journey.name);
    for (const screen of journey.screens) {
      await page.goto(screen.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
      await expect(page.getByText('Loading…')).toHaveCount(0);
      const khmer = (await appWords(page)).filter((w) => KHMER_WORDS.has(w));
      expect(khmer, `Khmer words left on ${screen.path}`).toEqual([]);
      await screenshot(page, testInfo, screen.shot);
      await expectAccessible(page);
    }
  });
