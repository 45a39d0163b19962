import type { IsoDate } from '@fundledger/calendar';
import type { Money } from '@fundledger/money';
import type { LedgerView } from '@fundledger/projections';

/** What the export reads: the ledger as folded. Every grant is dated by its business date. */
export interface ThreeSixtyGivingSource {
  readonly ledger: LedgerView;
}

export interface ThreeSixtyGivingPublisher {
  readonly name: string;
  /** An org-id.guide identifier for the publisher, e.g. GB-GOR-PC390. */
  readonly identifier?: string;
  readonly website?: string;
}

export interface ThreeSixtyGivingOptions {
  /** The publisher's 360Giving prefix, e.g. `360G-xyztrust`; checked by checkPublisherPrefix. */
  readonly prefix: string;
  /** Package metadata: who publishes the file and under which licence (a URI). Both optional in the standard. */
  readonly publisher?: ThreeSixtyGivingPublisher;
  readonly license?: string;
}

export interface OrganisationRecord {
  readonly id: string;
  readonly name: string;
}

/**
 * One grant as the 360Giving standard describes it, amounts still Money: the JSON package turns them
 * into numbers and the CSV into plain 2-dp strings, each at its own boundary.
 */
export interface ThreeSixtyGivingGrantRecord {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly currency: 'GBP';
  readonly amountAwarded: Money;
  /** Paid so far, net of reversals; only for grants out, the one kind of grant whose payments the ledger records. */
  readonly amountDisbursed?: Money;
  readonly awardDate: IsoDate;
  readonly plannedDates: { readonly startDate: IsoDate; readonly endDate: IsoDate; readonly durationMonths: number };
  readonly recipientOrganization: OrganisationRecord;
  readonly fundingOrganization: OrganisationRecord;
  readonly grantProgramme?: { readonly code: string; readonly title?: string };
  /** A grant out points at the award that funds it. */
  readonly relatedActivity?: string;
}

/** The JSON serialisation: field names and shapes of the 360Giving grant schema. */
export interface ThreeSixtyGivingGrantJson {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly currency: 'GBP';
  readonly amountAwarded: number;
  readonly amountDisbursed?: number;
  readonly awardDate: IsoDate;
  readonly plannedDates: ReadonlyArray<{ readonly startDate: IsoDate; readonly endDate: IsoDate; readonly duration: string }>;
  readonly recipientOrganization: readonly OrganisationRecord[];
  readonly fundingOrganization: readonly OrganisationRecord[];
  readonly grantProgramme?: ReadonlyArray<{ readonly code: string; readonly title?: string }>;
  readonly relatedActivity?: readonly string[];
}

/** A 360Giving data package (360-giving-package-schema.json). */
export interface ThreeSixtyGivingPackage {
  readonly grants: readonly ThreeSixtyGivingGrantJson[];
  /** The latest recordedAt of the events behind the grants: when the data, not the file, last changed. */
  readonly modified?: string;
  readonly publisher?: ThreeSixtyGivingPublisher;
  readonly license?: string;
}
