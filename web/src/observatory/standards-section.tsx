/** The Council of Europe minimum standards: needed, present and the gap, "inconnu" when the graph does not know. */
import { request } from "../api";
import { useText } from "../i18n/text";
import { standardsQuery } from "../observatory-queries";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

export function StandardsSection({ departement }: { departement: string }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const { data, error } = useLoaded(() => request(standardsQuery, { departement }).then((d) => d.standards), [departement]);
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  const orUnknown = (value: number | null | undefined) => (value != null ? number.format(value) : t.unknown);
  return (
    <section aria-labelledby="standards-title">
      <h2 id="standards-title">{o.standardsTitle}</h2>
      {!data || error ? (
        <SectionState error={error} />
      ) : (
        <>
          <p>
            {o.departementPopulation} {number.format(data.population)} {o.inhabitants} ({data.populationYear}).
          </p>
          <div class="table-scroll" role="region" aria-labelledby="standards-caption" tabIndex={0}>
            <table class="standards">
              <caption id="standards-caption">{o.standardsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{o.standard}</th>
                  <th scope="col">{o.needed}</th>
                  <th scope="col">{o.present}</th>
                  <th scope="col">{o.gap}</th>
                  <th scope="col">{o.population}</th>
                  <th scope="col">{o.sources}</th>
                </tr>
              </thead>
              <tbody>
                {data.measures.map((m) => (
                  <tr key={m.key} data-standard={m.key}>
                    <th scope="row">{m.label}</th>
                    <td data-figure="needed">{number.format(m.needed)}</td>
                    <td data-figure="present">
                      {orUnknown(m.present)}
                      {m.present == null && m.presentAtLeast != null ? ` (${o.atLeast} ${number.format(m.presentAtLeast)})` : null}
                    </td>
                    <td data-figure="gap">{orUnknown(m.gap)}</td>
                    <td>
                      {number.format(m.population)} ({m.populationYear})
                    </td>
                    <td class="sources">
                      {m.counted} {o.standardFrom} {m.standardSource}. {o.populationFrom} {m.populationSource}.
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
