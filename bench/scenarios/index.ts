import type { Scenario } from '../bench.types';
import { asAtScenario } from './as-at.scenario';
import { auditAppendScenario } from './audit-append.scenario';
import { auditVerify1mScenario, auditVerifyScenario } from './audit-verify.scenario';
import { commandHandlingScenario } from './command-handling.scenario';
import { emmettScenario } from './emmett.scenario';
import { fixtureImportScenario } from './fixture-import.scenario';
import { httpScenario } from './http.scenario';
import { paymentsImportScenario } from './payments-import.scenario';
import { postgresScenario } from './postgres.scenario';
import { inFlightScenario } from './in-flight.scenario';
import { logReadScenario } from './log-read.scenario';
import { rawAppendScenario } from './raw-append.scenario';
import { streamLengthScenario } from './stream-length.scenario';
import { readModelScenario } from './read-model.scenario';
import { millionLogSetup, rebuild1mScenario } from './rebuild-1m.scenario';
import { reportGetScenario } from './report-get.scenario';
import { reconciliationScenario } from './reconciliation.scenario';
import { tokenVerificationScenario } from './token-verification.scenario';

/** In the order they run. */
export const SCENARIOS: readonly Scenario[] = [
  rawAppendScenario,
  commandHandlingScenario,
  streamLengthScenario,
  inFlightScenario,
  reconciliationScenario,
  readModelScenario,
  reportGetScenario,
  millionLogSetup,
  rebuild1mScenario,
  asAtScenario,
  fixtureImportScenario,
  paymentsImportScenario,
  tokenVerificationScenario,
  auditAppendScenario,
  auditVerifyScenario,
  auditVerify1mScenario,
  postgresScenario,
  logReadScenario,
  emmettScenario,
  httpScenario,
];
