import { Workbook } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, look, signInAs, startBrowserSuite, tabTo } from './browser';

const describeInBrowser = browserAvailable() ? describe : describe.skip;

/**
 * The pages in Debian's Chromium against the real service on a temporary store: each role signs in,
 * a finance officer records a payment with the keyboard alone and sees the chart, every page passes
 * axe-core's WCAG 2.2 AA rules, and each page is photographed.
 */
describeInBrowser('pages in a browser', () => {
  // axe and full-page screenshots take seconds a page on two shared cores.
  jest.setTimeout(120_000);
  let suite: Awaited<ReturnType<typeof startBrowserSuite>>;
  let browser: Browser;
  let base: string;

  const signIn = (name: string, role: string, organisation: string): Promise<Page> => signInAs(browser, base, name, role, organisation);

  beforeAll(async () => {
    suite = await startBrowserSuite();
    ({ base, browser } = suite);
  }, 60_000);

  afterAll(async () => suite?.close());

  it('sign-in page: says local sign-in is on because the service listens on loopback', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/app`);
    expect(await page.getByText('Local sign-in is on because this service listens only on this machine').count()).toBe(1);
    await look(page, '01-sign-in');
  });

  it('finance officer: the awards list, the award with its chart bars and shortfall, a payment by keyboard alone', async () => {
    const page = await signIn('cleveland-finance', 'finance-officer', 'opcc-cleveland');
    await look(page, '02-awards-finance-officer');
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('.govuk-tag--red', { hasText: 'Shortfall' }).count()).toBe(1);

    await page.getByRole('link', { name: 'dapi21-cleveland' }).click();
    await look(page, '03-award');
    const months = await page.locator('#funded-months-table tbody tr').count();
    expect(months).toBeGreaterThan(0);
    expect(await page.locator('svg.app-chart rect.app-chart__share').count()).toBeGreaterThanOrEqual(months);
    expect(await page.locator('svg.app-chart rect.app-chart__shortfall').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.app-chart line.app-chart__window-end').count()).toBeGreaterThan(0);

    // Keyboard only: reach each control with Tab, choose with the arrow keys, type, send with Enter.
    await tabTo(page, 'a:has-text("Record a payment")');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/record\/payment$/);
    await look(page, '04-payment-form');
    await tabTo(page, '#grantId');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '#amount');
    await page.keyboard.type('99999999.00');
    await tabTo(page, '#reference');
    await page.keyboard.type('INV-TOO-MUCH');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('PAYMENT_EXCEEDS_COMMITMENT');
    await look(page, '05-payment-refused');

    await tabTo(page, '#amount');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1250.00');
    await tabTo(page, '#reference');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('INV-0042');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app\/awards\/dapi21-cleveland#funded-months$/);
    expect(await page.locator('#history').innerText()).toContain('cleveland-finance (finance-officer)');
    await look(page, '06-award-after-payment');
  });

  it('S151 officer: certifies by keyboard alone, refused until the acknowledgements the ledger needs are ticked', async () => {
    const page = await signIn('cleveland-s151', 's151-officer', 'opcc-cleveland');
    await page.getByRole('link', { name: 'dapi21-cleveland' }).click();
    await tabTo(page, 'a:has-text("Certify the budget")');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/certificates\/new$/);
    await look(page, '08-certify-form');
    await tabTo(page, '#decisionRef');
    await page.keyboard.type('2021-7335');
    await tabTo(page, '#basis');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await tabTo(page, '#regulationsComplied');
    await page.keyboard.press('Space');
    await tabTo(page, 'button:has-text("Certify")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('ACKNOWLEDGEMENT_REQUIRED');
    await look(page, '09-certify-refused');

    for (const code of ['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL']) {
      await tabTo(page, `#acknowledged-${code}`);
      await page.keyboard.press('Space');
    }
    await tabTo(page, 'button:has-text("Certify")');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#certificates$/);
    expect(await page.locator('#certificates + ul').innerText()).toMatch(/Certificate 1, certified .* by cleveland-s151:\s*current/);
    await look(page, '10-award-certified');
  });

  it('returns officer: submits a quarter and downloads its xlsx', async () => {
    const page = await signIn('cleveland-returns', 'returns-officer', 'opcc-cleveland');
    await page.goto(`${base}/app/awards/dapi21-cleveland/returns/new`);
    await look(page, '11-return-form');
    await page.getByLabel('Financial year').fill('2021-22');
    await page.getByLabel('Quarter 3').check();
    await page.getByLabel('Variance reasons (optional)').fill('2021-11: Provider started late');
    await page.getByRole('button', { name: 'Submit return' }).click();
    await page.waitForURL(/#returns$/);
    await look(page, '12-award-returned');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^xlsx/ }).click()]);
    expect(download.suggestedFilename()).toBe('return-dapi21-cleveland-2021-22-q3-v1.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String));
    expect(cells.some((cell) => cell.includes('dapi21-cleveland'))).toBe(true);
  });

  it('auditor: verifies every hash chain', async () => {
    const page = await signIn('external-auditor', 'auditor', '*');
    await page.getByRole('link', { name: 'Audit' }).click();
    await look(page, '13-audit');
    await page.getByRole('button', { name: 'Verify the log' }).click();
    await page.waitForSelector('.govuk-panel');
    expect(await page.locator('.govuk-panel').innerText()).toMatch(/Every hash chain holds\s+\d+ streams, \d+ events checked/);
    await look(page, '14-audit-verified');
  });

  it('the other roles sign in and see the same award, and only their own', async () => {
    for (const [name, role, organisation] of [
      ['cleveland-s151', 's151-officer', 'opcc-cleveland'],
      ['cleveland-returns', 'returns-officer', 'opcc-cleveland'],
      ['external-auditor', 'auditor', '*'],
    ]) {
      const page = await signIn(name, role, organisation);
      expect(await page.getByRole('link', { name: 'dapi21-cleveland' }).count()).toBe(1);
      await look(page, `07-awards-${role}`);
    }
    const kent = await signIn('kent-finance', 'finance-officer', 'opcc-kent');
    expect(await kent.getByRole('link', { name: 'dapi21-cleveland' }).count()).toBe(0);
  });
});
