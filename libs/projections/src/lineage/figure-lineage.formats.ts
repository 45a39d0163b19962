import { Money } from '@fundledger/money';
import { toCsv } from '../csv/csv';
import { renderColumns } from '../report-table';
import type { FigureLineage } from './figure-lineage';

const gbp = (amount: string): string => Money.fromString(amount).format();

export const figureLineageToCsv = (lineage: FigureLineage): string =>
  toCsv([
    ['position', 'revision', 'eventId', 'type', 'businessDate', 'businessDateInferred', 'recordedAt', 'actor', 'change', 'total'],
    ...lineage.terms.map((t) => [
      t.position,
      t.revision,
      t.eventId,
      t.type,
      t.businessDate,
      String(t.businessDateInferred),
      t.recordedAt,
      t.actor === null ? '' : `${t.actor.id} (${t.actor.role})`,
      t.change,
      t.total,
    ]),
  ]);

export const figureLineageToTable = (lineage: FigureLineage): string =>
  [
    `Award ${lineage.awardId}: ${lineage.label} ${gbp(lineage.value)}`,
    '',
    ...renderColumns(
      ['Position', 'Event', 'Business date', 'Recorded at', 'Actor', 'Change', 'Total'],
      lineage.terms.map((t) => [
        t.position,
        t.type,
        `${t.businessDate}${t.businessDateInferred ? ' (inferred)' : ''}`,
        t.recordedAt,
        t.actor === null ? '' : `${t.actor.id} (${t.actor.role})`,
        gbp(t.change),
        gbp(t.total),
      ]),
      ['right', 'left', 'left', 'left', 'left', 'right', 'right'],
    ),
    '',
    lineage.explanation,
    '',
  ].join('\n');
