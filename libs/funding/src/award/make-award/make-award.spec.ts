import { deciderSpecification } from '@fundledger/testing';
import { awardMade, makeAward, PROGRAMME_ID, programmeOpened, awardDeciderForSpecs } from '../../funding.test-builders';
import { foldProgramme, initialProgrammeState } from '../../programme/programme.state';
import { parseMakeAward } from './make-award.parse';

const spec = deciderSpecification(awardDeciderForSpecs);
const openProgramme = foldProgramme([programmeOpened()]);

describe('MakeAward', () => {
  describe('on a new award id', () => {
    it('records the award as made', () =>
      spec.given([]).when(makeAward('200333.33')).then([awardMade('200333.33')]));

    it('accepts a window of a single month', () =>
      spec
        .given([])
        .when(makeAward('10.00', { window: { start: '2022-03', end: '2022-03' } }))
        .then([awardMade('10.00', { window: { start: '2022-03', end: '2022-03' } })]));
  });

  describe('on an award id already made', () => {
    it('refuses to make it again', () =>
      spec
        .given([awardMade('100.00')])
        .when(makeAward('100.00'))
        .thenThrows('AWARD_ALREADY_MADE', 'award award-1 has already been made', { kind: 'already-exists' }));
  });

  describe('from a programme', () => {
    it('records the programme when it is open', () =>
      spec
        .given([])
        .when(makeAward('100.00', { programmeId: PROGRAMME_ID }), { programme: openProgramme })
        .then([awardMade('100.00', { programmeId: PROGRAMME_ID })]));

    // Announced envelopes are rounded (DESIGN §1): the decision does not even look at the envelope.
    it('records an award larger than the whole envelope', () =>
      spec
        .given([])
        .when(makeAward('11300000.01', { programmeId: PROGRAMME_ID }), { programme: openProgramme })
        .then([awardMade('11300000.01', { programmeId: PROGRAMME_ID })]));

    it.each([
      ['no programme state', {}],
      ['a programme never opened', { programme: initialProgrammeState }],
      ['another programme', { programme: foldProgramme([programmeOpened({ programmeId: 'other' })]) }],
    ])('refuses the award given %s', (_, context) =>
      spec
        .given([])
        .when(makeAward('100.00', { programmeId: PROGRAMME_ID }), context)
        .thenThrows('PROGRAMME_NOT_FOUND', 'programme dapi-2021 has not been opened', { kind: 'not-found' }));
  });

  describe('with a window that ends before it starts', () => {
    it('refuses the award', () =>
      spec
        .given([])
        .when(makeAward('100.00', { window: { start: '2021-10', end: '2021-09' } }))
        .thenThrows('WINDOW_END_BEFORE_START', 'the eligibility window ends 2021-09, before it starts 2021-10'));
  });

  describe('parsing a raw body', () => {
    const body = {
      awardId: 'dapi21-cleveland',
      programmeId: 'dapi-2021',
      funder: { id: 'home-office', name: 'Home Office' },
      recipient: { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
      amount: '200333.33',
      awardedOn: '2021-07-01',
      window: { start: '2021-10', end: '2022-05' },
      decisionRef: 'HO-DAPI-2021',
      description: 'Domestic abuse perpetrator interventions (1 bid)',
    };

    it('reads the national fixture entry', () => {
      const { amount, ...rest } = parseMakeAward(body);
      expect(rest).toEqual({ type: 'MakeAward', ...body, amount: undefined });
      expect(amount.toString()).toBe('200333.33');
    });

    it('leaves programmeId out when the body does', () => {
      const { programmeId: _, ...standalone } = body;
      expect(parseMakeAward(standalone)).not.toHaveProperty('programmeId');
    });

    it('names every field error at once', () => {
      const raw = { ...body, amount: '200,333.33', awardedOn: '2021-02-30', window: { start: '2021-13' }, programmeId: null };
      expect(() => parseMakeAward(raw)).toThrow(
        expect.objectContaining({
          fields: [
            expect.objectContaining({ field: 'programmeId', message: 'programmeId: must be omitted rather than null' }),
            expect.objectContaining({ field: 'amount' }),
            expect.objectContaining({ field: 'awardedOn' }),
            expect.objectContaining({ field: 'window.start' }),
            { field: 'window.end', message: 'window.end: required' },
          ],
        }),
      );
    });
  });
});
