import type { JsonObject } from '@fundledger/event-store';
import { certificateStatus, certificateToJson, figureChanges, readCertificate } from './certificate-status';
import { certificationFigures } from './certification-figures';
import { certificateEffectOf } from './event-summary';
import { firstPayment, NORFOLK, norfolkRecorder, norfolkVariation, recordOf } from './certificate.test-builders';

describe('a budget certificate', () => {
  describe('given Norfolk 2023 as imported, certified by its Section 151 officer', () => {
    const recorder = norfolkRecorder();
    const record = recordOf(recorder.events);

    it('pins the figures of decision 21/2023, a stable documented set, all money as 2-dp strings', () => {
      expect(record.certificates).toHaveLength(1);
      const { data } = record.certificates[0];
      expect(data).toMatchObject({ basis: 'b', regulationsComplied: true, decisionRef: '21/2023', atRevision: 2 });
      expect(data.figures).toEqual({
        status: 'open',
        awardAmount: '169675.00',
        windowStart: '2023-04',
        windowEnd: '2024-03',
        provisionEnd: '2024-03',
        matchFundingPledged: '0.00',
        matchFundingWithdrawn: '0.00',
        matchFundingNet: '0.00',
        matchFundingReceived: '0.00',
        availableFunding: '169675.00',
        committed: '169675.00',
        paid: '0.00',
        unpaidCommitments: '169675.00',
        uncommittedHeadroom: '0.00',
        spendProfile: 'flat',
        plannedCost: '169675.00',
        plannedFunded: '169675.00',
        plannedShortfall: '0.00',
        fundedMonths: '12.0000',
        firstShortfallMonth: null,
        lapsing: '0.00',
        underspendReturned: null,
        grants: { 'g-change-project': { committed: '169675.00', paid: '0.00' } },
        contributions: {},
      });
      expect(data.figuresHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reads current, with nothing recorded since and its figures still hashing to the hash', () => {
      const reading = readCertificate(record, 1)!;
      expect(reading.status).toEqual({
        status: 'current',
        asAtRevision: '3',
        figuresHashVerified: true,
        eventsSince: [],
        movementsSince: [],
        changes: [],
        movements: [],
      });
    });

    it('names who issued it: the authenticated subject recorded with the event', () =>
      expect(record.certificates[0].issuedBy).toEqual({ id: 'fixture-import', role: 'finance-officer' }));

    it('has no second certificate', () => expect(readCertificate(record, 2)).toBeUndefined());

    describe('when a payment is then recorded', () => {
      const later = norfolkRecorder();
      later.record(firstPayment);
      const afterPayment = recordOf(later.events);
      const reading = readCertificate(afterPayment, 1)!;

      // A payment within the budget changes nothing the officer certified: calling it stale would be noise.
      it('stays current, listing the payment as since certification', () => {
        expect(reading.status).toMatchObject({ status: 'current', eventsSince: [], changes: [] });
        expect(reading.status.movementsSince).toEqual([
          {
            revision: '4',
            position: '5',
            type: 'DisbursementPaid',
            recordedAt: later.events[4].recordedAt,
            summary: '£14,139.59 paid to The Change Project on 2023-08-15 (BACS 0815)',
          },
        ]);
      });

      it('says which figures of money spent moved, before and after', () =>
        expect(reading.status.movements).toEqual([
          { figure: 'paid', label: 'Paid (net of reversals)', before: '0.00', after: '14139.59' },
          { figure: 'unpaidCommitments', label: 'Committed, not yet paid', before: '169675.00', after: '155535.41' },
          { figure: 'grants.g-change-project.paid', label: 'Grant g-change-project: paid', before: '0.00', after: '14139.59' },
        ]));

      it('answers the same on the wire, with the basis spelled out and the status line first', () =>
        expect(certificateToJson(reading, afterPayment)).toMatchObject({
          statusText: 'CURRENT at revision 4: the certified budget is unchanged; 1 payment(s) or receipt(s) since',
          awardId: NORFOLK,
          index: 1,
          basis: 'b',
          basisText: 'The costs of this decision can be met from existing revenue or capital budgets.',
          issuedBy: { id: 'fixture-import', role: 'finance-officer' },
          acknowledged: [],
          status: 'current',
          eventsSince: [],
          movementsSince: [expect.objectContaining({ type: 'DisbursementPaid' })],
        }));

      describe('and the commitment is then varied', () => {
        later.record(norfolkVariation);
        const varied = readCertificate(recordOf(later.events), 1)!;

        it('turns stale, listing the variation and not the payment as the cause', () => {
          expect(varied.status.status).toBe('stale');
          expect(varied.status.eventsSince).toEqual([
            expect.objectContaining({
              revision: '5',
              type: 'GrantCommitmentVaried',
              summary: 'commitment to The Change Project varied to £160,000.00 (Scope reduced)',
            }),
          ]);
          expect(varied.status.movementsSince.map((e) => e.type)).toEqual(['DisbursementPaid']);
        });

        it('says which budget figures changed, before and after', () =>
          expect(varied.status.changes.map((c) => [c.figure, c.before, c.after])).toEqual([
            ['committed', '169675.00', '160000.00'],
            ['uncommittedHeadroom', '0.00', '9675.00'],
            ['plannedCost', '169675.00', '160000.00'],
            ['plannedFunded', '169675.00', '160000.00'],
            ['lapsing', '0.00', '9675.00'],
            ['grants.g-change-project.committed', '169675.00', '160000.00'],
          ]));
      });
    });

    it.each([
      ['a receipt of match funding', 'MatchFundingReceived', 'movement'],
      ['a reversal of a payment', 'DisbursementReversed', 'movement'],
      ['a pledge of match funding', 'MatchFundingPledged', 'budget'],
      ['a withdrawal of match funding', 'MatchFundingWithdrawn', 'budget'],
      ['a variation of the award', 'AwardVaried', 'budget'],
      ['an extension of provision', 'ProvisionExtended', 'budget'],
      ['a spend profile', 'SpendProfileSet', 'budget'],
      ['a commitment', 'GrantCommitted', 'budget'],
      ['closure', 'AwardClosed', 'budget'],
      ['a return', 'ReturnSubmitted', 'statement'],
    ] as const)('treats %s (%s) as a %s event', (_what, type, effect) => expect(certificateEffectOf(type)).toBe(effect));

    describe('when only statements are recorded since', () => {
      const later = norfolkRecorder();
      later.record({
        commandId: 'nor23-decision-2',
        type: 'RecordDecision',
        awardId: NORFOLK,
        decisionRef: '21/2023-a',
        decidedOn: '2023-09-01',
        declared: {},
      });
      later.record({
        commandId: 'nor23-return-q1',
        type: 'SubmitReturn',
        awardId: NORFOLK,
        financialYear: '2023-24',
        quarter: 1,
        submittedOn: '2023-09-05',
      });

      // A decision, a certificate or a return states figures; none of them changes one.
      it('stays current', () => {
        expect(later.events.map((e) => e.type).slice(-2)).toEqual(['DecisionRecorded', 'ReturnSubmitted']);
        expect(readCertificate(recordOf(later.events), 1)!.status).toMatchObject({ status: 'current', eventsSince: [] });
      });
    });

    it('says when the pinned figures no longer hash to the recorded hash', () => {
      const [certificate] = record.certificates;
      const tampered = { ...certificate, data: { ...certificate.data, figures: { ...certificate.data.figures, paid: '1.00' } } };
      expect(certificateStatus(record.view, tampered, []).figuresHashVerified).toBe(false);
    });

    it('ignores events at or before the certificate itself', () =>
      expect(certificateStatus(record.view, record.certificates[0], record.events).eventsSince).toEqual([]));
  });

  describe('comparing figures', () => {
    const before: JsonObject = { paid: '0.00', grants: { g1: { committed: '10.00', paid: '0.00' } }, firstShortfallMonth: null };

    it('lists a grant committed since with nothing before it, and one gone with nothing after', () =>
      expect(
        figureChanges(before, { paid: '0.00', grants: { g2: { committed: '5.00', paid: '0.00' } }, firstShortfallMonth: '2024-01' }),
      ).toEqual([
        { figure: 'grants.g2.committed', label: 'Grant g2: committed', before: null, after: '5.00' },
        { figure: 'grants.g2.paid', label: 'Grant g2: paid', before: null, after: '0.00' },
        { figure: 'firstShortfallMonth', label: 'First month with a shortfall', before: null, after: '2024-01' },
        { figure: 'grants.g1.committed', label: 'Grant g1: committed', before: '10.00', after: null },
        { figure: 'grants.g1.paid', label: 'Grant g1: paid', before: '0.00', after: null },
      ]));

    it('finds no change between a view and its own figures', () => {
      const { view } = recordOf(norfolkRecorder().events);
      expect(figureChanges(certificationFigures(view), certificationFigures(view))).toEqual([]);
    });
  });
});
