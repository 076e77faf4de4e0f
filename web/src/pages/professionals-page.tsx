/** Professionals: sign in (identity provider, or the development sign-in locally), and a shelter operator's free places. */
import { useEffect, useState } from "preact/hooks";
import type { WebShelterPlacesQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { shownError } from "../api-error-message";
import { DevelopmentSignIn } from "../development-sign-in";
import { identityProviderConfigured } from "../identity-provider";
import { IdentityProviderSignIn } from "../identity-provider-sign-in";
import { useText } from "../i18n/text";
import { formatDate } from "../paris-time";
import { PlacesAuditLog } from "../places-audit-log";
import { shelterPlacesQuery, updatePlacesMutation } from "../queries";
import { Link } from "../router";
import { session, type Session } from "../session";

export function ProfessionalsPage() {
  const { t } = useText();
  const [signedIn, setSignedIn] = useState<Session | undefined>(session.get());
  return (
    <div>
      <h1>{t.proTitle}</h1>
      <p>{t.proIntro}</p>
      {signedIn ? (
        <>
          <p class="signed-in">
            {t.proSignedInAs} <strong>{t.roles[signedIn.role as keyof typeof t.roles] ?? signedIn.role}</strong>
            {signedIn.actor ? ` (${signedIn.actor})` : null}{" "}
            <button
              type="button"
              onClick={() => {
                session.set(undefined);
                setSignedIn(undefined);
              }}
            >
              {t.proSignOut}
            </button>
          </p>
          {signedIn.role === "COORDINATOR" || signedIn.role === "ADMIN" ? (
            <>
              <p>
                <Link href="/observatoire" class="button">
                  {t.observatory.open}
                </Link>
              </p>
              <PlacesAuditLog />
            </>
          ) : null}
          {signedIn.role === "SHELTER_OPERATOR" && signedIn.actor ? <ShelterPlaces actorId={signedIn.actor} /> : null}
        </>
      ) : identityProviderConfigured ? (
        <IdentityProviderSignIn onSignedIn={setSignedIn} />
      ) : __DEVELOPMENT_SIGN_IN__ ? (
        <DevelopmentSignIn onSignedIn={setSignedIn} />
      ) : (
        <p>{t.proNoSignIn}</p>
      )}
    </div>
  );
}

type Shelter = NonNullable<WebShelterPlacesQuery["actors"][number]>["services"][number];

function ShelterPlaces({ actorId }: { actorId: string }) {
  const { t } = useText();
  const [shelters, setShelters] = useState<Shelter[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    request(shelterPlacesQuery, { actorId }).then(
      (data) => setShelters(data.actors[0]?.services ?? []),
      (failure) => setError(shownError(failure, t).message),
    );
  }, [actorId]);
  return (
    <section aria-labelledby="places-title">
      <h2 id="places-title">{t.placesTitle}</h2>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {shelters?.map((s) => <ShelterPlacesForm key={s.id} shelter={s} />)}
    </section>
  );
}

function ShelterPlacesForm({ shelter }: { shelter: Shelter }) {
  const { t, locale } = useText();
  const [placesFree, setPlacesFree] = useState(String(shelter.capacity?.placesFree ?? ""));
  const [status, setStatus] = useState<string>("");
  const inputId = `places-${shelter.id}`;
  async function save(event: Event) {
    event.preventDefault();
    try {
      const { updatePlacesFree } = await request(updatePlacesMutation, { input: { serviceId: shelter.id, placesFree: Number(placesFree) } });
      setStatus(`${t.placesSaved} ${updatePlacesFree.placesFree} ${t.placesCount}, ${t.placesUpdated} ${formatDate(updatePlacesFree.updatedAt, locale)}.`);
    } catch (failure) {
      setStatus(shownError(failure, t).message);
    }
  }
  const capacity = shelter.capacity;
  return (
    <form class="places-form" onSubmit={save}>
      <h3>{shelter.name}</h3>
      {capacity ? (
        <p>
          {capacity.placesFree ?? t.unknown} {t.placesCount} {capacity.placesTotal != null ? `${t.placesTotal} ${capacity.placesTotal}` : ""}
          {capacity.updatedAt ? ` — ${t.placesUpdated} ${formatDate(capacity.updatedAt, locale)}` : ""}
        </p>
      ) : null}
      <label for={inputId}>{t.placesNew}</label>
      <div class="inline">
        <input id={inputId} type="number" min={0} class="short" required value={placesFree} onInput={(e) => setPlacesFree(e.currentTarget.value)} />
        <button type="submit" class="primary">
          {t.placesSave}
        </button>
      </div>
      <p role="status">{status}</p>
    </form>
  );
}
