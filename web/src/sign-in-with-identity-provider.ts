/**
 * Production sign-in: OpenID Connect authorization code with PKCE (oauth4webapi), in a pop-up
 * window so the page keeps its state and nothing is written to the device. Loaded only when a
 * professional asks to sign in, so victim-facing pages do not carry it. The verifier, state and
 * nonce live in this page's memory; the pop-up's return page (sign-in-return.html) hands the
 * provider's answer back over a same-origin BroadcastChannel and closes. The access token stays in
 * memory (session.ts); the role, département and actor come from the ID token's claims.
 */
import * as oauth from "oauth4webapi";
import { identityProvider, signInChannelName } from "./identity-provider";
import type { Session } from "./session";

const { issuer, clientId, resource, scope } = identityProvider;
const answerTimeoutMs = 10 * 60 * 1000;

/** Why a sign-in did not end with a session, as the page explains it. */
export class SignInFailure extends Error {
  constructor(readonly reason: "popup-blocked" | "cancelled" | "no-role" | "refused") {
    super(reason);
  }
}

export async function signInWithIdentityProvider(popup: Window, cancel: AbortSignal): Promise<Session> {
  try {
    const issuerUrl = new URL(issuer!);
    // Plain http only for a provider on this machine (development, tests); production uses https.
    const insecure = issuerUrl.protocol === "http:" && ["localhost", "127.0.0.1"].includes(issuerUrl.hostname);
    const options = { [oauth.allowInsecureRequests]: insecure };
    const server = await oauth.processDiscoveryResponse(issuerUrl, await oauth.discoveryRequest(issuerUrl, { ...options, algorithm: "oidc" }));
    const client: oauth.Client = { client_id: clientId! };
    const redirectUri = new URL("/sign-in-return.html", location.origin).href;
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();

    const authorization = new URL(server.authorization_endpoint!);
    authorization.search = new URLSearchParams({
      client_id: clientId!,
      redirect_uri: redirectUri,
      response_type: "code",
      scope,
      state,
      nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      ...(resource ? { resource } : {}),
    }).toString();
    const answer = providerAnswer(state, cancel);
    popup.location.href = authorization.href;

    const parameters = oauth.validateAuthResponse(server, client, await answer, state);
    const response = await oauth.authorizationCodeGrantRequest(server, client, oauth.None(), parameters, redirectUri, codeVerifier, {
      ...options,
      ...(resource ? { additionalParameters: { resource } } : {}),
    });
    const tokens = await oauth.processAuthorizationCodeResponse(server, client, response, { expectedNonce: nonce, requireIdToken: true });
    return sessionOf(tokens);
  } catch (error) {
    if (error instanceof SignInFailure) throw error;
    throw new SignInFailure("refused");
  } finally {
    if (!popup.closed) popup.close();
  }
}

/** The return page's URL carrying this request's state, or a cancellation. */
function providerAnswer(state: string, cancel: AbortSignal): Promise<URL> {
  return new Promise((resolve, reject) => {
    const channel = new BroadcastChannel(signInChannelName);
    const timer = setTimeout(() => done(new SignInFailure("cancelled")), answerTimeoutMs);
    const done = (result: URL | SignInFailure) => {
      clearTimeout(timer);
      channel.close();
      cancel.removeEventListener("abort", onCancel);
      if (result instanceof URL) resolve(result);
      else reject(result);
    };
    const onCancel = () => done(new SignInFailure("cancelled"));
    cancel.addEventListener("abort", onCancel);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data !== "string") return;
      const url = new URL(event.data);
      if (url.searchParams.get("state") === state) done(url);
    };
  });
}

function sessionOf(tokens: oauth.TokenEndpointResponse): Session {
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  // The API judges the role on every request (functions/auth/caller.ts); the page needs one to be there.
  const role = text(claims?.role);
  if (!claims || !role) throw new SignInFailure("no-role");
  return { token: tokens.access_token, role, actor: text(claims.actor), departement: text(claims.departement) };
}
