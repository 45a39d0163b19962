import { parseFundingCommand } from '@fundledger/funding';
import { commandOf, fieldOfPath, poundsOf } from './ledger-form';
import { EXTEND_PROVISION, LEDGER_FORMS, ledgerFormOf, PAY_DISBURSEMENT, PLEDGE_MATCH_FUNDING, RECEIVE_MATCH_FUNDING } from './ledger-forms';

describe('a ledger form', () => {
  describe('reading an amount as a finance officer types it', () => {
    it.each([
      ['£1,250.00', '1250.00'],
      ['1250', '1250'],
      [' £ 187,229.5 ', '187229.5'],
      ['1,000,000.00', '1000000.00'],
    ])('reads %j as %j', (typed, pounds) => expect(poundsOf(typed)).toBe(pounds));

    it.each(['1,2,50', '12,50', '-5.00', '1e3', '£', 'ten pounds'])('passes %j on as typed, for the ledger to refuse by its own rule', (typed) =>
      expect(poundsOf(typed)).toBe(typed.trim()),
    );
  });

  describe('the command a posted form stands for', () => {
    it('puts a payment together as the API takes it: the grant in the path, the payment id its command id', () => {
      const posted = { csrf: 'x', commandId: 'pay-1', grantId: 'g-harbour', amount: '£1,250.00', paidOn: '2021-11-15', reference: 'INV-1' };
      expect(commandOf(PAY_DISBURSEMENT, posted, [])).toEqual({
        body: { commandId: 'pay-1', amount: '1250.00', paidOn: '2021-11-15', reference: 'INV-1', disbursementId: 'pay-1' },
        pathIds: { grantId: 'g-harbour' },
      });
    });

    it('nests the contributor and the window, and leaves a blank optional window out so provision applies', () => {
      const posted = { commandId: 'pledge-1', contributionId: 'm-x', contributorName: 'X Trust', contributorId: 'x-trust', amount: '2,000', pledgedOn: '2021-08-01', windowStart: '', windowEnd: '', reference: '' };
      const { body } = commandOf(PLEDGE_MATCH_FUNDING, posted, []);
      expect(body).toEqual({ commandId: 'pledge-1', contributionId: 'm-x', contributor: { id: 'x-trust', name: 'X Trust' }, amount: '2000', pledgedOn: '2021-08-01' });
      const { commandId, ...fields } = body;
      expect(parseFundingCommand('PledgeMatchFunding', { ...fields, awardId: 'a-1' })).toMatchObject({ contributor: { id: 'x-trust' } });
    });

    it('sends a blank required field, so the ledger names it rather than the page guessing', () =>
      expect(commandOf(RECEIVE_MATCH_FUNDING, { commandId: 'r-1' }, [])).toEqual({ body: { commandId: 'r-1', amount: '', receivedOn: '' }, pathIds: { contributionId: '' } }));

    it('funds an extension by the ticked contributions only, of those the award offered', () => {
      const posted = { commandId: 'e-1', newEnd: '2022-12', decidedOn: '2021-08-01', reason: 'More months', 'fundedBy-m-a': 'yes', 'fundedBy-m-forged': 'yes' };
      expect(commandOf(EXTEND_PROVISION, posted, ['m-a', 'm-b']).body.fundedBy).toEqual(['m-a']);
    });
  });

  describe('linking a ledger field error to its control', () => {
    it.each([
      ['pledge', 'contributor.name', 'contributorName'],
      ['pledge', 'window.end', 'windowEnd'],
      ['extension', 'fundedBy[1]', 'fundedBy'],
      ['payment', 'amount', 'amount'],
    ])('%s: links %s to #%s', (slug, path, name) => expect(fieldOfPath(ledgerFormOf(slug)!, path)).toBe(name));

    it('links nothing for a field the form does not show', () => expect(fieldOfPath(PAY_DISBURSEMENT, 'awardId')).toBeUndefined());
  });

  describe('every form', () => {
    it.each(LEDGER_FORMS.map((form) => form.slug))('%s: each refusal it links names one of its own fields, and each path id is a field', (slug) => {
      const form = ledgerFormOf(slug)!;
      const names = form.fields.map((field) => field.name);
      expect(Object.values(form.fieldOfCode).filter((name) => !names.includes(name))).toEqual([]);
      expect(form.pathIds.filter((path) => !form.fields.some((field) => field.path === path))).toEqual([]);
    });

    it('has its own URL and command id prefix', () => {
      expect(new Set(LEDGER_FORMS.map((form) => form.slug)).size).toBe(LEDGER_FORMS.length);
      expect(new Set(LEDGER_FORMS.map((form) => form.idPrefix)).size).toBe(LEDGER_FORMS.length);
    });
  });
});
