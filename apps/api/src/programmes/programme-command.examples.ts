/** Request examples for the OpenAPI document, from fixtures/national-2021.json. */
export const OPEN_PROGRAMME_EXAMPLES = {
  'national-2021': {
    summary: 'The Domestic Abuse Perpetrator Interventions Fund 2021/22 (fixtures/national-2021.json)',
    value: {
      commandId: 'nat21-001',
      programmeId: 'dapi-2021',
      name: 'Domestic Abuse Perpetrator Interventions Fund 2021/22',
      funder: { id: 'home-office', name: 'Home Office' },
      envelope: '11300000.00',
      financialYear: '2021-22',
      openedOn: '2021-07-01',
    },
  },
};
