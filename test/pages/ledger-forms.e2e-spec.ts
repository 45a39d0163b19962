import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { fieldIn, importFixtures, signInOver, startPagesService } from './pages-fixture';

const AWARD = '/app/awards/dapi21-cleveland';

interface FormCase {
  readonly slug: string;
  /** What a finance officer types, amounts as they would ("£1,250.00"). */
  readonly accepted: Record<string, string>;
  /** Where the award page shows it afterwards, and what it shows. */
  readonly shownAt: string;
  readonly shows: RegExp;
  readonly refused: Record<string, string>;
  readonly code: string;
  readonly field: string;
}

/**
 * Cleveland as published (headroom £2,624.66), then each form once, in this order: each case's
 * figures count on the ones before it (the pledge of m-extra funds the extension).
 */
const CASES: readonly FormCase[] = [
  {
    slug: 'payment',
    accepted: { grantId: 'g-harbour', amount: '£1,250.00', paidOn: '2021-11-15', reference: 'INV-0042' },
    shownAt: 'funded-months',
    shows: /g-harbour<\/th>[\s\S]*?£187,229.00[\s\S]*?£1,250.00/,
    refused: { grantId: 'g-harbour', amount: '9999999.00', paidOn: '2021-11-15', reference: 'INV-TOO-MUCH' },
    code: 'PAYMENT_EXCEEDS_COMMITMENT',
    field: 'amount',
  },
  {
    slug: 'grant',
    accepted: { grantId: 'g-advocacy', granteeName: 'Advocacy North', granteeId: 'advocacy-north', amount: '£1,000.00', committedOn: '2021-08-02', purpose: 'Advocacy for victims' },
    shownAt: 'grants',
    shows: /g-advocacy<\/th><td class="govuk-table__cell">Advocacy North<\/td>\s*<td[^>]*>£1,000.00/,
    refused: { grantId: 'g-too-big', granteeName: 'Too Big', granteeId: 'too-big', amount: '£5,000.00', committedOn: '2021-08-02', purpose: 'More than is left' },
    code: 'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING',
    field: 'amount',
  },
  {
    slug: 'grant-variation',
    accepted: { grantId: 'g-barefoot', newAmount: '6,500.00', effectiveOn: '2021-09-01', reason: 'Evaluation scaled back' },
    shownAt: 'grants',
    shows: /g-barefoot<\/th><td class="govuk-table__cell">Barefoot Social Research<\/td>\s*<td[^>]*>£6,500.00/,
    refused: { grantId: 'g-harbour', newAmount: '1,000.00', effectiveOn: '2021-12-01', reason: 'Below what is paid' },
    code: 'COMMITMENT_BELOW_PAID',
    field: 'newAmount',
  },
  {
    slug: 'pledge',
    accepted: { contributionId: 'm-extra', contributorName: 'Tees Valley Trust', contributorId: 'tees-valley-trust', amount: '£2,000.00', pledgedOn: '2021-08-02', windowStart: '2022-06', windowEnd: '2022-12', reference: 'Letter 2021-08' },
    shownAt: 'match-funding',
    shows: /m-extra<\/th><td class="govuk-table__cell">Tees Valley Trust<\/td>\s*<td class="govuk-table__cell">2022-06 to 2022-12<\/td>\s*<td[^>]*>£2,000.00/,
    refused: { contributionId: 'm-early', contributorName: 'Early Trust', contributorId: 'early-trust', amount: '100.00', pledgedOn: '2021-08-02', windowStart: '2021-01', windowEnd: '2021-12' },
    code: 'CONTRIBUTION_WINDOW_STARTS_BEFORE_PROVISION',
    field: 'windowStart',
  },
  {
    slug: 'receipt',
    accepted: { contributionId: 'm-hartlepool', amount: '£15,000.00', receivedOn: '2021-09-30' },
    shownAt: 'match-funding',
    shows: /m-hartlepool<\/th>[\s\S]*?<td[^>]*>£15,000.00<\/td><td[^>]*>£15,000.00<\/td>\s*<td[^>]*>£0.00<\/td><td[^>]*>£0.00/,
    refused: { contributionId: 'm-stockton', amount: '15,000.01', receivedOn: '2021-09-30' },
    code: 'RECEIPT_EXCEEDS_OUTSTANDING_PLEDGE',
    field: 'amount',
  },
  {
    slug: 'withdrawal',
    accepted: { contributionId: 'm-redcar', amount: '£1,000.00', withdrawnOn: '2021-09-01', reason: 'Council budget reduced' },
    shownAt: 'match-funding',
    shows: /m-redcar<\/th>[\s\S]*?<td[^>]*>£15,000.00<\/td><td[^>]*>£0.00<\/td>\s*<td[^>]*>£1,000.00<\/td><td[^>]*>£14,000.00/,
    refused: { contributionId: 'm-stockton', amount: '20,000.00', withdrawnOn: '2021-09-01', reason: 'More than pledged' },
    code: 'WITHDRAWAL_EXCEEDS_UNRECEIVED_PLEDGE',
    field: 'amount',
  },
  {
    slug: 'extension',
    accepted: { newEnd: '2022-12', decidedOn: '2021-08-03', reason: 'The Tees Valley Trust pays for two more months', 'fundedBy-m-extra': 'yes' },
    shownAt: 'funded-months',
    shows: /Provision\s*<\/dt>\s*<dd[^>]*>\s*2021-10 to 2022-12 \(15 months\)/,
    refused: { newEnd: '2022-09', decidedOn: '2021-08-03', reason: 'Shorter', 'fundedBy-m-extra': 'yes' },
    code: 'EXTENSION_MUST_MOVE_END_LATER',
    field: 'newEnd',
  },
];

