/// <reference types="vite/client" />

/** True in `vite build --mode developer` (npm start, the tests): the development sign-in is compiled in. */
declare const __DEVELOPMENT_SIGN_IN__: boolean;

interface ImportMetaEnv {
  /** The API's URL when the web app is not served next to it (stacks/web.ts). */
  readonly VITE_API_URL?: string;
  /** The identity provider professionals sign in with (OpenID Connect issuer URL); none: no sign-in offered. */
  readonly VITE_OIDC_ISSUER?: string;
  /** The web app's client id at the identity provider (a public client: PKCE, no secret). */
  readonly VITE_OIDC_CLIENT_ID?: string;
  /** The API's resource indicator, when the provider wants one to issue the API's tokens. */
  readonly VITE_OIDC_RESOURCE?: string;
  /** Scopes asked for (default "openid"); the ID token must carry role, and département or actor when the role needs them. */
  readonly VITE_OIDC_SCOPE?: string;
}
