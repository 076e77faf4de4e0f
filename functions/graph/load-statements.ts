/** The Cypher of the dataset loader, one UNWIND statement per kind of record. */
import { actorLinkTypeValues } from "../../generated/enums";

const provenance = (v: string) => `${v}.source = row.source, ${v}.verifiedAt = date(row.verifiedAt), ${v}.unverified = row.unverified`;

export const mergeTerritories = `
UNWIND $rows AS row
MERGE (t:Territory {code: row.code})
SET t.name = row.name, t.level = row.level, t.source = row.source, t.searchName = row.searchName`;

export const mergeTerritoryParents = `
UNWIND $rows AS row
MATCH (t:Territory {code: row.code})
UNWIND row.partOf AS parentCode
MATCH (parent:Territory {code: parentCode})
MERGE (t)-[:PART_OF]->(parent)`;

/** Zones the sources name (an antenne's sector…), with the communes a source places in them. */
export const mergeZones = `
UNWIND $rows AS row
MATCH (parent:Territory {code: row.partOf})
MERGE (z:Territory {code: row.code})
SET z.name = row.name, z.level = 'ZONE', z.source = row.source, z.searchName = row.searchName
MERGE (z)-[:PART_OF]->(parent)
WITH z, row
OPTIONAL MATCH (old:Territory)-[r:PART_OF]->(z) WHERE NOT old.code IN row.communes
DELETE r
WITH DISTINCT z, row
UNWIND row.communes AS communeCode
MATCH (commune:Territory {code: communeCode})
MERGE (commune)-[:PART_OF]->(z)`;

export const mergeSources = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.ref = row.ref, s.title = row.title, s.publishedOn = CASE WHEN row.publishedOn IS NULL THEN null ELSE date(row.publishedOn) END,
    s.verifiedAt = date(row.verifiedAt), s.dateNote = row.dateNote, s.unverified = row.unverified`;

export const mergeNeeds = `
UNWIND $rows AS row
MERGE (n:Need {code: row.code})
SET n.label = row.label, n.routeOrder = row.routeOrder`;

export const mergeSituations = `
UNWIND $rows AS row
MERGE (s:Situation {code: row.code})
SET s.label = row.label
WITH s, row
OPTIONAL MATCH (s)-[old:TYPICALLY_NEEDS]->(n:Need) WHERE NOT n.code IN row.typicalNeeds
DELETE old
WITH DISTINCT s, row
UNWIND row.typicalNeeds AS needCode
MATCH (n:Need {code: needCode})
MERGE (s)-[:TYPICALLY_NEEDS]->(n)`;

export const mergeLocations = `
UNWIND $rows AS row
MERGE (l:Location {id: row.id})
SET l.name = row.name, l.address = row.address, l.postalCode = row.postalCode,
    l.latitude = row.latitude, l.longitude = row.longitude, l.confidential = row.confidential, l.hsdsId = row.hsdsId, l.publishedHsdsId = row.publishedHsdsId,
    ${provenance("l")}
WITH l, row
OPTIONAL MATCH (l)-[old:IN_COMMUNE]->(other:Territory) WHERE other.code <> row.commune
DELETE old
WITH DISTINCT l, row
MATCH (commune:Territory {code: row.commune})
MERGE (l)-[:IN_COMMUNE]->(commune)`;

export const mergeActors = `
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.aliases = row.aliases, a.aliasesText = row.aliasesText, a.kind = row.kind,
    a.description = row.description, a.departement = row.departement, a.siret = row.siret, a.rna = row.rna, a.hsdsId = row.hsdsId,
    a.publishedHsdsId = row.publishedHsdsId,
    ${provenance("a")}
WITH a, row
OPTIONAL MATCH (a)-[old:COVERS|BASED_AT]->(target)
  WHERE (type(old) = 'COVERS' AND NOT target.code IN row.covers) OR (type(old) = 'BASED_AT' AND target.id <> coalesce(row.basedAt, ''))
