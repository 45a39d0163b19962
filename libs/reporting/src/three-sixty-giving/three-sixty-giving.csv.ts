import { toCsv } from '@fundledger/projections';
import { threeSixtyGivingGrants } from './three-sixty-giving.export';
import type { ThreeSixtyGivingGrantRecord, ThreeSixtyGivingOptions, ThreeSixtyGivingSource } from './three-sixty-giving.types';

/**
 * The standard's column titles for the fields this ledger knows, in the order of the 360Giving
 * spreadsheet template's grants sheet (schema/summary-table/360-giving-schema-titles.csv/grants.csv
 * in ThreeSixtyGiving/standard). The standard lets a publisher drop the columns it does not use but
 * not rename them, since tools map titles back to the JSON fields.
 */
export const THREE_SIXTY_GIVING_COLUMNS = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Amount Disbursed',
  'Award Date',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Planned Dates:Duration (months)',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Grant Programme:Code',
  'Grant Programme:Title',
  'Related Activity',
] as const;

type Column = (typeof THREE_SIXTY_GIVING_COLUMNS)[number];

/** Amounts as plain 2-dp strings ("200124.66"): a spreadsheet reads them as numbers, and no float ever held them. */
const cellsOf = (grant: ThreeSixtyGivingGrantRecord): Record<Column, string> => ({
  Identifier: grant.id,
  Title: grant.title,
  Description: grant.description,
  Currency: grant.currency,
  'Amount Awarded': grant.amountAwarded.toString(),
  'Amount Disbursed': grant.amountDisbursed?.toString() ?? '',
  'Award Date': grant.awardDate,
  'Planned Dates:Start Date': grant.plannedDates.startDate,
  'Planned Dates:End Date': grant.plannedDates.endDate,
  'Planned Dates:Duration (months)': String(grant.plannedDates.durationMonths),
  'Recipient Org:Identifier': grant.recipientOrganization.id,
  'Recipient Org:Name': grant.recipientOrganization.name,
  'Funding Org:Identifier': grant.fundingOrganization.id,
  'Funding Org:Name': grant.fundingOrganization.name,
  'Grant Programme:Code': grant.grantProgramme?.code ?? '',
  'Grant Programme:Title': grant.grantProgramme?.title ?? '',
  'Related Activity': grant.relatedActivity ?? '',
});

/** One row per grant; an empty ledger gives the header alone, which is still a valid (empty) grants sheet. */
export function threeSixtyGivingCsv(source: ThreeSixtyGivingSource, options: ThreeSixtyGivingOptions): string {
  const rows = threeSixtyGivingGrants(source, options).map((grant) => {
    const cells = cellsOf(grant);
    return THREE_SIXTY_GIVING_COLUMNS.map((column) => cells[column]);
  });
  return toCsv([[...THREE_SIXTY_GIVING_COLUMNS], ...rows]);
}
