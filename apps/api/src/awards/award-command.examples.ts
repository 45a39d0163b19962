/**
 * Request examples for the OpenAPI document. Where the fixtures hold the command, the example is the
 * fixture entry (fixtures/national-2021.json, cleveland-2021.json) without its type and path ids;
 * the others continue the Cleveland story with illustrative figures, and say so.
 */
const example = (summary: string, value: object) => ({ summary, value });

export const MAKE_AWARD_EXAMPLES = {
  cleveland: example('The Home Office award to the OPCC for Cleveland, as announced (nat21-004)', {
    commandId: 'nat21-004',
    awardId: 'dapi21-cleveland',
    programmeId: 'dapi-2021',
    funder: { id: 'home-office', name: 'Home Office' },
    recipient: { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
    amount: '200333.33',
    awardedOn: '2021-07-01',
    window: { start: '2021-10', end: '2022-05' },
    decisionRef: 'HO-DAPI-2021',
    description: 'Domestic abuse perpetrator interventions (1 bid)',
  }),
  norfolk: example('The Change Project award in Norfolk, under no programme (nor23-001)', {
    commandId: 'nor23-001',
    awardId: 'norfolk-change-2023',
    funder: { id: 'opcc-norfolk-revenue', name: 'OPCC for Norfolk revenue budget' },
    recipient: { id: 'opcc-norfolk', name: 'Police and Crime Commissioner for Norfolk' },
    amount: '169675.00',
    awardedOn: '2023-07-31',
    window: { start: '2023-04', end: '2024-03' },
    decisionRef: '21/2023',
    description:
      'The Change Project, Change Hub: 1-2-1 domestic abuse perpetrator interventions in Norfolk; follows grant decision 39/2022',
  }),
};

export const VARY_AWARD_EXAMPLES = {
  cleveland: example('The amount the local decision confirms (cle21-001)', {
    commandId: 'cle21-001',
    newAmount: '200124.66',
    effectiveOn: '2021-07-31',
    reason: 'Amount confirmed in the local decision differs from the national announcement (200,333.33)',
    reference: 'Decision 2021-7335',
  }),
};

export const PLEDGE_MATCH_FUNDING_EXAMPLES = {
  opcc: example("The OPCC's own contribution (cle21-002)", {
    commandId: 'cle21-002',
    contributionId: 'm-opcc',
    contributor: { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
    amount: '38117.00',
    pledgedOn: '2021-07-31',
    reference: 'Decision 2021-7335',
  }),
  hartlepool: example("Hartlepool Borough Council's contribution (cle21-003)", {
    commandId: 'cle21-003',
    contributionId: 'm-hartlepool',
    contributor: { id: 'hartlepool-council', name: 'Hartlepool Borough Council' },
    amount: '15000.00',
    pledgedOn: '2021-07-31',
    reference: 'Decision 2021-7335',
  }),
};

export const RECEIVE_MATCH_FUNDING_EXAMPLES = {
  hartlepool: example("Hartlepool's contribution arrives (illustrative)", {
    commandId: 'cle21-rcv-hartlepool',
    amount: '15000.00',
    receivedOn: '2021-11-30',
  }),
};

export const WITHDRAW_MATCH_FUNDING_EXAMPLES = {
  partial: example('A partner withdraws part of an unpaid pledge (illustrative)', {
    commandId: 'cle21-wd-redcar',
    amount: '5000.00',
    withdrawnOn: '2021-12-15',
    reason: 'Council budget reduced',
  }),
};

export const COMMIT_GRANT_EXAMPLES = {
  harbour: example('Harbour, the delivery partner (cle21-008)', {
    commandId: 'cle21-008',
    grantId: 'g-harbour',
    grantee: { id: 'harbour', name: 'Harbour' },
    amount: '187229.00',
    committedOn: '2021-07-31',
    purpose: 'Team around the Couple delivery',
  }),
  barefoot: example('Barefoot Social Research, the evaluation (cle21-010)', {
    commandId: 'cle21-010',
    grantId: 'g-barefoot',
    grantee: { id: 'barefoot-research', name: 'Barefoot Social Research' },
    amount: '7000.00',
    committedOn: '2021-07-31',
    purpose: 'Independent evaluation',
  }),
};

export const VARY_GRANT_COMMITMENT_EXAMPLES = {
  reduce: example('A commitment reduced (illustrative)', {
    commandId: 'cle21-vg-msp',
    newAmount: '100000.00',
    effectiveOn: '2021-09-01',
    reason: 'Service scaled back',
  }),
};

export const PAY_DISBURSEMENT_EXAMPLES = {
  harbour: example('A monthly payment to Harbour (illustrative)', {
    commandId: 'cle21-pay-harbour-2021-11',
    disbursementId: 'd-harbour-2021-11',
    amount: '15602.41',
    paidOn: '2021-11-01',
    reference: 'BACS 2021-11 Harbour',
  }),
};

export const REVERSE_DISBURSEMENT_EXAMPLES = {
  wrongAccount: example('A payment reversed (illustrative)', {
    commandId: 'cle21-rev-harbour-2021-11',
    reversedOn: '2021-11-15',
    reason: 'Paid to the wrong account',
  }),
};

export const EXTEND_PROVISION_EXAMPLES = {
  cleveland: example('Five more months funded by the match funding (cle21-007)', {
    commandId: 'cle21-007',
    newEnd: '2022-10',
    decidedOn: '2021-07-31',
    reason: 'Match funding enables an additional five months of provision to the end of October 2022',
    fundedBy: ['m-opcc', 'm-hartlepool', 'm-stockton', 'm-redcar', 'm-middlesbrough'],
  }),
};

export const SET_SPEND_PROFILE_EXAMPLES = {
  cleveland: example('A planned cost for each of the 13 provision months (illustrative)', {
    commandId: 'cle21-profile',
    setOn: '2021-08-01',
    months: {
      '2021-10': '22739.77',
      '2021-11': '22739.77',
      '2021-12': '22739.77',
      '2022-01': '22739.77',
      '2022-02': '22739.77',
      '2022-03': '22739.77',
      '2022-04': '22739.77',
      '2022-05': '22739.77',
      '2022-06': '22739.77',
      '2022-07': '22739.77',
      '2022-08': '22739.77',
      '2022-09': '22739.77',
      '2022-10': '22739.76',
    },
  }),
};

export const RECORD_DECISION_EXAMPLES = {
  cleveland: example('Decision 2021-7335, whose stated grants total is not the sum of its lines (cle21-011)', {
    commandId: 'cle21-011',
    decisionRef: '2021-7335',
    decidedOn: '2021-07-31',
    declared: { awardAmount: '200124.66', grantsTotal: '296617.00' },
  }),
};

export const CLOSE_AWARD_EXAMPLES = {
  cleveland: example('Closed with an underspend returned (illustrative)', {
    commandId: 'cle21-close',
    closedOn: '2022-11-30',
    underspendReturned: '2624.66',
  }),
};
