import { emptyLedgerView } from '@fundledger/projections';
import { THREE_SIXTY_GIVING_COLUMNS, threeSixtyGivingCsv } from './three-sixty-giving.csv';
import { clevelandSource, eventsOf, parseCsv, sourceOf, TEST_PREFIX } from './three-sixty-giving.test-builders';

/**
 * The grants sheet of the standard's spreadsheet template, as published in ThreeSixtyGiving/standard
 * (schema/summary-table/360-giving-schema-titles.csv/grants.csv, commit 5813ab12).
 */
const TEMPLATE_GRANTS_SHEET =
  'Identifier,Title,Description,Currency,Amount Applied For,Amount Awarded,Amount Disbursed,Award Date,URL,' +
  'Planned Dates:Start Date,Planned Dates:End Date,Planned Dates:Duration (months),Recipient Org:Identifier,' +
  'Recipient Org:Name,Recipient Org:Charity Number,Recipient Org:Company Number,Recipient Org:Street Address,' +
  'Recipient Org:City,Recipient Org:County,Recipient Org:Country,Recipient Org:Postal Code,' +
  'Recipient Org:Description,Recipient Org:Web Address,Beneficiary Location:Name,Beneficiary Location:Country Code,' +
  'Beneficiary Location:Latitude,Beneficiary Location:Longitude,Beneficiary Location:Geographic Code,' +
  'Beneficiary Location:Geographic Code Type,Funding Org:Identifier,Funding Org:Name,Funding Org:Department,' +
  'Grant Programme:Code,Grant Programme:Title,Grant Programme:URL,From an open call?,Related Activity,' +
  'Last modified,Data Source';

const rowsOf = (csv: string): Array<Record<string, string>> => {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((cells) => Object.fromEntries(header.map((title, i) => [title, cells[i]])));
};

describe('the 360Giving flat CSV', () => {
  const csv = threeSixtyGivingCsv(clevelandSource(), { prefix: TEST_PREFIX });
  const rows = rowsOf(csv);
  const row = (id: string): Record<string, string> => rows.find((r) => r.Identifier === id) ?? {};

  it('heads its columns with the standard\'s titles, in the template\'s order', () => {
    const header = parseCsv(csv)[0];
    expect(header).toEqual([...THREE_SIXTY_GIVING_COLUMNS]);
    const template = TEMPLATE_GRANTS_SHEET.split(',');
    const positions = header.map((title) => template.indexOf(title));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('writes the Cleveland award and its grants out to the penny, as plain 2-dp strings', () => {
    expect(
      ['', '-g-harbour', '-g-msp', '-g-barefoot'].map((suffix) => row(`360G-test-dapi21-cleveland${suffix}`)['Amount Awarded']),
    ).toEqual(['200124.66', '187229.00', '101388.00', '7000.00']);
  });

  it('fills the award row from funder to recipient, with its window and programme', () => {
    expect(row('360G-test-dapi21-cleveland')).toEqual({
      Identifier: '360G-test-dapi21-cleveland',
      Title: 'Home Office award to Police and Crime Commissioner for Cleveland',
      Description: 'Domestic abuse perpetrator interventions (1 bid)',
      Currency: 'GBP',
      'Amount Awarded': '200124.66',
      'Amount Disbursed': '',
      'Award Date': '2021-07-01',
      'Planned Dates:Start Date': '2021-10-01',
      'Planned Dates:End Date': '2022-05-31',
      'Planned Dates:Duration (months)': '8',
      'Recipient Org:Identifier': '360G-test-org-opcc-cleveland',
      'Recipient Org:Name': 'Police and Crime Commissioner for Cleveland',
      'Funding Org:Identifier': '360G-test-org-home-office',
      'Funding Org:Name': 'Home Office',
      'Grant Programme:Code': 'dapi-2021',
      'Grant Programme:Title': 'Domestic Abuse Perpetrator Interventions Fund 2021/22',
      'Related Activity': '',
    });
  });

  it('quotes text holding commas so each row keeps its columns', () => {
    const norfolk = rowsOf(threeSixtyGivingCsv(sourceOf(eventsOf(['norfolk-2023'])), { prefix: TEST_PREFIX }));
    expect(norfolk.map((r) => r.Description)).toEqual([
      'The Change Project, Change Hub: 1-2-1 domestic abuse perpetrator interventions in Norfolk; follows grant decision 39/2022',
      'Domestic Abuse Perpetrator Intervention Service, 12 months to 31 March 2024',
    ]);
    expect(norfolk.map((r) => r['Amount Awarded'])).toEqual(['169675.00', '169675.00']);
  });

  it('is the header alone for an empty ledger', () => {
    const empty = threeSixtyGivingCsv({ ledger: emptyLedgerView }, {
      prefix: TEST_PREFIX,
    });
    expect(parseCsv(empty)).toEqual([[...THREE_SIXTY_GIVING_COLUMNS]]);
  });
});
