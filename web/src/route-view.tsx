/** The route: emergency numbers first in danger, then one section per need in route order, the gaps, the exclusions. */
import type { NeedCode, WebReferralRouteQuery } from "../../generated/web-client/graphql";
import { ContactLinks, hrefOf } from "./contact-links";
import { useText } from "./i18n/text";
import { formatDate, formatDateTime } from "./paris-time";
import { Link } from "./router";

type Route = WebReferralRouteQuery["referralRoute"];
type Step = Route["steps"][number];

export function RouteView({ route }: { route: Route }) {
  const { t, locale } = useText();
  const stepsByNeed = (need: NeedCode) => route.steps.filter((s) => s.need === need);
  return (
    <section class="route" aria-labelledby="route-title">
      {route.emergency.length > 0 ? (
        <section class="emergency-now" aria-labelledby="emergency-now-title">
          <h2 id="emergency-now-title" tabIndex={-1}>
            {t.emergencyNowTitle}
          </h2>
          <ul>
            {route.emergency.map((e) => (
              <li key={e.number}>
                <a class="emergency-number" href={hrefOf(e.channel, e.number)}>
                  {e.channel === "SMS" ? `${t.bySms} ${e.number}` : `${t.byPhone} ${e.number}`}
                </a>{" "}
                <span>
                  {e.label} — {e.available}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 id="route-title" tabIndex={-1}>
        {t.routeTitle}
      </h2>
      <p>
        {t.routeFor} {route.communeName} ({route.communeCode}). {t.routeAt} {formatDateTime(route.at, locale)}.
      </p>
      {route.covered ? null : <p class="notice">{t.notCovered}</p>}
      {route.needs.map((need) => (
        <section class="need" key={need} aria-labelledby={`need-${need}`}>
          <h3 id={`need-${need}`}>{t.needs[need]}</h3>
          {stepsByNeed(need).length === 0 ? <p>{t.noOption}</p> : <ol class="options">{stepsByNeed(need).map((step) => <StepCard key={step.rank} step={step} />)}</ol>}
        </section>
      ))}
      {route.uncoveredNeeds.length > 0 ? (
        <section class="uncovered" aria-labelledby="uncovered-title">
          <h3 id="uncovered-title">{t.uncoveredTitle}</h3>
          <ul>
            {route.uncoveredNeeds.map((u) => (
              <li key={u.need}>
                <strong>{t.needs[u.need]}</strong> : {u.reason}
              </li>
            ))}
          </ul>
          <p>
            {t.uncoveredHint} <a href="tel:3919">3919</a>
          </p>
        </section>
      ) : null}
      {route.excluded.length > 0 ? (
        <details class="excluded">
          <summary>
            {t.excludedTitle} ({route.excluded.length})
          </summary>
          <ul>
            {route.excluded.map((x) => (
              <li key={`${x.need}-${x.service.id}`}>
                <strong>{x.actor.name}</strong> — {x.service.name} ({t.needs[x.need]}) : {x.reasons.join(" ; ")}
              </li>
            ))}
          </ul>
          {route.excludedTruncated ? <p class="excluded-truncated">{t.excludedTruncated}</p> : null}
        </details>
      ) : null}
    </section>
  );
}

function StepCard({ step }: { step: Step }) {
  const { t, locale } = useText();
  const availability = step.service.capacity?.placesAvailable;
  return (
    <li class="option">
      <h4>
        <Link href={`/acteur/${encodeURIComponent(step.actor.id)}`}>{step.actor.name}</Link>
      </h4>
      <p class="service-name">{step.service.name}</p>
      <p class={step.openNow ? "open" : "closed"}>
        {step.openNow === true ? t.openNow : step.openNow === false ? t.closedNow : t.hoursUnknown}
        {step.nextOpening ? ` — ${t.nextOpening} ${formatDateTime(step.nextOpening, locale)}` : null}
      </p>
      {step.service.schedule?.description ? <p class="hours">{step.service.schedule.description}</p> : null}
      <ContactLinks contacts={step.service.reachableContacts} />
      {step.placesFree != null ? (
        <p class="places">
          {t.placesLabel} <strong data-places-count>{step.placesFree}</strong> {t.placesCount}
        </p>
      ) : availability ? (
        <p class="places">
          {t.placesLabel} <strong>{t.availability[availability]}</strong>
        </p>
      ) : null}
      {step.referralOnly ? <p class="referral">{t.referralOnly}</p> : null}
      <details class="reasons">
        <summary>{t.reasons}</summary>
        <ul>
          {step.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
      <p class="verified">
        {t.verifiedOn} {formatDate(step.service.verifiedAt, locale)}
        {step.service.unverified ? <span class="recheck"> — {t.toRecheck}</span> : null}
      </p>
    </li>
  );
}
