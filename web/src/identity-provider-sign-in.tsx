/** The production sign-in button: the OpenID Connect flow runs in a pop-up, its code loaded on the click. */
import { useRef, useState } from "preact/hooks";
import { useText } from "./i18n/text";
import { openSignInWindow } from "./identity-provider";
import { session, type Session } from "./session";
import type { SignInFailure } from "./sign-in-with-identity-provider";

export function IdentityProviderSignIn({ onSignedIn }: { onSignedIn: (signedIn: Session) => void }) {
  const { t } = useText();
  const [waiting, setWaiting] = useState(false);
  const [failure, setFailure] = useState<SignInFailure["reason"]>();
  const cancel = useRef<AbortController | undefined>(undefined);
  async function signIn() {
    setFailure(undefined);
    const popup = openSignInWindow();
    if (!popup) return setFailure("popup-blocked");
    setWaiting(true);
    cancel.current = new AbortController();
    const { signInWithIdentityProvider, SignInFailure } = await import("./sign-in-with-identity-provider");
    try {
      const signedIn = await signInWithIdentityProvider(popup, cancel.current.signal);
      session.set(signedIn);
      onSignedIn(signedIn);
    } catch (error) {
      setFailure(error instanceof SignInFailure ? error.reason : "refused");
    } finally {
      setWaiting(false);
    }
  }
  return (
    <div class="sign-in">
      <p class="hint">{t.proSignInHint}</p>
      {waiting ? (
        <p role="status">
          {t.proSignInWaiting}{" "}
          <button type="button" onClick={() => cancel.current?.abort()}>
            {t.proSignInCancel}
          </button>
        </p>
      ) : (
        <button type="button" class="primary" onClick={signIn}>
          {t.proSignIn}
        </button>
      )}
      {failure ? (
        <p class="error" role="alert">
          {t.proSignInFailed[failure]}
        </p>
      ) : null}
    </div>
  );
}
