/**
 * The communes of the département as a tile grid, one tile per commune grouped by établissement
 * public territorial, coloured by a chosen measure. No commune shapes: no kept npm package ships
 * them, and map tiles would be a third-party request. Each tile is a button that says its figure in
 * words (colour is never the only cue) and opens the commune's details; the same figures are in a
 * table below.
 */
import { useState } from "preact/hooks";
import type { CoverageReach, NeedCode, WebCoverageQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { useText } from "../i18n/text";
import { coverageQuery, demandQuery } from "../observatory-queries";
import { LoadedCellDetail } from "./cell-detail";
import { communeMeasure, mapMeasures, type MapMeasure } from "./map-measures";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

type Coverage = WebCoverageQuery["coverage"];
type Commune = Coverage["communes"][number];

export function CommuneMapSection({ departement }: { departement: string }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const m = o.map;
  const [measure, setMeasure] = useState<MapMeasure>("reach");
  const [need, setNeed] = useState<NeedCode>("IMMEDIATE_SAFETY");
  const [selected, setSelected] = useState<string>();
  const coverage = useLoaded(() => request(coverageQuery, { departement, situation: null }).then((d) => d.coverage), [departement]);
  const demand = useLoaded(() => request(demandQuery, { departement }).then((d) => d.demand), [departement]);
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  const data = coverage.data;
  const ready = data && demand.data && !coverage.error && !demand.error;
  const needs = data ? [...new Set(data.cells.map((c) => c.need))] : [];
  const unmet = new Map(demand.data?.unmetByCommune.map((u) => [u.communeCode, u.count]));
  const cellOf = new Map(data?.cells.map((c) => [`${c.communeCode} ${c.need}`, c]));
  const valueOf = (commune: Commune) => communeMeasure(measure, { commune, cell: cellOf.get(`${commune.code} ${need}`), unmet: unmet.get(commune.code) ?? null }, t, number);
  const groups = data ? groupsOf(data.communes, m.noZone) : [];
  const chosen = data?.communes.find((c) => c.code === selected);
  const measureNeedsNeed = measure === "reach" || measure === "uncoveredPopulation";
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">{m.title}</h2>
      <p>{m.intro}</p>
      <div class="map-controls">
        <div class="field">
          <label for="map-measure">{m.measure}</label>
          <select id="map-measure" value={measure} onChange={(e) => setMeasure(e.currentTarget.value as MapMeasure)}>
            {mapMeasures.map((key) => (
              <option key={key} value={key}>
                {m.measures[key]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="map-need">{m.need}</label>
          <select id="map-need" value={need} onChange={(e) => setNeed(e.currentTarget.value as NeedCode)}>
            {(needs.length > 0 ? needs : [need]).map((code) => (
              <option key={code} value={code}>
                {t.needs[code]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!ready ? (
        <SectionState error={coverage.error ?? demand.error} />
      ) : (
        <>
          <h3 id="map-legend-title">
            {o.legend} — {m.measures[measure]}
            {measureNeedsNeed ? ` (${t.needs[need]})` : ""}
          </h3>
          <ul class="map-legend" aria-labelledby="map-legend-title">
            {legendOf(measure, t).map((entry) => (
              <li key={entry.level}>
                <span class={`tile-swatch ${entry.level}`} aria-hidden="true">
                  {entry.sample}
                </span>{" "}
                {entry.label}
              </li>
            ))}
          </ul>
          <div class="commune-map">
            {groups.map((group) => (
              <div key={group.code} class="map-zone" role="group" aria-labelledby={`map-zone-${group.code}`}>
                <p class="map-zone-name" id={`map-zone-${group.code}`}>
                  {group.name}
                </p>
                <ul class="map-tiles" style={{ "--columns": columnsOf(group.communes.length) } as Record<string, number>}>
                  {group.communes.map((commune) => {
                    const value = valueOf(commune);
                    return (
                      <li key={commune.code}>
                        <button
                          type="button"
                          class={`tile ${value.level}`}
                          data-commune={commune.code}
                          data-level={value.level}
                          aria-pressed={selected === commune.code}
                          aria-controls="map-detail"
                          onClick={() => setSelected(commune.code)}
                        >
                          <span class="tile-name" aria-hidden="true">
                            {commune.name}
                          </span>
                          <span class="tile-value" aria-hidden="true">
                            {value.short}
                          </span>
                          <span class="visually-hidden">
                            {commune.name} : {value.long}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
          <div id="map-detail" class="cell-detail map-detail" aria-live="polite">
            {chosen ? (
              <>
                <h3>{chosen.name}</h3>
                <dl class="figures">
                  <dt>{m.zone}</dt>
                  <dd>{chosen.zoneName ?? m.noZone}</dd>
                  <dt>{o.population}</dt>
                  <dd>{chosen.population.value != null ? number.format(chosen.population.value) : t.unknown}</dd>
                  <dt>{m.measures.gapCount}</dt>
                  <dd data-figure="map-gaps">
                    {number.format(chosen.needsWithoutLocalAnswer)} {m.ofNeeds} {number.format(needs.length)}
                  </dd>
                  <dt>{m.measures.unmet}</dt>
                  <dd data-figure="map-unmet">{unmet.get(chosen.code) ?? m.noUnmet}</dd>
                </dl>
                <LoadedCellDetail key={chosen.code} departement={departement} situation={null} communeIndex={data!.communes.indexOf(chosen)} need={need} />
              </>
            ) : (
              <p class="hint">{m.hint}</p>
            )}
          </div>
          <details class="map-table">
            <summary>{m.asTable}</summary>
            <table>
              <caption>
                {m.measures[measure]}
                {measureNeedsNeed ? ` — ${t.needs[need]}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{o.commune}</th>
                  <th scope="col">{m.zone}</th>
                  <th scope="col">{m.measures[measure]}</th>
                </tr>
              </thead>
              <tbody>
                {groups.flatMap((group) =>
                  group.communes.map((commune) => (
                    <tr key={commune.code} data-commune={commune.code}>
                      <th scope="row">{commune.name}</th>
                      <td>{group.name}</td>
                      <td>{valueOf(commune).long}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

/** The communes by territory, territories and communes by name; communes outside any territory together last. */
function groupsOf(communes: Commune[], noZone: string): { code: string; name: string; communes: Commune[] }[] {
  const groups = new Map<string, { code: string; name: string; communes: Commune[] }>();
  for (const commune of communes) {
    const code = commune.zoneCode ?? "none";
    if (!groups.has(code)) groups.set(code, { code, name: commune.zoneName ?? noZone, communes: [] });
    groups.get(code)!.communes.push(commune);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "fr");
  return [...groups.values()]
    .map((g) => ({ ...g, communes: g.communes.sort(byName) }))
    .sort((a, b) => (a.code === "none" ? 1 : b.code === "none" ? -1 : byName(a, b)));
}

/** On a wide screen, a near-square block for a few communes, at most 8 tiles wide for a whole département; a phone fits what its width allows. */
const columnsOf = (count: number) => Math.min(8, Math.ceil(Math.sqrt(count)));

function legendOf(measure: MapMeasure, t: ReturnType<typeof useText>["t"]): { level: string; sample: string; label: string }[] {
  const o = t.observatory;
  if (measure === "reach") {
    const reaches: CoverageReach[] = ["IN_COMMUNE", "IN_ZONE", "DEPARTEMENT", "NATIONAL_ONLY", "NONE"];
    return reaches.map((r) => ({ level: `reach-${r}`, sample: o.reachLetters[r], label: o.reaches[r] }));
  }
  return o.map.levels[measure].map((label, index) => ({ level: `level-${index}`, sample: "", label }));
}
