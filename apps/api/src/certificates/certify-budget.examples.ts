/** Request examples for the OpenAPI document: the Norfolk fixture's certificate (nor23-004), and Cleveland's. */
export const CERTIFY_BUDGET_EXAMPLES = {
  norfolk: {
    summary: "Norfolk's Section 151 officer certifies decision 21/2023 on basis (b) (nor23-004)",
    value: {
      commandId: 'nor23-004',
      basis: 'b',
      regulationsComplied: true,
      officer: { id: 'opccn-cfo', name: 'Chief Finance Officer (Section 151 Officer)' },
      certifiedOn: '2023-07-31',
      decisionRef: '21/2023',
    },
  },
  cleveland: {
    summary: "Cleveland's decision 2021-7335: its £1,000.00 grants mismatch and £15,581.84 planned shortfall acknowledged",
    value: {
      commandId: 'cle21-cert-1',
      basis: 'b',
      regulationsComplied: true,
      officer: { id: 'opcc-cleveland-cfo', name: 'Chief Finance Officer, OPCC Cleveland' },
      certifiedOn: '2021-08-02',
      decisionRef: '2021-7335',
      acknowledged: ['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL'],
    },
  },
};