DELETE old
WITH DISTINCT a, row
CALL (a, row) {
  UNWIND row.covers AS code
  MATCH (t:Territory {code: code})
  MERGE (a)-[r:COVERS]->(t)
  SET ${provenance("r")}
}
CALL (a, row) {
  MATCH (l:Location {id: row.basedAt})
  MERGE (a)-[:BASED_AT]->(l)
}`;

/**
 * Contacts belong to their owner: matched through its HAS_CONTACT relationship by channel and value,
 * never by an id another record could share. Their id is random, so it carries no secret (a
 * referral-only number) and can serve as no filter oracle. The owner's contacts are read once: those
 * the record no longer lists are removed, those it keeps updated, the others created (MERGE would
 * search the owner's contacts again for each one).
 */
const mergeContacts = (label: "Actor" | "Service") => `
UNWIND $rows AS row
MATCH (owner:${label} {id: row.ownerId})
OPTIONAL MATCH (owner)-[:HAS_CONTACT]->(old:ContactPoint)
WITH owner, row, collect(old) AS held
WITH owner, row, held, [old IN held | [old.channel, old.value]] AS heldKeys
CALL (row, held) {
  UNWIND held AS old
  WITH old, [c IN row.contacts WHERE c.channel = old.channel AND c.value = old.value] AS listed
  CALL (old, listed) { WITH old WHERE size(listed) = 0 DETACH DELETE old }
  CALL (old, listed) {
    WITH old, listed[0] AS contact WHERE contact IS NOT NULL
    SET ${contactProperties("old")}
  }
}
CALL (owner, row, heldKeys) {
  UNWIND row.contacts AS contact
  WITH owner, contact WHERE NOT [contact.channel, contact.value] IN heldKeys
  CREATE (owner)-[:HAS_CONTACT]->(c:ContactPoint {id: randomUUID(), channel: contact.channel, value: contact.value})
  SET ${contactProperties("c")}
}`;

const contactProperties = (v: string) =>
  `${v}.label = contact.label, ${v}.free = contact.free, ${v}.referralOnly = contact.referralOnly,
    ${v}.source = contact.source, ${v}.verifiedAt = date(contact.verifiedAt), ${v}.unverified = contact.unverified`;

export const mergeActorContacts = mergeContacts("Actor");
export const mergeServiceContacts = mergeContacts("Service");

/**
 * The service's relations are read in one pass: those the record no longer lists are removed and only
 * the missing ones created, so that a new service costs no MERGE search of the needs, situations and
 * territories (each held by thousands of services) and an unchanged one writes nothing.
 * `servedAreaCodes` copies the codes of the areas it serves (functions/graph/served-area-codes.ts).
 */
export const mergeServices = `
UNWIND $rows AS row
MATCH (actor:Actor {id: row.actorId})
MERGE (s:Service {id: row.id})
SET s.name = row.name, s.kind = row.kind, s.description = row.description, s.audience = row.audience,
    s.access = row.access, s.gender = row.gender, s.minAge = row.minAge, s.maxAge = row.maxAge,
    s.children = row.children, s.residenceRequired = row.residenceRequired,
    s.referralRequired = row.referralRequired, s.referredBy = row.referredBy, s.languages = row.languages,
    s.accessibility = row.accessibility, s.cost = row.cost, s.actsTonight = row.actsTonight, s.hsdsId = row.hsdsId,
    s.publishedHsdsId = row.publishedHsdsId,
    ${provenance("s")}
