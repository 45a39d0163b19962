import { deciderSpecification } from '@fundledger/testing';
import { openProgramme, programmeOpened, programmeDeciderForSpecs } from '../../funding.test-builders';
import { foldProgramme } from '../programme.state';
import { parseOpenProgramme } from './open-programme.parse';

const spec = deciderSpecification(programmeDeciderForSpecs);

describe('OpenProgramme', () => {
  it('opens a programme never opened', () => spec.given([]).when(openProgramme()).then([programmeOpened()]));

  it('refuses to open the same programme id twice', () =>
    spec
      .given([programmeOpened()])
      .when(openProgramme({ name: 'Another name' }))
      .thenThrows('PROGRAMME_ALREADY_OPENED', 'programme dapi-2021 is already open', { kind: 'already-exists' }));

  it('folds into the opened programme', () =>
    expect(foldProgramme([programmeOpened()])).toMatchObject({ status: 'opened', programmeId: 'dapi-2021' }));

  describe('parsing a raw body', () => {
    const body = {
      programmeId: 'dapi-2021',
      name: 'Domestic Abuse Perpetrator Interventions Fund 2021/22',
      funder: { id: 'home-office', name: 'Home Office' },
      envelope: '11300000.00',
      financialYear: '2021-22',
      openedOn: '2021-07-01',
    };

    it('reads the national fixture entry', () => {
      const command = parseOpenProgramme(body);
      expect(command.envelope.toString()).toBe('11300000.00');
      expect(command.financialYear).toBe('2021-22');
    });

    it('refuses a financial year that is not one, and an envelope with a separator', () =>
      expect(() => parseOpenProgramme({ ...body, envelope: '11,300,000.00', financialYear: '2021-23' })).toThrow(
        expect.objectContaining({
          fields: [expect.objectContaining({ field: 'envelope' }), expect.objectContaining({ field: 'financialYear' })],
        }),
      ));
  });
});
