/** Facts to re-check, each with "Marquer vérifié" (markVerified, audited), and the campaign's progress. */
import { useState } from "preact/hooks";
import type { VerificationMethod, WebFreshnessQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { shownError } from "../api-error-message";
import { useText } from "../i18n/text";
import { formatDate } from "../paris-time";
import { freshnessQuery, markVerifiedMutation } from "../observatory-queries";
import { Pager } from "./pager";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

type Fact = WebFreshnessQuery["freshness"]["toCheck"][number];

const listed = 20;
const methods: VerificationMethod[] = ["CALL", "EMAIL", "VISIT", "PAGE"];

export function FreshnessSection({ departement }: { departement: string }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const [offset, setOffset] = useState(0);
  const { data, error, reload } = useLoaded(() => request(freshnessQuery, { departement, limit: listed, offset }).then((d) => d.freshness), [departement, offset]);
  const [status, setStatus] = useState("");
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 });
  async function markVerified(fact: Fact, method: VerificationMethod) {
    try {
      const { markVerified: mark } = await request(markVerifiedMutation, { input: { label: fact.label, id: fact.id, method } });
      setStatus(`« ${fact.about} » ${o.markedVerified} ${formatDate(mark.verifiedAt, locale)}.`);
      reload();
    } catch (failure) {
      setStatus(shownError(failure, t).message);
    }
  }
  return (
    <section aria-labelledby="freshness-title">
      <h2 id="freshness-title">{o.freshnessTitle}</h2>
      <p role="status" class="freshness-status">
        {status}
      </p>
      {!data || error ? (
        <SectionState error={error} />
      ) : (
        <>
          <p>
            {number.format(data.facts)} {o.facts}, {o.meanScore} {number.format(data.meanScore)}.
          </p>
          <p id="campaign-label">
            {o.campaignSince} {formatDate(data.campaign.since, locale)} : <span data-figure="done">{data.campaign.done}</span> {o.campaignDone},{" "}
            <span data-figure="to-do">{data.campaign.toDo}</span> {o.campaignToDo}.
          </p>
          <progress aria-labelledby="campaign-label" value={data.campaign.done} max={Math.max(1, data.campaign.done + data.campaign.toDo)} />
          <h3>{o.toCheckTitle}</h3>
          {data.toCheck.length === 0 ? <p>{o.nothingToCheck}</p> : null}
          <ul class="to-check">
            {data.toCheck.map((fact, index) => (
              <FactToCheck key={`${fact.label} ${fact.id}`} fact={fact} index={index} onMark={markVerified} />
            ))}
          </ul>
          <Pager offset={offset} size={listed} total={data.campaign.toDo} onPage={setOffset} label={o.factsPages} />
        </>
      )}
    </section>
  );
}

function FactToCheck({ fact, index, onMark }: { fact: Fact; index: number; onMark: (fact: Fact, method: VerificationMethod) => Promise<void> }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const [method, setMethod] = useState<VerificationMethod>("CALL");
  const [busy, setBusy] = useState(false);
  const selectId = `method-${index}`;
  return (
    <li class="fact" data-fact={`${fact.label} ${fact.id}`}>
      <p>
        <strong>{fact.about}</strong> <span class="tag perpetrator">{o.factLabels[fact.label]}</span>
        {fact.unverified ? <span class="recheck"> — {o.flaggedUnverified}</span> : null}
      </p>
      <p class="verified">
        {o.verifiedOn} {formatDate(fact.verifiedAt, locale)} ({Math.floor(fact.ageMonths)} {o.months}), {fact.source}
      </p>
      <form
        class="inline"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          await onMark(fact, method);
          setBusy(false);
        }}
      >
        <label for={selectId}>{o.method}</label>
        <select id={selectId} class="method" value={method} onChange={(e) => setMethod(e.currentTarget.value as VerificationMethod)}>
          {methods.map((m) => (
            <option key={m} value={m}>
              {o.methods[m]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy}>
          {o.markVerified}
        </button>
      </form>
    </li>
  );
}