MERGE (actor)-[:OFFERS]->(s)
WITH s, row
CALL (s, row) {
  OPTIONAL MATCH (s)-[old:HANDLES|ANSWERS|SERVES|AT]->(target)
  WITH row, old, type(old) AS type, coalesce(target.code, target.id) AS key
  WITH row, old, type + ' ' + key AS held,
       key IN CASE type WHEN 'HANDLES' THEN row.situations WHEN 'ANSWERS' THEN row.needs WHEN 'SERVES' THEN row.area ELSE row.at END AS listed
  WITH collect(held) AS held, collect(CASE WHEN NOT listed THEN old END) AS stale
  FOREACH (r IN stale | DELETE r)
  RETURN held
}
CALL (s, row, held) { UNWIND row.situations AS code WITH s, code WHERE NOT 'HANDLES ' + code IN held MATCH (x:Situation {code: code}) CREATE (s)-[:HANDLES]->(x) }
CALL (s, row, held) { UNWIND row.needs AS code WITH s, code WHERE NOT 'ANSWERS ' + code IN held MATCH (x:Need {code: code}) CREATE (s)-[:ANSWERS]->(x) }
CALL (s, row, held) { UNWIND row.area AS code WITH s, code WHERE NOT 'SERVES ' + code IN held MATCH (x:Territory {code: code}) CREATE (s)-[:SERVES]->(x) }
CALL (s, row, held) { UNWIND row.at AS id WITH s, id WHERE NOT 'AT ' + id IN held MATCH (x:Location {id: id}) CREATE (s)-[:AT]->(x) }
SET s.servedAreaCodes = COLLECT { MATCH (s)-[:SERVES]->(area) RETURN area.code }`;

/** A service's one optional child (its schedule, its capacity): replaced by the record's, or removed. */
const mergeServiceChild = (field: "schedule" | "capacity", relationship: string, label: string, set: string) => `
UNWIND $rows AS row
MATCH (s:Service {id: row.serviceId})
OPTIONAL MATCH (s)-[:${relationship}]->(old:${label})
WITH s, old, row.${field} AS child
CALL (old, child) { WITH old WHERE child IS NULL AND old IS NOT NULL DETACH DELETE old }
CALL (s, old, child) {
  WITH s, child WHERE child IS NOT NULL AND old IS NULL
  CREATE (s)-[:${relationship}]->(c:${label} {id: s.id + ':${field}'})
  SET ${set}, c.source = child.source, c.verifiedAt = date(child.verifiedAt), c.unverified = child.unverified
}
CALL (old, child) {
  WITH old AS c, child WHERE child IS NOT NULL AND old IS NOT NULL
  SET ${set}, c.source = child.source, c.verifiedAt = date(child.verifiedAt), c.unverified = child.unverified
}`;

export const mergeSchedules = mergeServiceChild(
  "schedule",
  "HAS_SCHEDULE",
  "Schedule",
  "c.openingHours = child.openingHours, c.description = child.description, c.timezone = 'Europe/Paris'",
);

export const mergeCapacities = mergeServiceChild(
  "capacity",
  "HAS_CAPACITY",
  "Capacity",
  `c.placesTotal = child.placesTotal, c.description = child.description,
      c.placesFree = coalesce(child.placesFree, c.placesFree),
      c.updatedAt = CASE WHEN child.placesFree IS NULL THEN c.updatedAt ELSE date(child.updatedAt) END`,
);

export const mergeConventions = `
UNWIND $rows AS row
MERGE (c:Convention {id: row.id})
SET c.name = row.name, c.signedOn = CASE WHEN row.signedOn IS NULL THEN null ELSE date(row.signedOn) END,
    c.description = row.description, ${provenance("c")}
WITH c, row
OPTIONAL MATCH (old:Actor)-[r:PARTY_TO]->(c) WHERE NOT old.id IN row.parties
DELETE r
WITH DISTINCT c, row
UNWIND row.parties AS party
MATCH (a:Actor {id: party})
MERGE (a)-[r:PARTY_TO]->(c)
SET ${provenance("r")}`;

/** Link types come from the schema's closed list, never from input, so they can be written into the query. */
export const mergeLinks: [type: string, statement: string][] = actorLinkTypeValues.map((type) => [
  type,
  `
UNWIND $rows AS row
MATCH (from:Actor {id: row.from})
OPTIONAL MATCH (actor:Actor {id: row.to})
OPTIONAL MATCH (service:Service {id: row.to})
WITH from, row, coalesce(actor, service) AS to
WHERE to IS NOT NULL
MERGE (from)-[r:${type}]->(to)
SET ${provenance("r")}, r.note = row.note`,
]);
