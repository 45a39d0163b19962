import fc from 'fast-check';
import { Money } from '@fundledger/money';
import { emptyLedgerView } from '@fundledger/projections';
import { grantToJson, threeSixtyGivingGrants, threeSixtyGivingPackage } from './three-sixty-giving.export';
import { clevelandSource, eventsOf, sourceOf, TEST_PREFIX } from './three-sixty-giving.test-builders';
import type { ThreeSixtyGivingGrantRecord } from './three-sixty-giving.types';

const options = { prefix: TEST_PREFIX };

const byId = (grants: readonly ThreeSixtyGivingGrantRecord[], id: string): ThreeSixtyGivingGrantRecord => {
  const grant = grants.find((g) => g.id === id);
  if (grant === undefined) throw new Error(`no grant ${id} among ${grants.map((g) => g.id).join(', ')}`);
  return grant;
};

describe('360Giving export of the grants the ledger records', () => {
  describe('given the 2021 national allocation and Cleveland\'s decision', () => {
    const grants = threeSixtyGivingGrants(clevelandSource(), options);

    it('exports one grant per award and one per grant committed out: 25 awards + 3 grants', () => {
      expect(grants).toHaveLength(28);
      expect(grants.filter((g) => g.relatedActivity !== undefined).map((g) => g.id)).toEqual([
        '360G-test-dapi21-cleveland-g-harbour',
        '360G-test-dapi21-cleveland-g-msp',
        '360G-test-dapi21-cleveland-g-barefoot',
      ]);
    });

    it('gives the Cleveland award at its varied amount, 200,124.66, to the penny', () => {
      const award = byId(grants, '360G-test-dapi21-cleveland');
      expect(award.amountAwarded.toString()).toBe('200124.66');
      expect(grantToJson(award).amountAwarded).toBe(200124.66);
      expect(award.amountDisbursed).toBeUndefined();
    });

    it('describes the award: funder to recipient, its award date, window and programme', () => {
      expect(byId(grants, '360G-test-dapi21-cleveland')).toMatchObject({
        title: 'Home Office award to Police and Crime Commissioner for Cleveland',
        description: 'Domestic abuse perpetrator interventions (1 bid)',
        currency: 'GBP',
        awardDate: '2021-07-01',
        // Home Office money covers 2021-10 to 2022-05: eight whole months.
        plannedDates: { startDate: '2021-10-01', endDate: '2022-05-31', durationMonths: 8 },
        fundingOrganization: { id: '360G-test-org-home-office', name: 'Home Office' },
        recipientOrganization: { id: '360G-test-org-opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
        grantProgramme: { code: 'dapi-2021', title: 'Domestic Abuse Perpetrator Interventions Fund 2021/22' },
      });
    });

    it('gives each grant out at its commitment, to the penny: 187,229.00, 101,388.00, 7,000.00', () => {
      const amounts = ['g-harbour', 'g-msp', 'g-barefoot'].map((grantId) => {
        const grant = byId(grants, `360G-test-dapi21-cleveland-${grantId}`);
        return [grant.amountAwarded.toString(), grantToJson(grant).amountAwarded];
      });
      expect(amounts).toEqual([
        ['187229.00', 187229],
        ['101388.00', 101388],
        ['7000.00', 7000],
      ]);
    });

    it('shows a grant out as the recipient funding the grantee over the extended provision period', () => {
      expect(byId(grants, '360G-test-dapi21-cleveland-g-harbour')).toMatchObject({
        title: 'Police and Crime Commissioner for Cleveland grant to Harbour',
        description: 'Team around the Couple delivery',
        // The commitment's business date (the decision's, per the fixture), not the day it was typed.
        awardDate: '2021-07-31',
        // Match funding extended provision by five months, to the end of October 2022.
        plannedDates: { startDate: '2021-10-01', endDate: '2022-10-31', durationMonths: 13 },
        fundingOrganization: { id: '360G-test-org-opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
        recipientOrganization: { id: '360G-test-org-harbour', name: 'Harbour' },
        relatedActivity: '360G-test-dapi21-cleveland',
      });
      expect(byId(grants, '360G-test-dapi21-cleveland-g-harbour').amountDisbursed?.toString()).toBe('0.00');
    });

    it('lists awards in id order, each followed by its grants out in commitment order', () => {
      const ids = grants.map((g) => g.id);
      const cleveland = ids.indexOf('360G-test-dapi21-cleveland');
      expect(ids.slice(cleveland, cleveland + 4)).toEqual([
        '360G-test-dapi21-cleveland',
        '360G-test-dapi21-cleveland-g-harbour',
        '360G-test-dapi21-cleveland-g-msp',
        '360G-test-dapi21-cleveland-g-barefoot',
      ]);
      const awardIds = ids.filter((id) => !id.includes('-g-'));
      expect(awardIds).toEqual([...awardIds].sort());
    });
  });

  describe('given Norfolk\'s award with no programme and a payment that was reversed', () => {
    const events = eventsOf(
      ['norfolk-2023'],
      [
        { commandId: 't-1', type: 'PayDisbursement', awardId: 'norfolk-change-2023', grantId: 'g-change-project',
          disbursementId: 'd-1', amount: '14139.58', paidOn: '2023-08-01', reference: 'INV-1' },
        { commandId: 't-2', type: 'PayDisbursement', awardId: 'norfolk-change-2023', grantId: 'g-change-project',
          disbursementId: 'd-2', amount: '14139.58', paidOn: '2023-08-02', reference: 'INV-1 (duplicate)' },
        { commandId: 't-3', type: 'ReverseDisbursement', awardId: 'norfolk-change-2023', disbursementId: 'd-2',
          reason: 'Paid twice', reversedOn: '2024-03-31' },
      ],
    );
    const grants = threeSixtyGivingGrants(sourceOf(events), options);

    it('reports the grant out as disbursed net of the reversal', () => {
      const grant = byId(grants, '360G-test-norfolk-change-2023-g-change-project');
      expect(grant.amountDisbursed?.toString()).toBe('14139.58');
      expect(grantToJson(grant).amountDisbursed).toBe(14139.58);
    });

    it('leaves out the grant programme', () => {
      const award = byId(grants, '360G-test-norfolk-change-2023');
      expect(award.grantProgramme).toBeUndefined();
      expect(grantToJson(award)).not.toHaveProperty('grantProgramme');
    });
  });

  describe('organisation identifiers', () => {
    const events = eventsOf([], [
      { commandId: 'o-1', type: 'MakeAward', awardId: 'a-1', funder: { id: 'GB-GOR-PC390', name: 'Home Office' },
        recipient: { id: 'GB-CHC-1164883', name: 'A Charity' }, amount: '100.00', awardedOn: '2024-01-15',
        window: { start: '2024-01', end: '2024-12' }, decisionRef: 'D-1', description: 'Test award' },
    ]);
    const [award] = threeSixtyGivingGrants(sourceOf(events), options);

    it('keeps org-id.guide identifiers as they are', () => {
      expect(award.fundingOrganization.id).toBe('GB-GOR-PC390');
      expect(award.recipientOrganization.id).toBe('GB-CHC-1164883');
    });
  });

  describe('the publisher prefix', () => {
    it.each(['fundledger', '360G', '360G-', '360g-xyz', '360G-xyz trust', '360G-xyz/1', 'GB-CHC-1', ''])(
      'refuses %j as a configuration error',
      (prefix) => {
        expect(() => threeSixtyGivingGrants(clevelandSource(), { prefix })).toThrow(
          expect.objectContaining({ code: 'INVALID_PUBLISHER_PREFIX', kind: 'configuration' }),
        );
      },
    );

    it.each(['360G-xyztrust', '360G-fundledger', '360G-LBofRichmond'])('accepts %j', (prefix) => {
      expect(threeSixtyGivingGrants(clevelandSource(), { prefix })[0].id.startsWith(`${prefix}-`)).toBe(true);
    });
  });

  describe('when the source cannot make a package', () => {
    it('refuses an empty ledger: a package needs at least one grant', () => {
      expect(() =>
        threeSixtyGivingPackage({ ledger: emptyLedgerView }, options),
      ).toThrow(expect.objectContaining({ code: 'NO_GRANTS_TO_EXPORT' }));
    });

    it('refuses a licence that is not a URI', () => {
      expect(() => threeSixtyGivingPackage(clevelandSource(), { ...options, license: 'OGL v3' })).toThrow(
        expect.objectContaining({ code: 'INVALID_LICENSE_URI' }),
      );
    });
  });

  describe('the package metadata', () => {
    it('dates the package by the last event behind its grants and carries publisher and licence', () => {
      const source = clevelandSource();
      const latest = [...source.ledger.awards.values()].map((v) => v.lastRecordedAt).sort().at(-1);
      const license = 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
      const pkg = threeSixtyGivingPackage(source, { ...options, publisher: { name: 'OPCC for Cleveland' }, license });
      expect(pkg).toMatchObject({ modified: latest, publisher: { name: 'OPCC for Cleveland' }, license });
    });
  });

  describe('amounts become JSON numbers only at the boundary', () => {
    it('keeps every amount up to the ledger ceiling exact to the penny', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999_999n }), (pennies) => {
          const money = Money.fromPennies(pennies);
          const asNumber = Number(money.toString());
          // What a JSON reader gets back, read as money again, is the same number of pennies.
          return Money.fromString(String(asNumber)).equals(money);
        }),
      );
    });
  });
});
