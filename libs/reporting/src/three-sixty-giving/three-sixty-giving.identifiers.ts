import type { Organisation } from '@fundledger/funding';
import { ThreeSixtyGivingExportError } from './three-sixty-giving.errors';

/**
 * 360Giving identifiers (standard documentation, technical/identifiers.md): a grant identifier is the
 * publisher's 360Giving prefix, a hyphen and the publisher's own reference; "all registered prefixes
 * should start with 360G", and slashes are to be avoided because they break some applications.
 */
const PUBLISHER_PREFIX = /^360G-[^\s/\\]+$/;

export const DEFAULT_PUBLISHER_PREFIX = '360G-fundledger';

/** Throws INVALID_PUBLISHER_PREFIX unless `prefix` is a 360Giving publisher prefix like `360G-xyztrust`. */
export function checkPublisherPrefix(prefix: string): string {
  if (!PUBLISHER_PREFIX.test(prefix) || prefix.endsWith('-')) {
    throw new ThreeSixtyGivingExportError(
      'INVALID_PUBLISHER_PREFIX',
      `${JSON.stringify(prefix)} is not a 360Giving publisher prefix: it must start with "360G-", ` +
        'be followed by the publisher\'s code (e.g. "360G-xyztrust"), and contain no spaces or slashes',
    );
  }
  return prefix;
}

/** The award as a grant from its funder: `360G-xyz-dapi21-cleveland`. Domain ids are [A-Za-z0-9._-]. */
export const awardGrantIdentifier = (prefix: string, awardId: string): string => `${prefix}-${awardId}`;

/** A grant committed out of an award: `360G-xyz-dapi21-cleveland-g-harbour`. Grant ids are unique within their award. */
export const committedGrantIdentifier = (prefix: string, awardId: string, grantId: string): string =>
  `${prefix}-${awardId}-${grantId}`;

/**
 * org-id.guide identifiers are a list code — a country (or XI/XM) and the register, e.g. GB-CHC,
 * GB-COH, GB-GOR — then the organisation's number on that list.
 */
const ORG_ID_GUIDE = /^[A-Z]{2}-[A-Z0-9]+-\S+$/;

/**
 * The organisation as 360Giving data identifies it. The ledger records an org-id.guide identifier
 * where one is known (DESIGN §3) and a local slug otherwise; the standard requires that a locally
 * minted identifier carry the publisher's 360Giving prefix, so that "opcc-cleveland" from two
 * publishers cannot be mistaken for one organisation: `360G-xyz-org-opcc-cleveland`.
 */
export function organisationIdentifier(prefix: string, organisation: Organisation): string {
  const { id } = organisation;
  if (ORG_ID_GUIDE.test(id) || id.startsWith('360G-')) return id;
  return `${prefix}-org-${id}`;
}
