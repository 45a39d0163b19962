import type { Month } from '@fundledger/calendar';
import { initialAwardState, type AwardCommand, type AwardDecisionFigures } from '@fundledger/funding';
import type { FiguresContext } from '@fundledger/funding/application';
import { certificationFigures } from '../certificate/certification-figures';
import { homeOfficeReturn, type HomeOfficeReturn } from '../home-office-return/home-office-return.report';
import { homeOfficeReturnToJson } from '../home-office-return/home-office-return.versions';
import { foldAwardRecord, type AwardRecord } from './award-record';
import { pinFigures } from './pinned-figures';

/**
 * What CertifyBudget and SubmitReturn need decided beside the award's state: the figures, computed by
 * the reporting from the same fold the decision sees, so what is pinned is what was certified or
 * submitted. The command handler and the fixture recorder both call this; other commands need nothing.
 * `record` is undefined for an award never made: the decision then refuses with AWARD_NOT_FOUND.
 */
export const figuresContextFor = (
  command: AwardCommand,
  record: AwardRecord | undefined,
): AwardDecisionFigures => {
  if (record === undefined) return {};
  switch (command.type) {
    case 'CertifyBudget': {
      const figures = certificationFigures(record.view);
      const shortfall = { planned: String(figures.plannedShortfall), firstMonth: figures.firstShortfallMonth as string | null };
      return { certification: { ...pinFigures(figures), atRevision: Number(record.view.revision), shortfall } };
    }
    case 'SubmitReturn': {
      const { financialYear, quarter } = command;
      const varianceReasons = { ...previousVarianceReasons(record, financialYear, quarter), ...command.varianceReasons };
      const report = homeOfficeReturn(record.view, financialYear, quarter, record.matchReceipts, { varianceReasons });
      return { returnFigures: pinFigures(homeOfficeReturnToJson(report)) };
    }
    default:
      return {};
  }
};

/**
 * The reasons the latest submission of the quarter gave for its months' variances: a new version keeps
 * them unless the officer gives a new reason for the month, so a correction never silently drops one.
 */
const previousVarianceReasons = (record: AwardRecord, financialYear: string, quarter: number): Record<Month, string> => {
  const latest = record.returns.filter((r) => r.data.financialYear === financialYear && r.data.quarter === quarter).at(-1);
  if (latest === undefined) return {};
  const { variance } = latest.data.figures as unknown as HomeOfficeReturn;
  return Object.fromEntries(variance.months.flatMap((m) => (m.varianceReason === null ? [] : [[m.month, m.varianceReason]])));
};

export { needsFiguresContext } from '@fundledger/funding';

/** The reporting's side of the write side's FiguresContext port: the apps bind it. */
export const reportingFigures: FiguresContext = {
  decisionOn: (command, events) => {
    const record = foldAwardRecord(events);
    return { award: record?.view.award ?? initialAwardState, figures: figuresContextFor(command, record) };
  },
};
