/**
 * The development sign-in of `npm start`: a role picked from a list, a token from the local server's
 * /local/sign-in. Only builds made with `--mode developer` contain it (__DEVELOPMENT_SIGN_IN__).
 */
import { useState } from "preact/hooks";
import { useText } from "./i18n/text";
import { session, type Session } from "./session";

const roles = ["FRONTLINE", "COORDINATOR", "SHELTER_OPERATOR", "ADMIN"] as const;

export function DevelopmentSignIn({ onSignedIn }: { onSignedIn: (signedIn: Session) => void }) {
  const { t } = useText();
  const [role, setRole] = useState<(typeof roles)[number]>("FRONTLINE");
  const [failed, setFailed] = useState(false);
  async function signIn(event: Event) {
    event.preventDefault();
    const response = await fetch("/local/sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ role }), credentials: "omit" }).catch(() => undefined);
    if (!response?.ok) return setFailed(true);
    const signedIn = (await response.json()) as Session;
    session.set(signedIn);
    onSignedIn(signedIn);
  }
  return (
    <form class="dev-sign-in" onSubmit={signIn}>
      <h2>{t.devSignInTitle}</h2>
      <p class="hint">{t.devSignInHint}</p>
      <label for="dev-role">{t.devRole}</label>
      <select id="dev-role" value={role} onChange={(e) => setRole(e.currentTarget.value as (typeof roles)[number])}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t.roles[r]}
          </option>
        ))}
      </select>
      <button type="submit" class="primary">
        {t.devSignIn}
      </button>
      {failed ? (
        <p class="error" role="alert">
          {t.errorUnknown}
        </p>
      ) : null}
    </form>
  );
}
