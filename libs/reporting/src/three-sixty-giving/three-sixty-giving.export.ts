import { lastDayOfMonth, monthsInRange } from '@fundledger/calendar';
import { provisionPeriod, type Award, type GrantState, type MonthWindow } from '@fundledger/funding';
import type { Money } from '@fundledger/money';
import type { AwardView, LedgerView } from '@fundledger/projections';
import { ThreeSixtyGivingExportError } from './three-sixty-giving.errors';
import {
  awardGrantIdentifier,
  checkPublisherPrefix,
  committedGrantIdentifier,
  organisationIdentifier,
} from './three-sixty-giving.identifiers';
import type {
  ThreeSixtyGivingGrantJson,
  ThreeSixtyGivingGrantRecord,
  ThreeSixtyGivingOptions,
  ThreeSixtyGivingPackage,
  ThreeSixtyGivingSource,
} from './three-sixty-giving.types';

/**
 * The grants the ledger records, as 360Giving open data: every award (funder -> recipient) and every
 * grant committed out of one (recipient -> grantee). Match funding is not a grant in the standard's
 * sense (a contribution to a pot, not an award to an organisation for an activity), so it is not
 * exported. Awards in id order, each followed by its grants out in the order they were committed.
 */
export function threeSixtyGivingGrants(
  source: ThreeSixtyGivingSource,
  options: ThreeSixtyGivingOptions,
): ThreeSixtyGivingGrantRecord[] {
  const prefix = checkPublisherPrefix(options.prefix);
  const views = [...source.ledger.awards.values()].sort((a, b) => compareIds(a.award.awardId, b.award.awardId));
  return views.flatMap((view) => [
    awardGrant(view.award, source.ledger, prefix),
    ...[...view.award.grants.values()].map((grant) => grantOut(view.award, grant, prefix)),
  ]);
}

/** The JSON package. Throws NO_GRANTS_TO_EXPORT on an empty ledger: the package schema requires at least one grant. */
export function threeSixtyGivingPackage(
  source: ThreeSixtyGivingSource,
  options: ThreeSixtyGivingOptions,
): ThreeSixtyGivingPackage {
  const grants = threeSixtyGivingGrants(source, options).map(grantToJson);
  if (grants.length === 0) {
    throw new ThreeSixtyGivingExportError(
      'NO_GRANTS_TO_EXPORT',
      'the ledger records no awards yet; a 360Giving package must hold at least one grant',
    );
  }
  const modified = lastRecordedAt([...source.ledger.awards.values()]);
  return {
    grants,
    ...(modified === undefined ? {} : { modified }),
    ...(options.publisher === undefined ? {} : { publisher: options.publisher }),
    ...(options.license === undefined ? {} : { license: checkLicense(options.license) }),
  };
}

const awardGrant = (award: Award, ledger: LedgerView, prefix: string): ThreeSixtyGivingGrantRecord => {
  const programme = award.programmeId === undefined ? undefined : ledger.programmes.get(award.programmeId)?.programme;
  return {
    id: awardGrantIdentifier(prefix, award.awardId),
    title: `${award.funder.name} award to ${award.recipient.name}`,
    description: award.description,
    currency: 'GBP',
    amountAwarded: award.amount,
    awardDate: award.awardedOn,
    // The funder's eligibility window: the months its money may be spent in. Match funding may extend
    // provision beyond it, but that extension is not part of the funder's grant.
    plannedDates: plannedDatesOf(award.window),
    recipientOrganization: organisation(prefix, award.recipient),
    fundingOrganization: organisation(prefix, award.funder),
    ...(award.programmeId === undefined
      ? {}
      : { grantProgramme: { code: award.programmeId, ...(programme === undefined ? {} : { title: programme.name }) } }),
  };
};

const grantOut = (
  award: Award,
  grant: GrantState,
  prefix: string,
): ThreeSixtyGivingGrantRecord => {
  return {
    id: committedGrantIdentifier(prefix, award.awardId, grant.grantId),
    title: `${award.recipient.name} grant to ${grant.grantee.name}`,
    description: grant.purpose,
    currency: 'GBP',
    amountAwarded: grant.committed,
    amountDisbursed: grant.paid,
    // The business date of the commitment (for events recorded before dates existed, the UK date recorded).
    awardDate: grant.committedOn,
    // A grant out pays for provision, which runs to the latest extension, not only the funder's window.
    plannedDates: plannedDatesOf(provisionPeriod(award)),
    recipientOrganization: organisation(prefix, grant.grantee),
    fundingOrganization: organisation(prefix, award.recipient),
    relatedActivity: awardGrantIdentifier(prefix, award.awardId),
  };
};

/** Months are whole calendar months: from the first day of the first to the last day of the last. */
const plannedDatesOf = (window: MonthWindow): ThreeSixtyGivingGrantRecord['plannedDates'] => ({
  startDate: `${window.start}-01`,
  endDate: lastDayOfMonth(window.end),
  durationMonths: monthsInRange(window.start, window.end).length,
});

const organisation = (prefix: string, org: { id: string; name: string }) => ({
  id: organisationIdentifier(prefix, org),
  name: org.name,
});

/**
 * The standard's amounts are JSON numbers. Money becomes a number here and nowhere else: a pound
 * amount with 2 decimal places is held to the penny by a double up to 2^53/100 (about £90 trillion,
 * far above the ledger's 999,999,999,999.99 ceiling), and Number() of the 2-dp string picks the
 * double nearest to it, which prints back as the same 2-dp figure.
 */
const amountNumber = (money: Money): number => Number(money.toString());

export const grantToJson = (grant: ThreeSixtyGivingGrantRecord): ThreeSixtyGivingGrantJson => ({
  id: grant.id,
  title: grant.title,
  description: grant.description,
  currency: grant.currency,
  amountAwarded: amountNumber(grant.amountAwarded),
  ...(grant.amountDisbursed === undefined ? {} : { amountDisbursed: amountNumber(grant.amountDisbursed) }),
  awardDate: grant.awardDate,
  plannedDates: [
    {
      startDate: grant.plannedDates.startDate,
      endDate: grant.plannedDates.endDate,
      // The schema types Duration (months) as a string.
      duration: String(grant.plannedDates.durationMonths),
    },
  ],
  recipientOrganization: [grant.recipientOrganization],
  fundingOrganization: [grant.fundingOrganization],
  ...(grant.grantProgramme === undefined ? {} : { grantProgramme: [grant.grantProgramme] }),
  ...(grant.relatedActivity === undefined ? {} : { relatedActivity: [grant.relatedActivity] }),
});

const lastRecordedAt = (views: readonly AwardView[]): string | undefined =>
  views.reduce<string | undefined>(
    (latest, view) =>
      latest === undefined || Date.parse(view.lastRecordedAt) > Date.parse(latest) ? view.lastRecordedAt : latest,
    undefined,
  );

const checkLicense = (license: string): string => {
  if (!URL.canParse(license)) {
    throw new ThreeSixtyGivingExportError(
      'INVALID_LICENSE_URI',
      `${JSON.stringify(license)} is not a URI; the package's license must link to the licence, e.g. the Open Government Licence's canonical URL`,
    );
  }
  return license;
};

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
