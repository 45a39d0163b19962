import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import {
  answeredAtLine,
  answeredAtOf,
  figureLineage,
  figureLineageToCsv,
  figureLineageToTable,
  isLineageFigure,
  LINEAGE_FIGURES,
  type ReadPoint,
} from '@fundledger/projections';
import { readAwardRecord } from '@fundledger/reporting';
import type { Command } from 'commander';
import { print, withSession } from './cli.session';

export interface LineageReportOptions {
  readonly award?: string;
  readonly figure?: string;
  readonly format: string;
}

const USAGE_EXIT_CODE = 2;

/** `report lineage`: the events that make up one figure of an award's position, at the read point asked for. */
export const reportLineageAction = (command: Command, options: LineageReportOptions, point: ReadPoint): Promise<void> => {
  const { award, figure } = options;
  if (award === undefined) command.error('fundledger: report lineage needs --award <id>', { exitCode: USAGE_EXIT_CODE });
  if (figure === undefined || !isLineageFigure(figure)) {
    command.error(`fundledger: report lineage needs --figure, one of ${Object.keys(LINEAGE_FIGURES).join(', ')}`, { exitCode: USAGE_EXIT_CODE });
  }
  if (options.format === 'xlsx' || options.format === 'pdf') {
    command.error(`fundledger: --format ${options.format} is for report return only`, { exitCode: USAGE_EXIT_CODE });
  }
  return withSession(command, async ({ app }) => {
    const { record } = await readAwardRecord(app.get<EventStore>(EVENT_STORE), award, point);
    const lineage = figureLineage(record.events, figure)!;
    const last = record.events[record.events.length - 1];
    const answeredAt = answeredAtOf({ position: last.position.toString(), recordedAt: last.recordedAt }, point);
    if (options.format === 'json') print(JSON.stringify({ answeredAt, ...lineage }, null, 2));
    else if (options.format === 'csv') process.stdout.write(figureLineageToCsv(lineage));
    else {
      print(answeredAtLine(answeredAt));
      print();
      print(figureLineageToTable(lineage).trimEnd());
    }
  });
};
