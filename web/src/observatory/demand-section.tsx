/** Unmet demand by commune over the last 30 days; counts under 5 stay "< 5", as the API publishes them. */
import { request } from "../api";
import { useText } from "../i18n/text";
import { formatDate } from "../paris-time";
import { demandQuery } from "../observatory-queries";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

export function DemandSection({ departement }: { departement: string }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const { data, error } = useLoaded(() => request(demandQuery, { departement }).then((d) => d.demand), [departement]);
  return (
    <section aria-labelledby="demand-title">
      <h2 id="demand-title">{o.demandTitle}</h2>
      <p>{o.demandIntro}</p>
      {!data || error ? (
        <SectionState error={error} />
      ) : data.unmetByCommune.length === 0 ? (
        <p>
          {o.noUnmetDemand} ({formatDate(data.from, locale)} – {formatDate(data.to, locale)}).
        </p>
      ) : (
        <table class="demand">
          <caption>
            {o.demandCaption} {formatDate(data.from, locale)} – {formatDate(data.to, locale)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{o.commune}</th>
              <th scope="col">{o.unmetRequests}</th>
            </tr>
          </thead>
          <tbody>
            {data.unmetByCommune.map((u) => (
              <tr key={u.communeCode} data-commune={u.communeCode}>
                <th scope="row">{u.communeName}</th>
                <td data-figure="unmet">{u.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
