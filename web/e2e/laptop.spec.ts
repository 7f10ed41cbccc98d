/**
 * Each role's screens on a laptop (1280×800), in Khmer, as the phone journeys do them on a 360 px
 * screen: the screens open with their data, nothing spills off the page sideways, axe finds no
 * serious issue, and a screenshot of each is kept.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false });

const journeys: { who: string; name: string; screens: { path: string; heading: RegExp | string; shot: string }[] }[] = [
  {
    who: 'treasurer',
    name: 'ចាន់ សុភា (treasurer)',
    screens: [
      { path: '/', heading: /.+/, shot: 'laptop-officer-home' },
      { path: '/loans', heading: /.+/, shot: 'laptop-officer-loans' },
      { path: '/bank-loans', heading: 'កម្ចីពីធនាគារ', shot: 'laptop-officer-bank-loans' },
      { path: '/money', heading: 'ប្រាក់ចូលចេញក្រៅកិច្ចប្រជុំ', shot: 'laptop-officer-money' },
    ],
  },
  {
    who: 'loan officer',
    name: 'លី ចន្ធូ (loan officer)',
    screens: [
      { path: '/', heading: 'ស្វែងរកក្រុមតាមទីកន្លែង', shot: 'laptop-bank-directory' },
      { path: '/access', heading: /.+/, shot: 'laptop-bank-access' },
      { path: '/loans', heading: 'កម្ចីទៅក្រុម', shot: 'laptop-bank-loans' },
    ],
  },
  {
    who: 'NGO staff',
    name: 'មាស បុប្ផា (NGO staff)',
    screens: [
      {
        path: '/?sector=WATER_SANITATION_HYGIENE&place=0209',
        heading: 'កន្លែងដែលសេវាទៅដល់',
        shot: 'laptop-ngo-coverage',
      },
      { path: '/services', heading: /.+/, shot: 'laptop-ngo-services' },
    ],
  },
  {
    who: 'administrator',
    name: 'Platform Admin',
    screens: [{ path: '/', heading: 'មនុស្ស', shot: 'laptop-admin-people' }],
  },
];

for (const journey of journeys)
  test(`the ${journey.who}'s screens on a laptop, in Khmer`, async ({ page }, testInfo) => {
    await signIn(page, journey.name);
    for (const screen of journey.screens) {
      await page.goto(screen.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
      await expect(page.getByText('កំពុងផ្ទុក…')).toHaveCount(0);
      // Nothing wider than the window: a laptop never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await screenshot(page, testInfo, screen.shot);
      await expectAccessible(page);
    }
  });
