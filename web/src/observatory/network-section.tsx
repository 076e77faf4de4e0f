/**
 * The partner network: the single points of failure, the isolated actors, and the relations of the
 * chosen type as a graph and, for the keyboard and screen readers, as a list of each actor's relations.
 */
import { useState } from "preact/hooks";
import type { NetworkRelationType, WebNetworkQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { useText } from "../i18n/text";
import { Link } from "../router";
import { networkQuery } from "../observatory-queries";
import { NetworkGraph } from "./network-graph";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

type Network = WebNetworkQuery["network"];

// An actor's services are not relations between partners: OFFERS is shown only when chosen.
const relationTypes: NetworkRelationType[] = ["FUNDS", "COORDINATES", "HOLDS_PERMANENCE_AT", "MEMBER_OF", "PARTY_TO", "REFERS_TO", "PART_OF", "OFFERS"];

export function NetworkSection({ departement }: { departement: string }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const { data, error } = useLoaded(() => request(networkQuery, { departement }).then((d) => d.network), [departement]);
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  const [relationType, setRelationType] = useState<NetworkRelationType | "">("");
  const shownRelations = (network: Network, actorId: string) =>
    network.relations.filter((r) => (relationType ? r.type === relationType : r.type !== "OFFERS") && (r.from === actorId || r.to === actorId));
  return (
    <section aria-labelledby="network-title">
      <h2 id="network-title">{o.networkTitle}</h2>
      {!data || error ? (
        <SectionState error={error} />
      ) : (
        <>
          <h3>{o.singlePointsTitle}</h3>
          {data.singlePointsOfFailure.length === 0 ? <p>{o.none}</p> : null}
          <ul class="single-points">
            {data.singlePointsOfFailure.map((s) => (
              <li key={`${s.actorId} ${s.need}`}>
                {s.statement} ({number.format(s.population)} {o.inhabitants})
              </li>
            ))}
          </ul>
          <h3>{o.isolatedTitle}</h3>
          {data.isolatedActors.length === 0 ? <p>{o.none}</p> : null}
          <ul class="isolated">
            {data.isolatedActors.map((id) => (
              <li key={id}>
                <Link href={`/acteur/${encodeURIComponent(id)}`}>{nameOf(data, id)}</Link>
              </li>
            ))}
          </ul>
          <h3 id="network-graph-title">{o.graph.title}</h3>
          <div class="field">
            <label for="relation-type">{o.relationFilter}</label>
            <select id="relation-type" value={relationType} onChange={(e) => setRelationType(e.currentTarget.value as NetworkRelationType | "")}>
              <option value="">{o.anyRelation}</option>
              {relationTypes.map((type) => (
                <option key={type} value={type}>
                  {o.relations[type]}
                </option>
              ))}
            </select>
          </div>
          <NetworkGraph network={data} relationType={relationType} />
          <h3 id="network-list-title">{o.actorsTitle}</h3>
          <ul class="network-actors">
            {data.nodes
              .filter((n) => n.nodeKind === "ACTOR" && (!relationType || shownRelations(data, n.id).length > 0))
              .sort((a, b) => a.name.localeCompare(b.name, "fr"))
              .map((actor) => (
                <ActorRelations key={actor.id} network={data} actorId={actor.id} relations={shownRelations(data, actor.id)} />
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ActorRelations({ network, actorId, relations }: { network: Network; actorId: string; relations: Network["relations"] }) {
  const { t } = useText();
  const o = t.observatory;
  return (
    <li data-actor={actorId}>
      <Link href={`/acteur/${encodeURIComponent(actorId)}`}>{nameOf(network, actorId)}</Link>
      {relations.length > 0 ? (
        <ul>
          {relations.map((r) => (
            <li key={`${r.type} ${r.from} ${r.to}`}>
              {r.from === actorId ? `${o.relations[r.type]} ${nameOf(network, r.to)}` : `${nameOf(network, r.from)} ${o.relations[r.type]} ${o.thisActor}`}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

const nameOf = (network: Network, id: string) => network.nodes.find((n) => n.id === id)?.name ?? id;
