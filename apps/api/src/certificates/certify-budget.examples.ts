/** Request examples for the OpenAPI document: the Norfolk fixture's certificate (nor23-004). */
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
};
