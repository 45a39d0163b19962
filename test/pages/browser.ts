import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importFixtures, startPagesService } from './pages-fixture';

/** Debian's Chromium (apt-get install -y chromium), or the one FUNDLEDGER_CHROMIUM names. */
const CANDIDATES = [process.env.FUNDLEDGER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath = (): string | undefined => CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));

/**
 * The browser suite needs Chromium. In CI its absence fails the run loudly; on a developer's machine
 * the suite is skipped with a plain message saying how to install it, and jest counts it as skipped.
 */
export const browserAvailable = (): boolean => {
  if (chromiumPath() !== undefined) return true;
  const message = 'Chromium not found (looked for FUNDLEDGER_CHROMIUM, /usr/bin/chromium): install it with `apt-get install -y chromium`';
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run the browser suite`);
  process.stderr.write(`SKIPPING the browser suite: ${message}\n`);
  return false;
};

/** Screenshots of every page the browser suites visit, for people to look at (gitignored). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');

/**
 * A browser suite's world: the service with the Cleveland fixtures on a temporary store, listening on
 * loopback (`env` adds settings), and Chromium to drive it.
 */
export const startBrowserSuite = async (
  env: Record<string, string> = {},
  fixtures: readonly string[] = ['national-2021.json', 'cleveland-2021.json'],
): Promise<{ base: string; browser: Browser; directory: string; close: () => Promise<void> }> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const service = await startPagesService(env);
  await importFixtures(service.app, ...fixtures);
  await service.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(service.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  return {
    base,
    browser,
    directory: service.directory,
    close: async () => {
      await browser.close();
      await service.close();
    },
  };
};

/** Photographs the page and expects axe-core to find nothing against WCAG 2.2 AA. */
export const look = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
};

/** Keyboard only: Tab until the element is focused (at most 40 presses), as someone without a mouse would. */
export const tabTo = async (page: Page, selector: string): Promise<void> => {
  const target = page.locator(selector);
  for (let i = 0; i < 40; i += 1) {
    if (await target.evaluate((el) => el.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} was not reached with the Tab key`);
};

/** Local sign-in in a fresh browser context: name, role and organisation, landing on the awards list. */
export const signInAs = async (browser: Browser, base: string, name: string, role: string, organisation: string): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${base}/app`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel(role, { exact: true }).check();
  await page.getByLabel('Organisation id').fill(organisation);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/app/awards`);
  return page;
};
