/** The gaps of a coverage, most inhabitants first, a page at a time from the API. */
import { useState } from "preact/hooks";
import type { NeedCode, SituationCode } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { useText } from "../i18n/text";
import { coverageGapsQuery } from "../observatory-queries";
import { Pager } from "./pager";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

export const gapsPageSize = 30;

export function GapsList({ departement, situation }: { departement: string; situation: SituationCode | null }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const [offset, setOffset] = useState(0);
  const { data, error } = useLoaded(
    // The page carries its own offset: the list numbers and the pager follow what is shown, not what is asked.
    () => request(coverageGapsQuery, { departement, situation, gapsOffset: offset, gapsLimit: gapsPageSize }).then((d) => ({ ...d.coverage, offset })),
    [departement, situation, offset],
  );
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  if (!data || error) return <SectionState error={error} />;
  return (
    <>
      <p>
        {o.gapsCount} <span data-figure="gaps-total">{number.format(data.gapsTotal)}</span>.
      </p>
      <ol class="gaps" start={data.offset + 1}>
        {data.gaps.map((g) => (
          <li key={`${g.communeCode} ${g.need}`}>
            <strong>
              {g.communeName} — {t.needs[g.need as NeedCode]}
            </strong>{" "}
            : {o.reaches[g.reach]}, {g.population.value != null ? `${number.format(g.population.value)} ${o.inhabitants}` : `${o.population} ${t.unknown}`}
            {g.explanation ? <span class="hint"> — {g.explanation}</span> : null}
          </li>
        ))}
      </ol>
      <Pager offset={data.offset} size={gapsPageSize} total={data.gapsTotal} onPage={setOffset} label={o.gapsPages} />
    </>
  );
}
