/** An actor's page: its services with hours, contacts and area, its relations and its sources. */
import { useEffect, useState } from "preact/hooks";
import type { WebActorQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { shownError } from "../api-error-message";
import { ContactLinks } from "../contact-links";
import { useText } from "../i18n/text";
import { formatDate } from "../paris-time";
import { actorQuery } from "../queries";
import { Link } from "../router";

type Actor = WebActorQuery["actors"][number];
type Related = { id: string; name: string };

export function ActorPage({ id }: { id: string }) {
  const { t } = useText();
  const [actor, setActor] = useState<Actor | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setActor(undefined);
    request(actorQuery, { id }).then(
      (data) => setActor(data.actors[0] ?? null),
      (failure) => setError(shownError(failure, t).message),
    );
  }, [id]);

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (actor === undefined) return <p role="status">{t.loading}</p>;
  if (actor === null) return <h1>{t.actorNotFound}</h1>;

  const relations: [string, Related[]][] = [
    [t.coordinates, actor.coordinates],
    [t.coordinatedBy, actor.coordinatedBy],
    [t.memberOf, actor.memberOf],
    [t.members, actor.members],
    [t.fundedBy, actor.fundedBy],
    [t.holdsPermanenceAt, actor.holdsPermanenceAt],
    [t.hostsPermanencesOf, actor.hostsPermanencesOf],
  ];
  const sources = [...new Set([actor.source, ...actor.services.map((s) => s.source)])];
  return (
    <article class="actor">
      <h1>{actor.name}</h1>
      {actor.aliases.length ? <p class="hint">{actor.aliases.join(", ")}</p> : null}
      {actor.description ? <p>{actor.description}</p> : null}
      <Verified at={actor.verifiedAt} unverified={actor.unverified} />
      {actor.contacts.length ? (
        <section aria-labelledby="contacts-title">
          <h2 id="contacts-title">{t.contactsTitle}</h2>
          <ContactLinks contacts={actor.contacts} />
        </section>
      ) : null}
      {actor.covers.length ? (
        <section aria-labelledby="area-title">
          <h2 id="area-title">{t.areaTitle}</h2>
          <p>{actor.covers.map((c) => c.name).join(", ")}</p>
        </section>
      ) : null}
      <section aria-labelledby="services-title">
        <h2 id="services-title">{t.servicesTitle}</h2>
        {actor.services.map((s) => (
          <section class="service" key={s.id} aria-labelledby={`service-${s.id}`}>
            <h3 id={`service-${s.id}`}>{s.name}</h3>
            {s.audience === "PERPETRATORS" ? <p class="tag perpetrator">{t.perpetratorLabel}</p> : null}
            {s.description ? <p>{s.description}</p> : null}
            <p>
              <strong>{t.hoursTitle} :</strong> {s.schedule?.description ?? s.schedule?.openingHours ?? t.unknown}
            </p>
            <ContactLinks contacts={s.reachableContacts} />
            {s.area.length ? (
              <p>
                <strong>{t.areaTitle} :</strong> {s.area.map((a) => a.name).join(", ")}
              </p>
            ) : null}
            {s.capacity ? (
              <p>
                <strong>{t.placesLabel}</strong> {t.availability[s.capacity.placesAvailable]}
              </p>
            ) : null}
            {s.referralRequired ? (
              <p class="referral">
                {t.referralOnly}
                {s.referredBy ? ` — ${t.referredBy} ${s.referredBy}` : null}
              </p>
            ) : null}
            <Verified at={s.verifiedAt} unverified={s.unverified} />
          </section>
        ))}
      </section>
      {relations.some(([, list]) => list.length) ? (
        <section aria-labelledby="relations-title">
          <h2 id="relations-title">{t.relationsTitle}</h2>
          <dl>
            {relations
              .filter(([, list]) => list.length)
              .map(([label, list]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>
                    {list.map((r, i) => (
                      <span key={r.id}>
                        {i > 0 ? ", " : ""}
                        <Link href={`/acteur/${encodeURIComponent(r.id)}`}>{r.name}</Link>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="sources-title">
        <h2 id="sources-title">{t.sourcesTitle}</h2>
        <ul class="sources">
          {sources.map((s) => (
            <li key={s}>{/^https?:\/\//.test(s) ? <a href={s} rel="noreferrer">{s}</a> : s}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function Verified({ at, unverified }: { at: string; unverified: boolean }) {
  const { t, locale } = useText();
  return (
    <p class="verified">
      {t.verifiedOn} {formatDate(at, locale)}
      {unverified ? <span class="recheck"> — {t.toRecheck}</span> : null}
    </p>
  );
}
