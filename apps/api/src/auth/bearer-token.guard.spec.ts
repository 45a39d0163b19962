import { AccessTokenService, AuthenticatedActor, Role } from '@fundledger/access';
import { Controller, Get, INestApplication, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DEFAULT_RATE_LIMITS } from '../edge/rate-limits';
import { RateLimitModule } from '../edge/rate-limit.module';
import { AuthModule } from './auth.module';
import { CurrentActor } from './current-actor.decorator';
import { Public } from './public.decorator';
import { RequirePermission } from './require-permission.decorator';

const SECRET = 'bearer-token-guard-spec-secret-0123456789';

@Controller('probe')
class ProbeController {
  @Public()
  @Get('open')
  open() {
    return { open: true };
  }

  @RequirePermission('record')
  @Post('record')
  record(@CurrentActor() actor: AuthenticatedActor) {
    return actor;
  }

  @RequirePermission('read')
  @Get('read')
  read(@CurrentActor() actor: AuthenticatedActor) {
    return actor;
  }

  /** The decorator someone forgot. */
  @Get('forgotten')
  forgotten() {
    return { leaked: true };
  }
}

@RequirePermission('verify')
@Controller('verify-all')
class VerifyController {
  @Get()
  check(@CurrentActor() actor: AuthenticatedActor) {
    return actor;
  }
}

describe('bearer token guard', () => {
  let app: INestApplication;
  const tokens = new AccessTokenService(SECRET);
  const bearer = (role: Role, id = 'alice') => `Bearer ${tokens.issue({ id, role, orgs: ['opcc-kent'] })}`;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [RateLimitModule.forRoot(DEFAULT_RATE_LIMITS), AuthModule.forRoot({ secret: { kind: 'configured', secret: SECRET }, maxTokenLifetimeSeconds: 12 * 3600 })],
      controllers: [ProbeController, VerifyController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());

  describe('when a route is public', () => {
    it('answers without a token', () => http().get('/probe/open').expect(200, { open: true }));
  });

  describe('when no valid token comes with the request', () => {
    it('refuses a request without Authorization, with the one error shape and a Bearer challenge', async () => {
      const response = await http().post('/probe/record').expect(401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'bearer token required: send Authorization: Bearer <token>',
      });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="fundledger"');
    });

    it('refuses another scheme', async () => {
      const response = await http().get('/probe/read').set('Authorization', 'Basic YWxpY2U6c2VjcmV0').expect(401);
      expect(response.body.message).toBe('Authorization header must use the Bearer scheme');
    });

    it('refuses a malformed token', async () => {
      const response = await http().get('/probe/read').set('Authorization', 'Bearer not-a-jwt').expect(401);
      expect(response.body.message).toMatch(/^bearer token is malformed/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="fundledger", error="invalid_token"');
    });

    it('refuses a token signed with another secret', async () => {
      const forged = new AccessTokenService('someone-elses-secret-0123456789abcdef').issue({ id: 'mallory', role: 'finance-officer', orgs: ['opcc-kent'] });
      const response = await http().post('/probe/record').set('Authorization', `Bearer ${forged}`).expect(401);
      expect(response.body.message).toMatch(/^bearer token signature is invalid: .* share FUNDLEDGER_JWT_SECRET or, when that is unset, the configuration directory/);
    });

    it('refuses an expired token, saying when it expired', async () => {
      const expired = tokens.issue({ id: 'alice', role: 'finance-officer', orgs: ['opcc-kent'] }, { now: new Date('2026-01-05T09:00:00Z'), expiresIn: '8h' });
      const response = await http().post('/probe/record').set('Authorization', `Bearer ${expired}`).expect(401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'bearer token expired at 2026-01-05T17:00:00.000Z',
      });
    });
  });

  describe('when the token is valid', () => {
    it('lets a role with the permission through and hands the handler its actor', () =>
      http().post('/probe/record').set('Authorization', bearer('finance-officer', 'alice')).expect(201, {
        id: 'alice',
        role: 'finance-officer',
        orgs: ['opcc-kent'],
      }));

    it('accepts the scheme in any case', () =>
      http().get('/probe/read').set('Authorization', bearer('auditor').replace('Bearer', 'bearer')).expect(200));

    it('refuses a role without the permission, naming role and permission', async () => {
      const response = await http().post('/probe/record').set('Authorization', bearer('auditor')).expect(403);
      expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'role auditor may not record' });
    });

    it('applies a permission set on the controller to its handlers', async () => {
      await http().get('/verify-all').set('Authorization', bearer('auditor', 'carol')).expect(200, { id: 'carol', role: 'auditor', orgs: ['opcc-kent'] });
      await http().get('/verify-all').set('Authorization', bearer('finance-officer')).expect(403);
    });

    it.each(['finance-officer', 's151-officer', 'returns-officer', 'auditor', 'funder-officer'] as const)(
      'refuses %s on a route that declares no permission (deny by default)',
      async (role) => {
        const response = await http().get('/probe/forgotten').set('Authorization', bearer(role)).expect(403);
        expect(response.body.message).toMatch(/declares no permission/);
      },
    );

    it('still asks for a token first on a route that declares no permission', () =>
      http().get('/probe/forgotten').expect(401));
  });
});
