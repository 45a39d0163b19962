import type { JsonObject } from '@fundledger/event-store';
import type { AwardRecord } from '../award-record/award-record';
import type { CheckpointStamp } from '../checkpoint/checkpoint-stamp';
import { renderDocumentPdf } from '../document/printed-document.pdf';
import { homeOfficeReturnToCsv } from './home-office-return.csv';
import { FORECAST_LAPSE_EXPLANATION, returnDocument, returnIdentity } from './home-office-return.document';
import type { ReturnReading } from './home-office-return.versions';
import { homeOfficeReturnToXlsx } from './home-office-return.xlsx';

export const RETURN_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReturnFormat = (typeof RETURN_FORMATS)[number];

/** The wire form: the reading's status, version and hash, its identity lines, the lapse note, and the return. */
export const returnToJson = (reading: ReturnReading, record: AwardRecord, checkpoint?: CheckpointStamp | null): JsonObject => {
  const { report, ...about } = reading;
  return JSON.parse(
    JSON.stringify({
      ...about,
      ...(checkpoint === undefined ? {} : { checkpoint }),
      identity: returnIdentity(reading, record, checkpoint).lines,
      notes: { forecastLapse: FORECAST_LAPSE_EXPLANATION },
      return: report,
    }),
  ) as JsonObject;
};

/** One quarter's return in the format asked for, the same identity in each; the API and the CLI both print through here. */
export const renderReturn = async (
  reading: ReturnReading,
  record: AwardRecord,
  format: ReturnFormat,
  checkpoint?: CheckpointStamp | null,
): Promise<string | Buffer> => {
  switch (format) {
    case 'xlsx':
      return homeOfficeReturnToXlsx(reading.report, returnIdentity(reading, record, checkpoint));
    case 'csv':
      return homeOfficeReturnToCsv(reading.report, returnIdentity(reading, record, checkpoint));
    case 'pdf':
      return renderDocumentPdf(returnDocument(reading, record, checkpoint), { layout: 'landscape' });
    case 'json':
      return `${JSON.stringify(returnToJson(reading, record, checkpoint), null, 2)}\n`;
    default: {
      const unhandled: never = format;
      throw new Error(`unknown return format ${String(unhandled)}`);
    }
  }
};
