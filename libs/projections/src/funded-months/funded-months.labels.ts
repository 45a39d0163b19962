import type { ReconciliationSource } from './funded-months.types';

/**
 * A column heading per source: its organisation id, or organisation id/contribution id when another
 * source shares that organisation id (one council making two contributions), so no two columns read
 * alike. A source without a contribution id (the award) is then qualified by its kind.
 */
export const sourceColumnLabels = (sources: readonly ReconciliationSource[]): string[] =>
  sources.map((source) => {
    const shared = sources.some((other) => other !== source && other.sourceId === source.sourceId);
    return shared ? `${source.sourceId}/${source.contributionId ?? source.kind}` : source.sourceId;
  });
