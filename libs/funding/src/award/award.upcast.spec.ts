import { toProgrammeEvent } from '../programme/programme.events';
import { businessDateOf, isBusinessDateInferred } from './award.business-date';
import { toAwardEvent } from './award.upcast';

/** Events recorded by fundledger 0.1 (schemaVersion 1) carried no business date on eight event types. */
describe('reading events of earlier schema versions', () => {
  // 23:30 UTC on 31 March 2022 is already 1 April in London (BST): the UK date is the one inferred.
  const metadata = { schemaVersion: 1, recordedAt: '2022-03-31T23:30:00.000Z' };

  it('dates an event that had no business date on the UK day it was recorded, marked as inferred', () => {
    const event = toAwardEvent({
      type: 'GrantCommitted',
      data: { awardId: 'a', grantId: 'g', grantee: { id: 'h', name: 'H' }, amount: '10.00', purpose: 'p' },
      metadata,
    });
    expect(event.data).toMatchObject({ committedOn: '2022-04-01', businessDateInferred: true });
    expect(businessDateOf(event)).toBe('2022-04-01');
    expect(isBusinessDateInferred(event)).toBe(true);
  });

  it('keeps a business date the event already had, and does not mark it', () => {
    const data = { awardId: 'a', grantId: 'g', disbursementId: 'd', amount: '1.00', paidOn: '2021-08-01', reference: 'r' };
    const event = toAwardEvent({ type: 'DisbursementPaid', data, metadata });
    expect(event.data).toEqual(data);
    expect(isBusinessDateInferred(event)).toBe(false);
  });

  it.each([
    ['AwardVaried', 'effectiveOn'],
    ['MatchFundingPledged', 'pledgedOn'],
    ['MatchFundingWithdrawn', 'withdrawnOn'],
    ['GrantCommitmentVaried', 'effectiveOn'],
    ['DisbursementReversed', 'reversedOn'],
    ['ProvisionExtended', 'decidedOn'],
    ['SpendProfileSet', 'setOn'],
  ])('infers %s.%s', (type, field) =>
    expect(toAwardEvent({ type, data: { awardId: 'a' }, metadata }).data).toMatchObject({ [field]: '2022-04-01' }));

  it("falls back to the store's recording time when the metadata has none", () =>
    expect(
      toAwardEvent({ type: 'SpendProfileSet', data: { awardId: 'a', months: {} }, recordedAt: '2021-08-01T10:00:00Z' }).data,
    ).toMatchObject({ setOn: '2021-08-01', businessDateInferred: true }));

  it('upcasts a programme opened without openedOn', () =>
    expect(toProgrammeEvent({ type: 'ProgrammeOpened', data: { programmeId: 'p' }, metadata }).data).toMatchObject({
      openedOn: '2022-04-01',
      businessDateInferred: true,
    }));

  it('still refuses an event type it does not know', () =>
    expect(() => toAwardEvent({ type: 'AwardRenamed', data: {}, metadata })).toThrow('unknown award event type AwardRenamed'));
});
