/**
 * Where professionals sign in, from the build's environment (stacks/web.ts). Kept apart from the
 * sign-in code so pages can ask whether sign-in is offered without loading it.
 */
export const identityProvider = {
  issuer: import.meta.env.VITE_OIDC_ISSUER,
  clientId: import.meta.env.VITE_OIDC_CLIENT_ID,
  /** The API's resource indicator (RFC 8707) when the provider issues tokens per resource. */
  resource: import.meta.env.VITE_OIDC_RESOURCE,
  scope: import.meta.env.VITE_OIDC_SCOPE || "openid",
};

export const identityProviderConfigured = Boolean(identityProvider.issuer && identityProvider.clientId);

/** The same-origin channel the sign-in pop-up's return page answers on. */
export const signInChannelName = "parcours-sign-in";

/** The pop-up, opened on the click itself so that no browser blocks it. */
export function openSignInWindow(): Window | null {
  return window.open("about:blank", "parcours-sign-in", "popup,width=480,height=720");
}
