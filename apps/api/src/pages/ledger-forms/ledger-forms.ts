import type { FormField, LedgerForm } from './ledger-form';

/**
 * The finance officer's forms, one per ledger command (DESIGN §3), with the fields of the API's DTOs
 * (apps/api/src/awards/dto) and the refusals of DESIGN §4 each belongs to. The business date of each
 * is its own field: when it happened, which the ledger checks against today and what it depends on.
 */

const ID_HINT = 'Letters, digits, "-", "_" or "."; unique within this award';
const ORG_ID_HINT = 'The 360Giving organisation identifier where one is known (for example GB-CHC-1234567), else a short name such as harbour';

const grant: FormField = { name: 'grantId', path: 'grantId', kind: 'grant', label: 'Grant' };
const contribution: FormField = { name: 'contributionId', path: 'contributionId', kind: 'contribution', label: 'Contribution' };
const amount = (label: string, hint?: string): FormField => ({ name: 'amount', path: 'amount', kind: 'money', label, ...(hint === undefined ? {} : { hint }) });
const businessDate = (name: string, label: string, hint: string): FormField => ({ name, path: name, kind: 'date', label, hint });
const reason = (hint: string): FormField => ({ name: 'reason', path: 'reason', kind: 'prose', label: 'Reason', hint });

export const PAY_DISBURSEMENT: LedgerForm = {
  slug: 'payment',
  title: 'Record a payment',
  button: 'Record payment',
  command: 'PayDisbursement',
  idPrefix: 'pay',
  fields: [
    grant,
    amount('Amount'),
    businessDate('paidOn', 'Paid on', 'The date the payment left the account'),
    { name: 'reference', path: 'reference', kind: 'text', label: 'Reference', hint: "The finance system's reference, e.g. an invoice number" },
  ],
  pathIds: ['grantId'],
  idFields: ['disbursementId'],
  fieldOfCode: {
    PAYMENT_EXCEEDS_COMMITMENT: 'amount',
    UNKNOWN_GRANT: 'grantId',
    PAYMENT_BEFORE_COMMITMENT: 'paidOn',
    BUSINESS_DATE_IN_FUTURE: 'paidOn',
  },
  shownAt: 'funded-months',
};

export const COMMIT_GRANT: LedgerForm = {
  slug: 'grant',
  title: 'Commit a grant',
  button: 'Commit grant',
  command: 'CommitGrant',
  idPrefix: 'grant',
  fields: [
    { name: 'grantId', path: 'grantId', kind: 'text', label: 'Grant id', hint: `${ID_HINT}, for example g-harbour`, width: 'medium' },
    { name: 'granteeName', path: 'grantee.name', kind: 'text', label: 'Grantee', hint: 'The delivery organisation, as the decision names it' },
    { name: 'granteeId', path: 'grantee.id', kind: 'text', label: "Grantee's organisation id", hint: ORG_ID_HINT, width: 'medium' },
    amount('Amount committed', 'Commitments may not exceed the available funding: the award plus match funding pledged and not withdrawn'),
    businessDate('committedOn', 'Committed on', 'The date of the decision that commits it'),
    { name: 'purpose', path: 'purpose', kind: 'prose', label: 'Purpose', hint: 'What the grant pays for' },
  ],
  pathIds: [],
  fieldOfCode: {
    COMMITMENT_EXCEEDS_AVAILABLE_FUNDING: 'amount',
    DUPLICATE_GRANT_ID: 'grantId',
    COMMITMENT_BEFORE_AWARD: 'committedOn',
    BUSINESS_DATE_IN_FUTURE: 'committedOn',
  },
  shownAt: 'grants',
};

export const VARY_GRANT_COMMITMENT: LedgerForm = {
  slug: 'grant-variation',
  title: 'Vary a grant commitment',
  button: 'Vary commitment',
  command: 'VaryGrantCommitment',
  idPrefix: 'vary',
  fields: [
    grant,
    { name: 'newAmount', path: 'newAmount', kind: 'money', label: 'New commitment', hint: 'The whole commitment from now on, not the change; 0.00 cancels it. Never below what is already paid' },
    businessDate('effectiveOn', 'Takes effect on', 'Not before the grant was committed'),
    reason('Why the commitment changes'),
  ],
  pathIds: ['grantId'],
  fieldOfCode: {
    COMMITMENT_EXCEEDS_AVAILABLE_FUNDING: 'newAmount',
    COMMITMENT_BELOW_PAID: 'newAmount',
    NOTHING_TO_VARY: 'newAmount',
    UNKNOWN_GRANT: 'grantId',
    VARIATION_BEFORE_COMMITMENT: 'effectiveOn',
    BUSINESS_DATE_IN_FUTURE: 'effectiveOn',
  },
  shownAt: 'grants',
};

