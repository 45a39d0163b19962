import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type JWTPayload, type KeyLike } from 'jose';

/** A signing key of the test's own identity provider. */
export interface ProviderKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: KeyLike;
  readonly jwk: JWK;
}

export const providerKey = async (kid: string, alg: 'RS256' | 'ES256' = 'RS256'): Promise<ProviderKey> => {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
};

/** The one client registered for the authorization-code sign-in, as an organisation's administrator would register the pages. */
export interface RegisteredClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Signs the ID token of a sign-in from its claims; a test replaces it to send a bad one. */
export type IdTokenIssuer = (claims: JWTPayload) => Promise<string>;

export interface OidcProvider {
  readonly issuer: string;
  /** How many times the JWKS was fetched. */
  readonly jwksFetches: () => number;
  /** Publishes these keys from now on (a rotation drops the others). */
  publish(keys: readonly ProviderKey[]): void;
  /** A token signed with the key, `iss` the provider's unless the claims say otherwise. */
  sign(key: ProviderKey, claims: JWTPayload, options?: { expiresIn?: string }): Promise<string>;
  /** The person who "consents" at the next authorization requests: their claims go into the ID token. */
  signInAs(claims: JWTPayload): void;
  /** How ID tokens are made from now on (default: signed with the first key, one hour long). */
  issueIdTokensWith(issuer: IdTokenIssuer): void;
  /** Token endpoint answering 503 (true) or working (false): the provider is down after the redirect. */
  failTokenRequests(failing: boolean): void;
  /** How many times the browser was sent to the provider's sign-out page. */
  readonly endSessions: () => number;
  close(): Promise<void>;
}

interface IssuedCode {
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly nonce: string | undefined;
  readonly claims: JWTPayload;
}

const readBody = async (request: IncomingMessage): Promise<URLSearchParams> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
};

const basicCredentials = (header: string | undefined): [string, string] | undefined => {
  const match = /^Basic (.+)$/.exec(header ?? '');
  if (match === null) return undefined;
  const [id, secret] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return [decodeURIComponent(id ?? ''), decodeURIComponent(secret ?? '')];
};

/**
 * An OpenID Connect provider on 127.0.0.1 for the tests, standing in for an organisation's own (Entra
 * ID, Keycloak): discovery, a JWKS of keys the test generated, and, for a registered client, the
 * authorization-code flow with PKCE — an authorize endpoint that consents at once for the person the
 * test chose, a token endpoint that redeems each code once, and a sign-out page. Nothing leaves the machine.
 */
export const startOidcProvider = async (keys: readonly ProviderKey[], client?: RegisteredClient): Promise<OidcProvider> => {
  let published = [...keys];
  let fetches = 0;
  let endSessions = 0;
  let issuer = '';
  let person: JWTPayload = {};
  let failing = false;
  const codes = new Map<string, IssuedCode>();
  const sign = (key: ProviderKey, claims: JWTPayload, options: { expiresIn?: string } = {}) =>
    new SignJWT({ iss: issuer, ...claims })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(key.privateKey);
  let issueIdToken: IdTokenIssuer = (claims) => sign(keys[0], claims);

  const reply = (response: ServerResponse, body: object, status = 200) => {
    response.statusCode = status;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(body));
  };

  /** Consents at once: the code goes back to the redirect URI with the state, as a provider does after its login page. */
  const authorize = (response: ServerResponse, query: URLSearchParams) => {
    const redirectUri = query.get('redirect_uri') ?? '';
    const challenge = query.get('code_challenge');
    if (query.get('client_id') !== client?.clientId || query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256' || challenge === null) {
      return reply(response, { error: 'invalid_request' }, 400);
    }
    const code = randomBytes(16).toString('base64url');
    codes.set(code, { redirectUri, codeChallenge: challenge, nonce: query.get('nonce') ?? undefined, claims: person });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', query.get('state') ?? '');
    back.searchParams.set('iss', issuer);
    response.statusCode = 302;
    response.setHeader('location', back.href);
    response.end();
  };

  const token = async (request: IncomingMessage, response: ServerResponse) => {
    const form = await readBody(request);
    if (failing) return reply(response, { error: 'temporarily_unavailable' }, 503);
    const [id, secret] = basicCredentials(request.headers.authorization) ?? [];
    if (client === undefined || id !== client.clientId || secret !== client.clientSecret) return reply(response, { error: 'invalid_client' }, 401);
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    // Each code is redeemed once: a second attempt, by anyone, is refused.
    codes.delete(code);
    if (issued === undefined) return reply(response, { error: 'invalid_grant', error_description: 'the code is unknown or was already used' }, 400);
    if (form.get('redirect_uri') !== issued.redirectUri) return reply(response, { error: 'invalid_grant', error_description: 'redirect_uri differs' }, 400);
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== issued.codeChallenge) {
      return reply(response, { error: 'invalid_grant', error_description: 'PKCE verification failed' }, 400);
    }
    const idToken = await issueIdToken({ aud: client.clientId, ...(issued.nonce === undefined ? {} : { nonce: issued.nonce }), ...issued.claims });
    reply(response, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 3600, id_token: idToken });
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return reply(response, {
        issuer,
        jwks_uri: `${issuer}/keys`,
        ...(client === undefined
          ? {}
          : {
              authorization_endpoint: `${issuer}/authorize`,
              token_endpoint: `${issuer}/token`,
              end_session_endpoint: `${issuer}/logout`,
              code_challenge_methods_supported: ['S256'],
              token_endpoint_auth_methods_supported: ['client_secret_basic'],
            }),
      });
    }
    if (url.pathname === '/keys') {
      fetches += 1;
      return reply(response, { keys: published.map((key) => key.jwk) });
    }
    if (url.pathname === '/authorize' && client !== undefined) return authorize(response, url.searchParams);
    if (url.pathname === '/token' && request.method === 'POST') return void token(request, response);
    if (url.pathname === '/logout' && client !== undefined) {
      endSessions += 1;
      response.statusCode = 302;
      response.setHeader('location', url.searchParams.get('post_logout_redirect_uri') ?? issuer);
      return response.end();
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksFetches: () => fetches,
    publish: (next) => {
      published = [...next];
    },
    sign,
    signInAs: (claims) => {
      person = claims;
    },
    issueIdTokensWith: (next) => {
      issueIdToken = next;
    },
    failTokenRequests: (next) => {
      failing = next;
    },
    endSessions: () => endSessions,
    close: () =>
      new Promise<void>((closed, failed) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? closed() : failed(error)));
      }),
  };
};
