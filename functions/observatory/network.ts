/**
 * `network(departement)`: the actors of a département and those they relate to, the services they
 * offer, typed relations with their sources, the actors with no relation, conventions and their
 * parties, and single points of failure: a need that only one actor answers for some communes short
 * of national services ("if X stops, these communes lose Y").
 */
import neo4j, { type Driver } from "neo4j-driver";
import { networkCypher } from "../../generated/cypher";
import type { CoverageReach, Network, NeedCode, NetworkNode, NetworkRelation, SinglePointOfFailure } from "../../generated/graphql";
import { areasOf, reachIn, type CoverageGraph } from "./coverage";
import { populationOf } from "./populations";

interface ConventionRow {
  id: string;
  name: string;
  source: string;
  signedOn: string | null;
  verifiedAt: string;
  parties: { id: string; source: string; verifiedAt: string }[];
}

const actorRelationTypes = new Set(["FUNDS", "COORDINATES", "HOLDS_PERMANENCE_AT", "MEMBER_OF", "REFERS_TO", "PART_OF"]);

export async function network(driver: Driver, departement: string, graph: CoverageGraph, timeout: number): Promise<Network> {
  const { records } = await driver.executeQuery(networkCypher, { departement }, { routing: neo4j.routing.READ, transactionConfig: { timeout } });
  const record = records[0];
  const actors = (record?.get("actors") ?? []) as { id: string; name: string; kind: string; departement: string | null }[];
  const services = (record?.get("services") ?? []) as { id: string; name: string; kind: string }[];
  const conventions = (record?.get("conventions") ?? []) as ConventionRow[];
  const relations: NetworkRelation[] = [
    ...((record?.get("relations") ?? []) as NetworkRelation[]),
    ...conventions.flatMap((c) => c.parties.map((p): NetworkRelation => ({ type: "PARTY_TO", from: p.id, to: c.id, source: p.source, verifiedAt: p.verifiedAt }))),
  ];
  const related = new Set(relations.filter((r) => actorRelationTypes.has(r.type) || r.type === "PARTY_TO").flatMap((r) => [r.from, r.to]));
  const actorNames = new Map(actors.map((a) => [a.id, a.name]));
  const nodes: NetworkNode[] = [
    ...actors.map((a) => ({ id: a.id, name: a.name, nodeKind: "ACTOR" as const, kind: a.kind, departement: a.departement })),
    ...services.map((s) => ({ id: s.id, name: s.name, nodeKind: "SERVICE" as const, kind: s.kind, departement: null })),
    ...conventions.map((c) => ({ id: c.id, name: c.name, nodeKind: "CONVENTION" as const, kind: null, departement: null })),
  ];
  return {
    departement,
    nodes,
    relations: relations.sort((a, b) => a.type.localeCompare(b.type) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    isolatedActors: actors.filter((a) => a.departement === departement && !related.has(a.id)).map((a) => a.id).sort(),
    singlePointsOfFailure: singlePointsOfFailure(graph, departement, (id) => actorNames.get(id) ?? id),
    conventions: conventions
      .map((c) => ({ id: c.id, name: c.name, signedOn: c.signedOn, parties: c.parties.map((p) => p.id).sort(), source: c.source }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** For each commune × need, the actors whose services answer short of national ones; one alone is a single point of failure. */
export function singlePointsOfFailure(graph: CoverageGraph, departement: string, nameOf: (actorId: string) => string): SinglePointOfFailure[] {
  const lost = new Map<string, { actorId: string; need: NeedCode; communes: string[] }>();
  // Each need's services and their areas once, not once per commune: the Pas-de-Calais' 887 communes
  // × 12 needs × its ~5 000 services took 2 s at France scale.
  const answeringOfNeed = graph.needs.map(({ code: need }) => {
    const audiences = need === "PERPETRATOR_FOLLOW_UP" ? ["PERPETRATORS"] : ["VICTIMS", "GENERAL_PUBLIC"];
    const answering = graph.services.filter((s) => s.kind !== "FAMILY_MEDIATION" && s.needs.includes(need) && audiences.includes(s.audience));
    return { need, answering: answering.map((s) => ({ areas: areasOf(s), providerIds: s.providerIds })) };
  });
  const local = new Set<CoverageReach>(["IN_COMMUNE", "IN_ZONE", "DEPARTEMENT"]);
  for (const commune of graph.communes) {
    for (const { need, answering } of answeringOfNeed) {
      const actors = new Set(answering.filter((s) => local.has(reachIn(s.areas, commune, departement))).flatMap((s) => s.providerIds));
      if (actors.size !== 1) continue;
      const [actorId] = actors as Set<string> & [string];
      const key = `${actorId}|${need}`;
      const entry = lost.get(key) ?? { actorId: actorId!, need, communes: [] };
      entry.communes.push(commune.code);
      lost.set(key, entry);
    }
  }
  return [...lost.values()]
    .map(({ actorId, need, communes }) => {
      const population = communes.reduce((sum, code) => sum + (populationOf(code) ?? 0), 0);
      const lostCommunes = new Set(communes);
      const names = graph.communes.filter((c) => lostCommunes.has(c.code)).map((c) => c.name);
      const shown = names.length > 5 ? `${names.slice(0, 5).join(", ")} et ${names.length - 5} autres` : names.join(", ");
      return {
        actorId,
        actorName: nameOf(actorId),
        need,
        communes: communes.sort(),
        population,
        statement: `Si ${nameOf(actorId)} s'arrête, ${names.length === 1 ? "la commune" : `ces ${names.length} communes`} (${shown}) ${names.length === 1 ? "perd sa" : "perdent leur"} seule réponse hors national pour « ${graph.needs.find((n) => n.code === need)?.label ?? need} ».`,
      };
    })
    .sort((a, b) => b.population - a.population || a.actorId.localeCompare(b.actorId) || a.need.localeCompare(b.need));
}