export const PLEDGE_MATCH_FUNDING: LedgerForm = {
  slug: 'pledge',
  title: 'Pledge match funding',
  button: 'Record pledge',
  command: 'PledgeMatchFunding',
  idPrefix: 'pledge',
  fields: [
    { name: 'contributionId', path: 'contributionId', kind: 'text', label: 'Contribution id', hint: `${ID_HINT}, for example m-hartlepool`, width: 'medium' },
    { name: 'contributorName', path: 'contributor.name', kind: 'text', label: 'Contributor', hint: 'The partner who pledges, as the decision names it' },
    { name: 'contributorId', path: 'contributor.id', kind: 'text', label: "Contributor's organisation id", hint: ORG_ID_HINT, width: 'medium' },
    amount('Amount pledged'),
    businessDate('pledgedOn', 'Pledged on', 'The date the partner committed the money'),
    { name: 'windowStart', path: 'window.start', kind: 'month', label: 'First month it may pay for (optional)', hint: 'For example 2022-06. Leave both months blank to follow the provision period, extensions included', optional: true },
    { name: 'windowEnd', path: 'window.end', kind: 'month', label: 'Last month it may pay for (optional)', hint: 'For example 2022-10', optional: true },
    { name: 'reference', path: 'reference', kind: 'text', label: 'Reference (optional)', hint: 'The document of the pledge, for example Decision 2021-7335', optional: true },
  ],
  pathIds: [],
  fieldOfCode: {
    DUPLICATE_CONTRIBUTION_ID: 'contributionId',
    WINDOW_END_BEFORE_START: 'windowEnd',
    CONTRIBUTION_WINDOW_STARTS_BEFORE_PROVISION: 'windowStart',
    BUSINESS_DATE_IN_FUTURE: 'pledgedOn',
  },
  shownAt: 'match-funding',
};

export const RECEIVE_MATCH_FUNDING: LedgerForm = {
  slug: 'receipt',
  title: 'Receive match funding',
  button: 'Record receipt',
  command: 'ReceiveMatchFunding',
  idPrefix: 'receipt',
  fields: [contribution, amount('Amount received', 'At most what is pledged, not withdrawn and not yet received'), businessDate('receivedOn', 'Received on', 'The date the money reached the account')],
  pathIds: ['contributionId'],
  fieldOfCode: {
    RECEIPT_EXCEEDS_OUTSTANDING_PLEDGE: 'amount',
    UNKNOWN_CONTRIBUTION: 'contributionId',
    RECEIPT_BEFORE_PLEDGE: 'receivedOn',
    BUSINESS_DATE_IN_FUTURE: 'receivedOn',
  },
  shownAt: 'match-funding',
};

export const WITHDRAW_MATCH_FUNDING: LedgerForm = {
  slug: 'withdrawal',
  title: 'Withdraw a pledge',
  button: 'Record withdrawal',
  command: 'WithdrawMatchFunding',
  idPrefix: 'withdraw',
  fields: [
    contribution,
    amount('Amount withdrawn', 'At most what is pledged and not yet received'),
    businessDate('withdrawnOn', 'Withdrawn on', 'The date the partner withdrew it'),
    reason('Why the partner withdraws it'),
  ],
  pathIds: ['contributionId'],
  fieldOfCode: {
    WITHDRAWAL_EXCEEDS_UNRECEIVED_PLEDGE: 'amount',
    WITHDRAWAL_LEAVES_COMMITMENTS_UNFUNDED: 'amount',
    UNKNOWN_CONTRIBUTION: 'contributionId',
    WITHDRAWAL_BEFORE_PLEDGE: 'withdrawnOn',
    BUSINESS_DATE_IN_FUTURE: 'withdrawnOn',
  },
  shownAt: 'match-funding',
};

export const EXTEND_PROVISION: LedgerForm = {
  slug: 'extension',
  title: 'Extend provision',
  button: 'Extend provision',
  command: 'ExtendProvision',
  idPrefix: 'extend',
  fields: [
    { name: 'newEnd', path: 'newEnd', kind: 'month', label: 'New last month of provision', hint: 'For example 2022-10; later than the current end' },
    businessDate('decidedOn', 'Decided on', 'The date of the decision to extend'),
    reason('For example: match funding enables five more months of provision'),
    { name: 'fundedBy', path: 'fundedBy', kind: 'contributions', label: 'Funded by', hint: 'The contributions whose match funding pays for the added months' },
  ],
  pathIds: [],
  fieldOfCode: {
    EXTENSION_MUST_MOVE_END_LATER: 'newEnd',
    UNKNOWN_CONTRIBUTION: 'fundedBy',
    EXTENSION_BEFORE_AWARD: 'decidedOn',
    BUSINESS_DATE_IN_FUTURE: 'decidedOn',
  },
  shownAt: 'funded-months',
};

/** Every form, in the order the award page offers them. */
export const LEDGER_FORMS: readonly LedgerForm[] = [
  PAY_DISBURSEMENT,
  COMMIT_GRANT,
  VARY_GRANT_COMMITMENT,
  PLEDGE_MATCH_FUNDING,
  RECEIVE_MATCH_FUNDING,
  WITHDRAW_MATCH_FUNDING,
  EXTEND_PROVISION,
];

export const ledgerFormOf = (slug: string): LedgerForm | undefined => LEDGER_FORMS.find((form) => form.slug === slug);
