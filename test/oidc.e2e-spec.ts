import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenService } from '@fundledger/access';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { type OidcProvider, type ProviderKey, providerKey, startOidcProvider } from '../libs/access/src/oidc-provider.test-builders';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';

/**
 * Signing in with the organisation's own OpenID Connect provider: a provider served by the test on
 * 127.0.0.1, whose keys the test generated. It rotated key A out before the service started.
 */
const SECRET = 'oidc-e2e-local-signing-secret-0123456789ab';
const AUDIENCE = 'api://fundledger-e2e';

describe('sign-in with an OpenID Connect provider', () => {
  let directory: string;
  let provider: OidcProvider;
  let rotatedOut: ProviderKey;
  let current: ProviderKey;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  const officer = { sub: 'h.officer@homeoffice.gov.uk', role: 'finance-officer', org: 'home-office', aud: AUDIENCE };
  const openProgramme = (token: string, commandId: string) =>
    http()
      .post('/programmes')
      .set('Authorization', `Bearer ${token}`)
      .send({
        commandId,
        programmeId: `oidc-${commandId}`,
        name: 'Signed in with OIDC',
        funder: { id: 'home-office', name: 'Home Office' },
        envelope: '1000.00',
        financialYear: '2021-22',
        openedOn: '2021-07-01',
      });

  beforeAll(async () => {
    [rotatedOut, current] = await Promise.all([providerKey('2025-key'), providerKey('2026-key')]);
    provider = await startOidcProvider([current]);
    directory = mkdtempSync(join(tmpdir(), 'fundledger-oidc-'));
    app = await createApp(
      loadApiConfig({
        FUNDLEDGER_DB: join(directory, 'ledger.sqlite'),
        FUNDLEDGER_JWT_SECRET: SECRET,
        FUNDLEDGER_OIDC_ISSUER: provider.issuer,
        FUNDLEDGER_OIDC_AUDIENCE: AUDIENCE,
        LOG_LEVEL: 'silent',
      }),
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("accepts a token signed by the provider's current key and records its subject as the actor", async () => {
    const receipt = await openProgramme(await provider.sign(current, officer), 'oidc-1').expect(201);
    expect(receipt.body.events[0].type).toBe('ProgrammeOpened');
    for await (const event of app.get<EventStore>(EVENT_STORE).readStream(receipt.body.stream)) {
      expect(event.metadata).toMatchObject({ actor: { id: 'h.officer@homeoffice.gov.uk', role: 'finance-officer' } });
    }
    const events = await http()
      .get('/programmes/oidc-oidc-1')
      .set('Authorization', `Bearer ${await provider.sign(current, { ...officer, role: 'funder-officer' })}`)
      .expect(200);
    expect(events.body.programmeId).toBe('oidc-oidc-1');
  });

  it('refuses a token signed with the rotated-out key, writing nothing', async () => {
    const response = await openProgramme(await provider.sign(rotatedOut, officer), 'oidc-2');
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("bearer token is signed with a key the issuer's JWKS does not hold (rotated out, or never its own)");
    await http()
      .get('/programmes/oidc-oidc-2')
      .set('Authorization', `Bearer ${await provider.sign(current, { ...officer, role: 'funder-officer' })}`)
      .expect(404);
  });

  it('refuses a token from another issuer', async () => {
    const response = await openProgramme(await provider.sign(current, { ...officer, iss: 'https://login.example.com/elsewhere' }), 'oidc-3');
    expect(response.status).toBe(401);
    expect(response.body.message).toBe(`bearer token was not issued by fundledger or ${provider.issuer}`);
  });

  it('refuses a token issued to another application', async () => {
    const response = await openProgramme(await provider.sign(current, { ...officer, aud: 'api://payroll' }), 'oidc-4');
    expect(response.status).toBe(401);
  });

  it('still accepts local tokens from `cli token`', async () => {
    const local = new AccessTokenService(SECRET).issue({ id: 'alice', role: 'finance-officer', orgs: ['home-office'] });
    await openProgramme(local, 'oidc-5').expect(201);
  });
});