/**
 * The finance officer's forms over HTTP: each records what the API would, once however often it is
 * sent, refuses with the ledger's own code and figures linked to the field, and is kept from other
 * roles and from a post without the session's CSRF token. The browser suite drives the same forms in
 * Chromium (ledger-forms.browser.e2e-spec.ts).
 */
describe('the ledger forms under /app/awards/:awardId/record', () => {
  let service: Awaited<ReturnType<typeof startPagesService>>;
  let app: INestApplication;
  let finance: string;
  const http = () => request(app.getHttpServer());

  const signIn = (name: string, role: string, organisation: string): Promise<string> => signInOver(app, name, role, organisation);

  /** The form as rendered for this session: its CSRF token and the command id minted for it. */
  const open = async (slug: string, cookie = finance): Promise<{ csrf: string; commandId: string; html: string }> => {
    const form = await http().get(`${AWARD}/record/${slug}`).set('Cookie', cookie).expect(200);
    return { csrf: fieldIn(form.text, 'csrf'), commandId: fieldIn(form.text, 'commandId'), html: form.text };
  };

  const post = (slug: string, fields: Record<string, string>, cookie = finance) =>
    http().post(`${AWARD}/record/${slug}`).set('Cookie', cookie).type('form').send(fields);

  const awardPage = async (): Promise<string> => (await http().get(AWARD).set('Cookie', finance).expect(200)).text;

  /** The events of the award, counted from its history table: what a form wrote, or did not. */
  const eventCount = async (): Promise<number> => (await awardPage()).split('id="history"')[1].match(/<tr class="govuk-table__row"><td/g)?.length ?? 0;

  beforeAll(async () => {
    service = await startPagesService();
    app = service.app;
    await importFixtures(app, 'national-2021.json', 'cleveland-2021.json');
    finance = await signIn('cleveland-finance', 'finance-officer', 'opcc-cleveland');
  });

  afterAll(async () => service?.close());

  describe.each(CASES)('$slug', ({ slug, accepted, shownAt, shows, refused, code, field }) => {
    it("refuses what breaks a ledger rule with the ledger's code and message, linked to the field, and records nothing", async () => {
      const before = await eventCount();
      const { csrf, commandId } = await open(slug);
      const answer = await post(slug, { csrf, commandId, ...refused });
      expect(answer.status).toBe(422);
      const summary = answer.text.split('govuk-error-summary__list')[1].split('</ul>')[0];
      expect(summary).toContain(`href="#${field}"`);
      expect(summary).toContain(`(${code})`);
      // The field itself says it too, and keeps what was typed.
      expect(answer.text).toMatch(new RegExp(`id="${field}-error"`));
      expect(await eventCount()).toBe(before);
    });

    it('records once however often the same form is sent, at once or later, and the award page shows it', async () => {
      const before = await eventCount();
      const { csrf, commandId } = await open(slug);
      // A double click sends two at once; a resend after a lost answer comes later.
      const answers = [...(await Promise.all([post(slug, { csrf, commandId, ...accepted }), post(slug, { csrf, commandId, ...accepted })])), await post(slug, { csrf, commandId, ...accepted })];
      for (const answer of answers) expect([answer.status, answer.headers.location]).toEqual([303, `${AWARD}#${shownAt}`]);
      expect(await eventCount()).toBe(before + 1);
      expect(await awardPage()).toMatch(shows);
    });

    it('mints a new command id each time it is shown, so a second entry is not taken for a resend of the first', async () => {
      expect((await open(slug)).commandId).not.toBe((await open(slug)).commandId);
    });

    it('is kept from a role that does not record, by the same rule as the API, and records nothing for it', async () => {
      const s151 = await signIn('cleveland-s151', 's151-officer', 'opcc-cleveland');
      const form = await http().get(`${AWARD}/record/${slug}`).set('Cookie', s151).expect(403);
      expect(form.text).toContain('Role s151-officer may not record; finance-officer may.');
      const before = await eventCount();
      await post(slug, { csrf: 'any', commandId: `${slug}-s151`, ...accepted }, s151).expect(403);
      expect(await eventCount()).toBe(before);
    });

    it('refuses a post without the session CSRF token, and records nothing', async () => {
      const before = await eventCount();
      const { commandId } = await open(slug);
      const answer = await post(slug, { commandId, ...accepted }).expect(403);
      expect(answer.text).toContain('This form has expired');
      expect(await eventCount()).toBe(before);
    });
  });

  describe('what a form cannot read', () => {
    it('names each field the ledger could not read, linked to its control, with the code INVALID_COMMAND', async () => {
      const { csrf, commandId } = await open('pledge');
      const answer = await post('pledge', { csrf, commandId, contributionId: 'm-x', contributorName: '', contributorId: 'x', amount: '£1,2,50', pledgedOn: '2021-08-02', windowStart: '2022-06' });
      expect(answer.status).toBe(400);
      const summary = answer.text.split('govuk-error-summary__list')[1].split('</ul>')[0];
      for (const control of ['contributorName', 'amount', 'windowEnd']) expect(summary).toContain(`href="#${control}"`);
      expect(summary).toContain('(INVALID_COMMAND)');
      expect(answer.text).toContain('value="£1,2,50"');
    });

    it('keeps the forms of another body’s award from its officers, as for an award never made', async () => {
      const kent = await signIn('kent-finance', 'finance-officer', 'opcc-kent');
      await http().get(AWARD).set('Cookie', kent).expect(404);
      await http().get(`${AWARD}/record/payment`).set('Cookie', kent).expect(404);
      const before = await eventCount();
      await post('payment', { csrf: 'any', commandId: 'pay-kent', ...CASES[0].accepted }, kent).expect(404);
      expect(await eventCount()).toBe(before);
    });

    it('has no form by another name', async () => {
      await http().get(`${AWARD}/record/close-award`).set('Cookie', finance).expect(404);
    });
  });

  describe('the award page', () => {
    it('links each form for a finance officer, and a grant’s and a contribution’s own forms with it chosen', async () => {
      const page = await awardPage();
      for (const { slug } of CASES) expect(page).toContain(`href="${AWARD}/record/${slug}"`);
      expect(page).toContain(`href="${AWARD}/record/payment?grantId=g-msp"`);
      expect(page).toContain(`href="${AWARD}/record/receipt?contributionId=m-stockton"`);
      expect((await open('payment?grantId=g-msp')).html).toMatch(/<option value="g-msp" selected/);
    });

    it('offers no form to a role that may not use it, nor on figures read at an earlier point', async () => {
      const s151 = await signIn('cleveland-s151', 's151-officer', 'opcc-cleveland');
      expect((await http().get(AWARD).set('Cookie', s151)).text).not.toContain('/record/');
      expect((await http().get(`${AWARD}?asOf=2021-08-01`).set('Cookie', finance)).text).not.toContain('/record/');
    });
  });
});
