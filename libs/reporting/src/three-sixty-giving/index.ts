export * from './three-sixty-giving.types';
export * from './three-sixty-giving.errors';
export {
  DEFAULT_PUBLISHER_PREFIX,
  checkPublisherPrefix,
  awardGrantIdentifier,
  committedGrantIdentifier,
  organisationIdentifier,
} from './three-sixty-giving.identifiers';
export { threeSixtyGivingGrants, threeSixtyGivingPackage, grantToJson } from './three-sixty-giving.export';
export { threeSixtyGivingCsv, THREE_SIXTY_GIVING_COLUMNS } from './three-sixty-giving.csv';
