import type { Browser, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { common } from '../../common/i18n/common';
import type { Language } from '../../common/languages';
import { messages as sync } from '../../renderer/src/sync/messages';
import { wireApp } from '../helpers/browser-app';
import { fakeCipher, fakeDesktop } from '../helpers/fake-desktop';
import { openTestKoers, type TestKoers } from '../helpers/koers';
import { emitToPages, expect, SIZES } from './fixtures';

/**
 * Laptops of a team in Chromium (issue 18): each its own database, window and "system browser"
 * tab, joining a team server (the demo's) the way a caseworker does in Settings › Team.
 */

const screenshots = resolve(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

export const teamTexts = (language: Language) => ({ ...sync[language], roles: common[language].roles });

/** The page at the three screen sizes, as `team-NAME-WxH.png`. */
export async function shootTeam(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: resolve(screenshots, `team-${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Settings › Team: the address, "sign in and join", and the person picked on the sign-in page. */
export async function joinTeam(
  page: Page,
  browserTab: () => Page | undefined,
  options: { language: Language; person: string; serverUrl: string; issuer: string },
) {
  const t = teamTexts(options.language);
  await page.goto(`${new URL(page.url()).origin}/#/settings`);
  await page.getByLabel(t.settings.server).fill(options.serverUrl);
  await page.getByRole('button', { name: t.settings.join }).click();
  await expect(page.getByText(t.settings.waiting)).toBeVisible();
  await expect.poll(() => browserTab()?.url() ?? '').toContain(options.issuer);
  const tab = browserTab()!;
  await tab.getByRole('button', { name: options.person }).click();
  // The tab tells her to go back to Koers; Koers has taken in the team's data.
  await expect(tab.locator('body')).toContainText('Koers');
  await expect(page.getByRole('status').filter({ hasText: t.settings.joined.split('{{team}}')[0]! })).toBeVisible();
}

export interface Laptop {
  koers: TestKoers;
  page: Page;
  browserTab(): Page | undefined;
  close(): Promise<void>;
}

/** Another laptop: its own database, its own window, its own "system browser" tab. */
export async function anotherLaptop(browser: Browser, rendererUrl: string): Promise<Laptop> {
  const context = await browser.newContext({ locale: 'nl-NL' });
  let tab: Page | undefined;
  const desktop = fakeDesktop();
  desktop.secretCipher = fakeCipher();
  desktop.openBrowser = async (url) => {
    tab = await context.newPage();
    await tab.goto(url);
  };
  const koers: TestKoers = await openTestKoers({
    osLocales: ['nl-NL'],
    desktop,
    onEmit: emitToPages(context),
  });
  // As the app does at launch: the background sync of a team's copy, and signing in again resumes it.
  await koers.context.team.start();
  await wireApp(context, () => koers);
  const page = await context.newPage();
  await page.goto(rendererUrl);
  return {
    koers,
    page,
    browserTab: () => tab,
    async close() {
      await context.close();
      await koers.cleanup();
    },
  };
}
