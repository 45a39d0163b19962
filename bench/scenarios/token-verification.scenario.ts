import { AccessTokenService, BearerTokenVerifier } from '@fundledger/access';
import type { Scenario } from '../bench.types';
import { LatencyRecorder } from '../measure/latency.stats';

const WARM_UP = 1_000;
const RUNS = 20_000;

/**
 * Checking the bearer token of every request: a local HS256 token through the verifier the API
 * uses. Profiling found jsonwebtoken spending 11.5% (POSTs) to 25% (GETs) of the service's CPU trying
 * `createPublicKey` on the secret string per request; jose with a KeyObject made once does not.
 */
export const tokenVerificationScenario: Scenario = {
  name: 'token-verification',
  title: `bearer token verification: a local HS256 token, ${RUNS.toLocaleString('en-GB')} times`,
  async run({ memory }) {
    const local = new AccessTokenService('bench-secret-long-enough-for-hs256-0123456789');
    const verifier = new BearerTokenVerifier(local);
    const token = local.issue({ id: 'bench', role: 'finance-officer', orgs: ['opcc-bench'] });
    for (let i = 0; i < WARM_UP; i += 1) await verifier.verify(token);
    const latency = new LatencyRecorder();
    for (let i = 0; i < RUNS; i += 1) {
      const actor = await latency.time(() => verifier.verify(token));
      if (actor.id !== 'bench') throw new Error(`the token named ${actor.id}`);
      if (i % 2_000 === 0) memory.sample();
    }
    return [
      { scenario: this.name, measure: 'verify mean', value: latency.meanMs() * 1000, unit: 'µs' },
      { scenario: this.name, measure: 'verify p99', value: latency.percentileMs(99) * 1000, unit: 'µs' },
    ];
  },
};
