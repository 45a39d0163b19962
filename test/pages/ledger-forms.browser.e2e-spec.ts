import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, look, signInAs, startBrowserSuite } from './browser';

const describeInBrowser = browserAvailable() ? describe : describe.skip;

const AWARD = 'dapi21-cleveland';
const DECIDED = '2021-07-31';

/** Cleveland's decision 2021-7335 (fixtures/cleveland-2021.json), as a finance officer types it. */
const PLEDGES = [
  ['m-opcc', 'Police and Crime Commissioner for Cleveland', 'opcc-cleveland', '£38,117.00'],
  ['m-hartlepool', 'Hartlepool Borough Council', 'hartlepool-council', '£15,000.00'],
  ['m-stockton', 'Stockton-on-Tees Borough Council', 'stockton-council', '£15,000.00'],
  ['m-redcar', 'Redcar and Cleveland Borough Council', 'redcar-council', '£15,000.00'],
  ['m-middlesbrough', 'Middlesbrough Council', 'middlesbrough-council', '£15,000.00'],
] as const;
const GRANTS = [
  ['g-harbour', 'Harbour', 'harbour', '£187,229.00', 'Team around the Couple delivery'],
  ['g-msp', "My Sister's Place", 'my-sisters-place', '£101,388.00', 'Team around the Couple delivery'],
  ['g-barefoot', 'Barefoot Social Research', 'barefoot-research', '£7,000.00', 'Independent evaluation'],
] as const;

/**
 * Cleveland's award path through the finance officer's forms in Chromium, from the national
 * allocation alone: the five pledges, the extension they fund, the three grants and a payment, then
 * the chart's bars and shortfall, a receipt; then an auditor verifies the log against a checkpoint kept
 * before any of it and reads a figure's lineage. Every new page is photographed and passes axe.
 */
