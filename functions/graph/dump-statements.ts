/**
 * The Cypher that reads the graph back as dataset records, one statement per kind of record: all of
 * them, or (scoped) those `$ids` names, found through their unique index only, so that reading a few
 * records costs no scan of a large graph. Lists are sorted so that two reads of the same graph give
 * the same text.
 */
import { actorLinkTypeValues } from "../../generated/enums";

/** A statement reading all records, or (scoped) those of `$ids`. */
type DumpStatement = (scoped: boolean) => string;

/** All nodes of a label, or those `$ids` names, by index seek. */
const nodes = (scoped: boolean, v: string, label: string, key = "id") =>
  scoped ? `UNWIND $ids AS id MATCH (${v}:${label} {${key}: id})` : `MATCH (${v}:${label})`;

const provenance = (v: string) => `source: ${v}.source, verifiedAt: toString(${v}.verifiedAt), unverified: ${v}.unverified`;

const contacts = (owner: string) => `
  contacts: COLLECT {
    MATCH (${owner})-[:HAS_CONTACT]->(c:ContactPoint)
    WITH c ORDER BY c.channel, c.value
    RETURN c {.channel, .value, .label, .free, .referralOnly, ${provenance("c")}}
  }`;

export const dumpSources: DumpStatement = (scoped) => `
${nodes(scoped, "s", "Source")}
RETURN s {.id, .ref, .title, publishedOn: toString(s.publishedOn), verifiedAt: toString(s.verifiedAt), .dateNote, .unverified} AS record
ORDER BY s.id`;

/** Zones from the dataset, not the référentiel's établissements publics territoriaux. */
export const dumpZones: DumpStatement = (scoped) => `
${nodes(scoped, "z", "Territory", "code")}
WITH z WHERE z.level = 'ZONE' AND z.source <> $territorySource
RETURN z {.code, .name, .source,
  partOf: head(COLLECT { MATCH (z)-[:PART_OF]->(p:Territory) RETURN p.code ORDER BY p.code }),
  communes: COLLECT { MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(z) RETURN c.code ORDER BY c.code }
} AS record
ORDER BY z.code`;

export const dumpLocations: DumpStatement = (scoped) => `
${nodes(scoped, "l", "Location")}
RETURN l {.id, .name, .address, .postalCode, .latitude, .longitude, .confidential, .hsdsId, ${provenance("l")},
  commune: head(COLLECT { MATCH (l)-[:IN_COMMUNE]->(t:Territory) RETURN t.code })
} AS record
ORDER BY l.id`;

export const dumpActors: DumpStatement = (scoped) => `
${nodes(scoped, "a", "Actor")}
RETURN a {.id, .name, .aliases, .kind, .description, .departement, .siret, .rna, .hsdsId, ${provenance("a")},
  covers: COLLECT { MATCH (a)-[:COVERS]->(t:Territory) RETURN t.code ORDER BY t.code },
  basedAt: head(COLLECT { MATCH (a)-[:BASED_AT]->(l:Location) RETURN l.id }),
  ${contacts("a")}
} AS record
ORDER BY a.id`;

export const dumpServices: DumpStatement = (scoped) => `
${nodes(scoped, "s", "Service")}
MATCH (actor:Actor)-[:OFFERS]->(s)
RETURN s {.id, .name, .kind, .description, .audience, .access, .languages, .accessibility, .cost, .actsTonight, .hsdsId,
  .gender, .minAge, .maxAge, .children, .residenceRequired, .referralRequired, .referredBy, ${provenance("s")},
  actorId: actor.id,
  situations: COLLECT { MATCH (s)-[:HANDLES]->(x:Situation) RETURN x.code ORDER BY x.code },
  needs: COLLECT { MATCH (s)-[:ANSWERS]->(x:Need) RETURN x.code ORDER BY x.code },
  area: COLLECT { MATCH (s)-[:SERVES]->(x:Territory) RETURN x.code ORDER BY x.code },
  at: COLLECT { MATCH (s)-[:AT]->(x:Location) RETURN x.id ORDER BY x.id },
  ${contacts("s")},
  schedule: head(COLLECT { MATCH (s)-[:HAS_SCHEDULE]->(h:Schedule) RETURN h {.openingHours, .description, ${provenance("h")}} }),
  capacity: head(COLLECT {
    MATCH (s)-[:HAS_CAPACITY]->(c:Capacity)
    RETURN c {.placesTotal, .placesFree, updatedAt: toString(c.updatedAt), .description, ${provenance("c")}}
  })
} AS record
ORDER BY actor.id, s.id`;

export const dumpConventions: DumpStatement = (scoped) => `
${nodes(scoped, "c", "Convention")}
RETURN c {.id, .name, signedOn: toString(c.signedOn), .description, ${provenance("c")},
  parties: COLLECT { MATCH (a:Actor)-[:PARTY_TO]->(c) RETURN a.id ORDER BY a.id }
} AS record
ORDER BY c.id`;

/** Links of the closed list of types, from the actors `$ids` names (all when null). */
export const dumpLinks: DumpStatement = (scoped) => `
${nodes(scoped, "from", "Actor")}
MATCH (from)-[r:${actorLinkTypeValues.join("|")}]->(to)
RETURN {from: from.id, type: type(r), to: to.id, note: r.note, ${provenance("r")}} AS record
ORDER BY from.id, type(r), to.id`;
