import type { Browser, Page } from 'playwright-core';
import { browserAvailable, look, signInAs, startBrowserSuite } from './browser';

const describeInBrowser = browserAvailable() ? describe : describe.skip;

// Cleveland's grants (fixtures/cleveland-2021.json): the last row takes Barefoot Research past its 7,000.00.
const CLEVELAND_PAYMENTS = Buffer.from(
  [
    'Posting Date,Cost Centre,Grant ID,Net,Invoice',
    '30/11/2021,CC-01,g-harbour,"£15,602.42",HAR-2021-11',
    '30/11/2021,CC-02,g-msp,8449.00,MSP-2021-11',
    '30/11/2021,CC-03,g-barefoot,5000.00,BAR-2021-11',
    '31/12/2021,CC-03,g-barefoot,2500.00,BAR-2021-12',
  ].join('\r\n'),
);

/**
 * A finance officer uploads Cleveland's payments from the finance system in Chromium: names the
 * columns, sees each row previewed (one refused by the ledger), confirms, sees the award change, and
 * uploads the same file again to find nothing left to record. Every page is photographed and axe-clean.
 */
describeInBrowser('uploading payments in a browser', () => {
  // axe and full-page screenshots take seconds a page on two shared cores, more while the whole suite runs.
  jest.setTimeout(180_000);
  let suite: Awaited<ReturnType<typeof startBrowserSuite>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    ({ base, browser } = suite);
  }, 60_000);

  afterAll(() => suite?.close());

  const chooseFile = async (page: Page): Promise<void> => {
    await page.getByLabel('Payments file').setInputFiles({ name: 'cleveland-2021-11.csv', mimeType: 'text/csv', buffer: CLEVELAND_PAYMENTS });
    for (const [label, name] of [['Date paid', 'Posting Date'], ['Grant id', 'Grant ID'], ['Amount', 'Net'], ['Reference', 'Invoice']]) {
      await page.getByLabel(label, { exact: true }).fill(name);
    }
    await page.getByRole('button', { name: 'Check the payments' }).click();
  };
  const results = (page: Page): Promise<string[]> => page.locator('#preview tbody .govuk-tag').allInnerTexts();

  it('previews, records the accepted rows, changes the award, and records nothing from the same file again', async () => {
    const page = await signInAs(browser, base, 'cleveland-finance', 'finance-officer', 'opcc-cleveland');
    await page.getByRole('link', { name: 'dapi21-cleveland' }).click();
    const paid = page.locator('.govuk-summary-list__row', { hasText: 'Paid' }).first();
    expect(await paid.innerText()).toContain('£0.00');

    await page.getByRole('button', { name: 'Upload payments' }).click();
    await page.waitForURL(/\/payments\/upload$/);
    await look(page, 'payments-upload-1-form');

    await chooseFile(page);
    await page.waitForSelector('#preview');
    expect(await results(page)).toEqual(['Accepted', 'Accepted', 'Accepted', 'Refused']);
    expect(await page.locator('#preview tbody tr').nth(3).innerText()).toContain('PAYMENT_EXCEEDS_COMMITMENT');
    await look(page, 'payments-upload-2-preview');

    await page.getByRole('button', { name: 'Record 3 payments' }).click();
    await page.waitForSelector('.govuk-panel');
    expect(await page.locator('.govuk-panel').innerText()).toContain('3 payments recorded');
    await look(page, 'payments-upload-3-recorded');

    await page.getByRole('link', { name: 'See the award and its funded months' }).click();
    await page.waitForURL(/\/app\/awards\/dapi21-cleveland#funded-months$/);
    // 15,602.42 + 8,449.00 + 5,000.00: the three rows accepted, to the penny.
    expect(await paid.innerText()).toContain('£29,051.42');
    expect(await page.locator('tr', { has: page.locator('th', { hasText: /^g-barefoot$/ }) }).innerText()).toMatch(/£7,000\.00\s+£5,000\.00\s+£2,000\.00/);
    await look(page, 'payments-upload-4-award-after');

    await page.goto(`${base}/app/awards/dapi21-cleveland/payments/upload`);
    await chooseFile(page);
    await page.waitForSelector('#preview');
    expect(await results(page)).toEqual(['Already recorded', 'Already recorded', 'Already recorded', 'Refused']);
    expect(await page.getByRole('button', { name: /^Record/ }).count()).toBe(0);
    await look(page, 'payments-upload-5-same-file-again');
  });
});
