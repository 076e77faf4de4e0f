/** The records foreign feeds brought "à qualifier" (issue 17): what each lacks, and the id a qualifying import must use. */
import { request } from "../api";
import { useText } from "../i18n/text";
import { formatDate } from "../paris-time";
import { recordsToQualifyQuery } from "../observatory-queries";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

const listed = 100;

export function ToQualifySection() {
  const { t, locale } = useText();
  const o = t.observatory;
  const { data, error } = useLoaded(() => request(recordsToQualifyQuery, { limit: listed }).then((d) => d.recordsToQualify), []);
  return (
    <section aria-labelledby="toQualify-title">
      <h2 id="toQualify-title">{o.toQualifyTitle}</h2>
      <p>{o.toQualifyIntro}</p>
      {!data || error ? (
        <SectionState error={error} />
      ) : data.length === 0 ? (
        <p>{o.toQualifyNone}</p>
      ) : (
        <>
          <p>
            {data.length} {o.toQualifyShown}
          </p>
          <ul class="to-qualify">
            {data.map((record) => (
              <li key={record.id} data-record={record.id}>
                <p>
                  <strong>{record.name}</strong> <span class="tag">{o.recordKinds[record.recordKind] ?? record.recordKind}</span>
                  {record.actorId ? (
                    <span>
                      {" "}
                      {o.toQualifyOfferedBy} <code>{record.actorId}</code>
                    </span>
                  ) : null}
                </p>
                {record.description ? <p>{record.description}</p> : null}
                <p class="missing">
                  {o.toQualifyMissing} {record.missing.join(", ")}
                </p>
                {record.terms.length > 0 ? (
                  <p>
                    {o.toQualifyTerms} {record.terms.join(" ; ")}
                  </p>
                ) : null}
                {record.areas.length > 0 ? (
                  <p>
                    {o.toQualifyAreas} {record.areas.join(", ")}
                  </p>
                ) : null}
                <p>
                  {o.toQualifyIdToUse} <code>{record.id}</code>
                </p>
                <p class="verified">
                  {o.toQualifyFrom} {record.source}, {formatDate(record.verifiedAt, locale)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
