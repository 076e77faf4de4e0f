/** A coverage cell's figures, its explanation when it is a gap, and the services behind it, asked when the cell is chosen. */
import type { NeedCode, SituationCode, WebCoverageCommuneQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { useText } from "../i18n/text";
import { formatDate } from "../paris-time";
import { coverageCommuneQuery } from "../observatory-queries";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

type CommuneCoverage = WebCoverageCommuneQuery["coverage"];
type Cell = CommuneCoverage["cells"][number];

/**
 * `communeIndex`: the commune's place in the coverage's communes (by code), which pages the cells.
 * Give it a key per commune and situation, so that a commune chosen next never shows the figures of
 * the last; another need of the same commune reads what is already loaded.
 */
export function LoadedCellDetail({ departement, situation, communeIndex, need }: { departement: string; situation: SituationCode | null; communeIndex: number; need: NeedCode }) {
  const { locale } = useText();
  const { data, error } = useLoaded(() => request(coverageCommuneQuery, { departement, situation, communesOffset: communeIndex }).then((d) => d.coverage), [departement, situation, communeIndex]);
  const cell = data?.cells.find((c) => c.need === need);
  if (!data || error) return <SectionState error={error} />;
  return cell ? <CellDetail cell={cell} services={data.services} number={new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB")} /> : null;
}

function CellDetail({ cell, services, number }: { cell: Cell; services: CommuneCoverage["services"]; number: Intl.NumberFormat }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const behind = cell.serviceIds.map((id) => services.find((s) => s.id === id)).filter((s) => s !== undefined);
  return (
    <>
      <h3>
        {cell.communeName} — {t.needs[cell.need]}
      </h3>
      <dl class="figures">
        <dt>{o.reach}</dt>
        <dd data-figure="reach">{o.reaches[cell.reach]}</dd>
        <dt>{o.servicesInReach}</dt>
        <dd data-figure="services-in-reach">{number.format(cell.servicesInReach)}</dd>
        <dt>{o.population}</dt>
        <dd data-figure="population">{cell.population.value != null ? number.format(cell.population.value) : t.unknown}</dd>
        <dt>{o.placesTotal}</dt>
        <dd data-figure="places">{cell.placesTotal.value != null ? number.format(cell.placesTotal.value) : t.unknown}</dd>
      </dl>
      {cell.explanation ? <p class="notice">{cell.explanation}</p> : null}
      {behind.length > 0 ? (
        <>
          <h4>{o.servicesBehind}</h4>
          <ul class="cell-services">
            {behind.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> ({s.actorName}){s.weeklyHours != null ? ` — ${number.format(s.weeklyHours)} ${o.hoursPerWeek}` : ""}
                <span class="verified">
                  {" "}
                  — {o.verifiedOn} {formatDate(s.verifiedAt, locale)}, {s.source}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
