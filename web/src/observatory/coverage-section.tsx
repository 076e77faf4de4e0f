/**
 * Coverage: communes × needs, each cell coloured by reach and also lettered and patterned (colour is
 * never the only cue); a cell opens the services behind it or the gap's explanation.
 */
import { useState } from "preact/hooks";
import type { CoverageReach, SituationCode, WebCoverageQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { shownError } from "../api-error-message";
import { useText } from "../i18n/text";
import { coverageExportQuery, coverageQuery } from "../observatory-queries";
import { LoadedCellDetail } from "./cell-detail";
import { coverageCsv } from "./coverage-csv";
import { coveragePng } from "./coverage-png";
import { downloadBlob } from "./download-blob";
import { GapsList } from "./gaps-list";
import { InPageLink } from "./in-page-link";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

type Coverage = WebCoverageQuery["coverage"];
type Cell = Coverage["cells"][number];

const reaches: CoverageReach[] = ["IN_COMMUNE", "IN_ZONE", "DEPARTEMENT", "NATIONAL_ONLY", "NONE"];

export function CoverageSection({ departement }: { departement: string }) {
  const { t } = useText();
  const o = t.observatory;
  const [situation, setSituation] = useState<SituationCode | "">("");
  const [selected, setSelected] = useState<Cell>();
  const [exportError, setExportError] = useState<string>();
  const { data, error } = useLoaded(() => request(coverageQuery, { departement, situation: situation || null }).then((d) => d.coverage), [departement, situation]);
  const needs = data ? [...new Set(data.cells.map((c) => c.need))] : [];
  const communes = data?.communes ?? [];
  const selectedIndex = selected ? communes.findIndex((c) => c.code === selected.communeCode) : -1;
  const fileName = `couverture-${departement}${situation ? `-${situation}` : ""}`;
  const cellOf = new Map(data?.cells.map((c) => [`${c.communeCode} ${c.need}`, c]));
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{o.coverageTitle}</h2>
      <p>{o.coverageIntro}</p>
      <div class="field">
        <label for="coverage-situation">{o.situationFilter}</label>
        <select
          id="coverage-situation"
          value={situation}
          onChange={(e) => {
            setSituation(e.currentTarget.value as SituationCode | "");
            setSelected(undefined);
          }}
        >
          <option value="">{o.anySituation}</option>
          {Object.entries(t.situations).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <h3 id="coverage-legend-title">{o.legend}</h3>
      <ul class="reach-legend" aria-labelledby="coverage-legend-title">
        {reaches.map((r) => (
          <li key={r}>
            <span class={`reach reach-${r}`} aria-hidden="true">
              {o.reachLetters[r]}
            </span>{" "}
            {o.reaches[r]}
          </li>
        ))}
      </ul>
      {!data || error ? (
        <SectionState error={error} />
      ) : (
        <>
          <p class="actions">
            <button
              type="button"
              onClick={async () => {
                setExportError(undefined);
                try {
                  const { coverage } = await request(coverageExportQuery, { departement, situation: situation || null });
                  downloadBlob(new Blob([coverageCsv(coverage.cells, t)], { type: "text/csv;charset=utf-8" }), `${fileName}.csv`);
                } catch (failure) {
                  setExportError(shownError(failure, t).message);
                }
              }}
            >
              {o.exportCsv}
            </button>
            <button
              type="button"
              onClick={async () => downloadBlob(await coveragePng(data.cells, communes, `${o.coverageTitle} — ${o.departement} ${departement}${situation ? ` — ${t.situations[situation]}` : ""}`, t), `${fileName}.png`)}
            >
              {o.exportPng}
            </button>
          </p>
          {exportError ? (
            <p class="error" role="alert">
              {exportError}
            </p>
          ) : null}
          <p>
            <InPageLink to="gaps-title" class="skip-table">
              {o.skipTable}
            </InPageLink>
          </p>
          <div class="table-scroll" role="region" aria-labelledby="coverage-caption" tabIndex={0}>
            <table class="coverage">
              <caption id="coverage-caption">{o.coverageCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{o.commune}</th>
                  {needs.map((n) => (
                    <th key={n} scope="col">
                      {t.needs[n]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {communes.map(({ code, name }) => (
                  <tr key={code}>
                    <th scope="row">{name}</th>
                    {needs.map((need) => {
                      const cell = cellOf.get(`${code} ${need}`);
                      return <td key={need}>{cell ? <CellButton cell={cell} selected={cell === selected} onSelect={setSelected} /> : null}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div id="cell-detail" class="cell-detail" aria-live="polite">
            {selected ? (
              <LoadedCellDetail key={`${selected.communeCode} ${situation}`} departement={departement} situation={situation || null} communeIndex={selectedIndex} need={selected.need} />
            ) : (
              <p class="hint">{o.cellHint}</p>
            )}
          </div>
          <h3 id="gaps-title">{o.gapsTitle}</h3>
          <GapsList key={situation} departement={departement} situation={situation || null} />
          <p class="hint sources">
            {o.populationFrom} {data.populationSource} ({data.populationYear}). {o.reachFrom} {data.reachSource}
          </p>
        </>
      )}
    </section>
  );
}

function CellButton({ cell, selected, onSelect }: { cell: Cell; selected: boolean; onSelect: (cell: Cell) => void }) {
  const { t } = useText();
  const o = t.observatory;
  return (
    <button type="button" class={`reach reach-${cell.reach}`} aria-pressed={selected} aria-controls="cell-detail" data-cell={`${cell.communeCode} ${cell.need}`} onClick={() => onSelect(cell)}>
      <span aria-hidden="true">
        {o.reachLetters[cell.reach]} {cell.servicesInReach}
      </span>
      <span class="visually-hidden">
        {o.reaches[cell.reach]}, {cell.servicesInReach} {o.services}
      </span>
    </button>
  );
}
