/** The partner network as a list: each actor with its relations, the isolated actors and the single points of failure. */
import type { WebNetworkQuery } from "../../../generated/web-client/graphql";
import { request } from "../api";
import { useText } from "../i18n/text";
import { Link } from "../router";
import { networkQuery } from "../observatory-queries";
import { SectionState } from "./section-state";
import { useLoaded } from "./use-loaded";

type Network = WebNetworkQuery["network"];

export function NetworkSection({ departement }: { departement: string }) {
  const { t, locale } = useText();
  const o = t.observatory;
  const { data, error } = useLoaded(() => request(networkQuery, { departement }).then((d) => d.network), [departement]);
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
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
          <h3>{o.actorsTitle}</h3>
          <ul class="network-actors">
            {data.nodes
              .filter((n) => n.nodeKind === "ACTOR")
              .sort((a, b) => a.name.localeCompare(b.name, "fr"))
              .map((actor) => (
                <ActorRelations key={actor.id} network={data} actorId={actor.id} />
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ActorRelations({ network, actorId }: { network: Network; actorId: string }) {
  const { t } = useText();
  const o = t.observatory;
  const relations = network.relations.filter((r) => r.type !== "OFFERS" && (r.from === actorId || r.to === actorId));
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