describeInBrowser('the ledger forms in a browser', () => {
  // axe and full-page screenshots take seconds a page on two shared cores.
  jest.setTimeout(120_000);
  let suite: Awaited<ReturnType<typeof startBrowserSuite>>;
  let browser: Browser;
  let base: string;
  let checkpointFile: string;
  let finance: Page;

  /** The award page's link to a form, followed as a person would, and photographed. */
  const openForm = async (title: string, screenshot: string): Promise<void> => {
    await finance.goto(`${base}/app/awards/${AWARD}`);
    await finance.getByRole('button', { name: title, exact: true }).click();
    await finance.waitForSelector('h1');
    await look(finance, screenshot);
  };

  /** The same form again, straight from its address (bookmarked, as a finance officer entering a batch would). */
  const reopen = (slug: string) => finance.goto(`${base}/app/awards/${AWARD}/record/${slug}`);

  const fill = async (fields: Record<string, string>): Promise<void> => {
    for (const [id, value] of Object.entries(fields)) await finance.locator(`#${id}`).fill(value);
  };

  const send = async (button: string, section: string): Promise<void> => {
    await finance.getByRole('button', { name: button }).click();
    await finance.waitForURL(new RegExp(`/app/awards/${AWARD}#${section}$`));
  };

  // National's allocation alone: Cleveland's award path is what the forms record.
  beforeAll(async () => {
    suite = await startBrowserSuite({}, ['national-2021.json']);
    ({ base, browser } = suite);
  }, 60_000);

  afterAll(() => suite?.close());

  it('auditor: keeps a signed checkpoint of the log before Cleveland records anything', async () => {
    const auditor = await signInAs(browser, base, 'external-auditor', 'auditor', '*');
    await auditor.goto(`${base}/app/audit`);
    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByRole('button', { name: 'Download a signed checkpoint' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fundledger-checkpoint-\d+\.json$/);
    checkpointFile = join(suite.directory, 'kept-checkpoint.json');
    await download.saveAs(checkpointFile);
    await auditor.context().close();
  });

  it('finance officer: pledges the five contributions, one refused first with the ledger’s own words', async () => {
    finance = await signInAs(browser, base, 'cleveland-finance', 'finance-officer', 'opcc-cleveland');
    await openForm('Pledge match funding', 'forms-01-pledge-form');
    // A window before provision starts is the ledger's refusal, shown against the field.
    const [id, name, org, amount] = PLEDGES[0];
    await fill({ contributionId: id, contributorName: name, contributorId: org, amount, pledgedOn: DECIDED, windowStart: '2021-04', windowEnd: '2022-10', reference: 'Decision 2021-7335' });
    await finance.getByRole('button', { name: 'Record pledge' }).click();
    await finance.waitForSelector('.govuk-error-summary');
    expect(await finance.locator('.govuk-error-summary').innerText()).toContain('CONTRIBUTION_WINDOW_STARTS_BEFORE_PROVISION');
    expect(await finance.locator('#windowStart-error').innerText()).toContain('2021-04');
    await look(finance, 'forms-02-pledge-refused');
    await fill({ windowStart: '', windowEnd: '' });
    await send('Record pledge', 'match-funding');
    for (const [contributionId, contributorName, contributorId, pledged] of PLEDGES.slice(1)) {
      await reopen('pledge');
      await fill({ contributionId, contributorName, contributorId, amount: pledged, pledgedOn: DECIDED, reference: 'Decision 2021-7335' });
      await send('Record pledge', 'match-funding');
    }
    expect(await finance.locator('#match-funding + div tbody tr').count()).toBe(5);
  });

  it('finance officer: extends provision to October 2022 with the match funding', async () => {
    await openForm('Extend provision', 'forms-03-extension-form');
    await fill({ newEnd: '2022-10', decidedOn: DECIDED, reason: 'Match funding enables an additional five months of provision to the end of October 2022' });
    for (const [contributionId] of PLEDGES) await finance.locator(`input[name="fundedBy-${contributionId}"]`).check();
    await send('Extend provision', 'funded-months');
    expect(await finance.locator('#funded-months-table tbody tr').count()).toBe(13);
  });

  it('finance officer: commits the three grants and pays Harbour, and sees the bars and the shortfall', async () => {
    for (const [grantId, granteeName, granteeId, amount, purpose] of GRANTS) {
      if (grantId === 'g-harbour') await openForm('Commit a grant', 'forms-04-grant-form');
      else await reopen('grant');
      await fill({ grantId, granteeName, granteeId, amount, committedOn: DECIDED, purpose });
      await send('Commit grant', 'grants');
    }
    // Before the payment the chart shows the plan alone; after it, the money paid in November 2021 too.
    expect(await finance.locator('svg.app-chart line.app-chart__paid').count()).toBe(0);
    await finance.getByRole('button', { name: 'Record a payment', exact: true }).click();
    await finance.selectOption('#grantId', 'g-harbour');
    await fill({ amount: '£15,602.41', paidOn: '2021-11-01', reference: 'BACS 2021-11 Harbour' });
    await send('Record payment', 'funded-months');
    expect(await finance.locator('#history').innerText()).toContain('£15,602.41 paid to Harbour');
    expect(await finance.locator('svg.app-chart line.app-chart__paid[data-month="2021-11"] title').textContent()).toBe('2021-11 paid: £15,602.41');
    expect(await finance.locator('#funded-months-table tbody tr', { hasText: '2021-11' }).innerText()).toContain('£15,602.41');
    const months = await finance.locator('#funded-months-table tbody tr').count();
    expect(await finance.locator('svg.app-chart rect.app-chart__share').count()).toBeGreaterThanOrEqual(months);
    expect(await finance.locator('svg.app-chart rect.app-chart__shortfall').count()).toBeGreaterThan(0);
    expect(await finance.locator('#funded-months + p .govuk-tag--red').innerText()).toBe('Shortfall');
    await look(finance, 'forms-05-award-planned');
  });

  it('finance officer: receives Hartlepool’s contribution, from its own row', async () => {
    await finance.goto(`${base}/app/awards/${AWARD}`);
    await finance.getByRole('link', { name: 'Receive m-hartlepool' }).click();
    expect(await finance.locator('#contributionId').inputValue()).toBe('m-hartlepool');
    await look(finance, 'forms-06-receipt-form');
    await fill({ amount: '15,000.00', receivedOn: '2021-11-30' });
    await send('Record receipt', 'match-funding');
    expect(await finance.locator('#match-funding + div tbody tr', { hasText: 'm-hartlepool' }).innerText()).toMatch(/£15,000.00\s+£15,000.00\s+£0.00\s+£0.00/);
  });

  it('finance officer: the forms to vary a grant and withdraw a pledge, as they are shown', async () => {
    await openForm('Vary a grant commitment', 'forms-07-grant-variation-form');
    await openForm('Withdraw a pledge', 'forms-08-withdrawal-form');
  });

  it('auditor: the log still begins with the checkpoint kept before, and a figure’s lineage shows each event', async () => {
    const auditor = await signInAs(browser, base, 'external-auditor', 'auditor', '*');
    await auditor.goto(`${base}/app/audit`);
    await look(auditor, 'forms-09-audit');
    await auditor.setInputFiles('#checkpointFile', checkpointFile);
    await auditor.getByRole('button', { name: 'Verify the log' }).click();
    await auditor.waitForSelector('.govuk-panel');
    expect(await auditor.locator('.govuk-panel').innerText()).toContain('The log still begins with your checkpoint');
    await look(auditor, 'forms-10-audit-checkpoint-verified');

    await auditor.goto(`${base}/app/awards/${AWARD}`);
    await auditor.getByRole('link', { name: 'Lineage of available funding' }).click();
    await auditor.waitForSelector('#lineage-table');
    // The national award, then the five pledges recorded through the forms above.
    expect(await auditor.locator('#lineage-table tbody tr').count()).toBe(6);
    expect(await auditor.locator('#lineage-table').innerText()).toContain('cleveland-finance (finance-officer)');
    await look(auditor, 'forms-11-lineage');
  });
});
