import type { IsoDate, Month } from '@fundledger/calendar';
import type { MonthWindow, Organisation } from '../funding.values';

/**
 * Events of the stream `award-<awardId>` (DESIGN §3). Data is plain JSON exactly as stored: money as
 * fixed 2-dp strings ("15000.00"), months 'YYYY-MM', dates 'YYYY-MM-DD'. Every event names its award.
 */

/** A money amount as stored: a fixed-scale 2-dp string, never a JSON number. */
export type MoneyString = string;

/** JSON as recorded in certificates and returns, whose figures are shaped by reporting, not by this fold. */
export type JsonData = string | number | boolean | null | readonly JsonData[] | { readonly [key: string]: JsonData };

/**
 * Set only by upcasting (award.upcast.ts) on an event recorded before events carried a business date:
 * its date is then the UK date it was recorded, and every report that uses it says so.
 */
export type Inferred = { readonly businessDateInferred?: true };

type AwardEventOf<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Readonly<{ awardId: string } & Data>;
};

export type AwardMade = AwardEventOf<
  'AwardMade',
  {
    programmeId?: string;
    funder: Organisation;
    recipient: Organisation;
    amount: MoneyString;
    awardedOn: IsoDate;
    window: MonthWindow;
    decisionRef: string;
    description: string;
  }
>;

export type AwardVaried = AwardEventOf<
  'AwardVaried',
  { newAmount?: MoneyString; newWindowEnd?: Month; effectiveOn: IsoDate; reason: string; reference: string } & Inferred
>;

export type MatchFundingPledged = AwardEventOf<
  'MatchFundingPledged',
  {
    contributionId: string;
    contributor: Organisation;
    amount: MoneyString;
    pledgedOn: IsoDate;
    /** Absent: the contribution may be spent in any provision month, including months added by later extensions. */
    window?: MonthWindow;
    reference?: string;
  } & Inferred
>;

export type MatchFundingReceived = AwardEventOf<
  'MatchFundingReceived',
  { contributionId: string; amount: MoneyString; receivedOn: IsoDate }
>;

export type MatchFundingWithdrawn = AwardEventOf<
  'MatchFundingWithdrawn',
  { contributionId: string; amount: MoneyString; withdrawnOn: IsoDate; reason: string } & Inferred
>;

export type GrantCommitted = AwardEventOf<
  'GrantCommitted',
  { grantId: string; grantee: Organisation; amount: MoneyString; committedOn: IsoDate; purpose: string } & Inferred
>;

export type GrantCommitmentVaried = AwardEventOf<
  'GrantCommitmentVaried',
  { grantId: string; newAmount: MoneyString; effectiveOn: IsoDate; reason: string } & Inferred
>;

export type DisbursementPaid = AwardEventOf<
  'DisbursementPaid',
  { grantId: string; disbursementId: string; amount: MoneyString; paidOn: IsoDate; reference: string }
>;

export type DisbursementReversed = AwardEventOf<
  'DisbursementReversed',
  { disbursementId: string; reversedOn: IsoDate; reason: string } & Inferred
>;

export type ProvisionExtended = AwardEventOf<
  'ProvisionExtended',
  { newEnd: Month; decidedOn: IsoDate; reason: string; fundedBy: readonly string[] } & Inferred
>;

export type SpendProfileSet = AwardEventOf<
  'SpendProfileSet',
  /** Every provision month, in calendar order, with its planned cost (0.00 allowed). */
  { setOn: IsoDate; months: Readonly<Record<Month, MoneyString>> } & Inferred
>;

export type DeclaredTotals = {
  readonly awardAmount?: MoneyString;
  readonly matchTotal?: MoneyString;
  readonly grantsTotal?: MoneyString;
};

export type DecisionRecorded = AwardEventOf<
  'DecisionRecorded',
  { decisionRef: string; decidedOn: IsoDate; declared: DeclaredTotals }
>;

export type CertificateBasis = 'a' | 'b' | 'c';

/**
 * What the officer must acknowledge before certifying: the decision's declared totals differ from the
 * ledger, or the planned cost of provision is not fully funded. Each is stated on the certificate.
 */
export type CertificateAcknowledgement = 'DECISION_TOTAL_MISMATCH' | 'PLANNED_SHORTFALL';

export const CERTIFICATE_ACKNOWLEDGEMENTS: readonly CertificateAcknowledgement[] = ['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL'];

export type BudgetCertified = AwardEventOf<
  'BudgetCertified',
  {
    basis: CertificateBasis;
    regulationsComplied: boolean;
    officer: Organisation;
    certifiedOn: IsoDate;
    decisionRef: string;
    /** Absent when there was nothing to acknowledge (and on certificates issued before acknowledgements). */
    acknowledged?: readonly CertificateAcknowledgement[];
    figures: { readonly [name: string]: JsonData };
    figuresHash: string;
    /** Revision of the award stream the certified figures were read at. */
    atRevision: number;
  }
>;

export type ReturnSubmitted = AwardEventOf<
  'ReturnSubmitted',
  {
    financialYear: string;
    quarter: 1 | 2 | 3 | 4;
    figures: { readonly [name: string]: JsonData };
    figuresHash: string;
    /** 1 for the first submission of the quarter, then 2, 3…: earlier versions stay in the stream, readable. */
    version: number;
    submittedOn: IsoDate;
    reason?: string;
  }
>;

export type AwardClosed = AwardEventOf<'AwardClosed', { closedOn: IsoDate; underspendReturned: MoneyString }>;

export type AwardEvent =
  | AwardMade
  | AwardVaried
  | MatchFundingPledged
  | MatchFundingReceived
  | MatchFundingWithdrawn
  | GrantCommitted
  | GrantCommitmentVaried
  | DisbursementPaid
  | DisbursementReversed
  | ProvisionExtended
  | SpendProfileSet
  | DecisionRecorded
  | BudgetCertified
  | ReturnSubmitted
  | AwardClosed;

export type AwardEventType = AwardEvent['type'];

/** Keyed by type so that the compiler refuses a list that forgets an event. */
const awardEventTypes: Readonly<Record<AwardEventType, true>> = {
  AwardMade: true,
  AwardVaried: true,
  MatchFundingPledged: true,
  MatchFundingReceived: true,
  MatchFundingWithdrawn: true,
  GrantCommitted: true,
  GrantCommitmentVaried: true,
  DisbursementPaid: true,
  DisbursementReversed: true,
  ProvisionExtended: true,
  SpendProfileSet: true,
  DecisionRecorded: true,
  BudgetCertified: true,
  ReturnSubmitted: true,
  AwardClosed: true,
};

export const AWARD_EVENT_TYPES = Object.keys(awardEventTypes) as readonly AwardEventType[];

export const isAwardEventType = (type: string): type is AwardEventType => Object.hasOwn(awardEventTypes, type);

const AWARD_STREAM_PREFIX = 'award-';

export const awardStreamName = (awardId: string): string => `${AWARD_STREAM_PREFIX}${awardId}`;

/** 'award-<id>' -> '<id>'; undefined for any other stream. */
export const awardIdOfStream = (stream: string): string | undefined =>
  stream.startsWith(AWARD_STREAM_PREFIX) ? stream.slice(AWARD_STREAM_PREFIX.length) : undefined;
