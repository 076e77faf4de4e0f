/**
 * What HSDS 3 has no field for (an actor's kind, a service's needs, audience, area…) travels as
 * attributes whose taxonomy term belongs to the "parcours" taxonomy, coded "<facet>:<value>"
 * ("need:LEGAL_ADVICE", "area:92"). Ids Parcours mints for HSDS are UUIDs derived from its own ids,
 * so that two exports of the same graph agree.
 */
import { v5 as uuidv5 } from "uuid";

export const parcoursTaxonomy = "parcours";

export const facets = [
  "actor-kind",
  "departement",
  "covers",
  "service-kind",
  "audience",
  "need",
  "situation",
  "access",
  "area",
  "gender",
  "children",
  "residence-required",
  "referral-required",
  "cost",
  "acts-tonight",
  "commune",
] as const;
export type Facet = (typeof facets)[number];

const parcoursNamespace = uuidv5("https://github.com/parcours/hsds", uuidv5.URL);

/** The UUID an HSDS document gives a Parcours record that has no HSDS id of its own. */
export function hsdsUuid(kind: string, id: string): string {
  return uuidv5(`${kind}:${id}`, parcoursNamespace);
}

/**
 * The id Parcours' HSDS export gives a record: the HSDS id it was imported under, else the UUID minted
 * from its id. Stored on the record (`publishedHsdsId`), so that a file sent back finds it by an index.
 */
export function publishedHsdsId(kind: string, record: { id?: unknown; hsdsId?: unknown }): string {
  return (record.hsdsId as string | null | undefined) ?? hsdsUuid(kind, record.id as string);
}

/** The Parcours id of a record an HSDS directory published: its HSDS id, as a kebab-case id. */
export function parcoursIdOf(hsdsId: unknown): unknown {
  if (typeof hsdsId !== "string") return hsdsId;
  const slug = hsdsId.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `hsds-${slug}`;
}

export interface HsdsAttribute {
  id: string;
  taxonomy_term: { id: string; code: string; name: string; description: string; taxonomy: string };
}

/** A UUID costs a SHA-1, and an export repeats the same few codes on every service. */
const attributeIds = new Map<string, [attributeId: string, termId: string]>();
const MAX_REMEMBERED = 10_000;

export function attribute(facet: Facet, value: string, label = value): HsdsAttribute {
  const code = `${facet}:${value}`;
  let ids = attributeIds.get(code);
  if (ids === undefined) {
    ids = [hsdsUuid("attribute", code), hsdsUuid("taxonomy-term", code)];
    if (attributeIds.size >= MAX_REMEMBERED) attributeIds.clear();
    attributeIds.set(code, ids);
  }
  const [id, termId] = ids;
  return { id, taxonomy_term: { id: termId, code, name: label, description: label, taxonomy: parcoursTaxonomy } };
}

/** The values of one facet among a record's attributes; attributes of other taxonomies are ignored. */
export function facetValues(attributes: unknown, facet: Facet): string[] {
  if (!Array.isArray(attributes)) return [];
  const prefix = `${facet}:`;
  return attributes
    .map((a) => (a as { taxonomy_term?: { taxonomy?: unknown; code?: unknown } } | null)?.taxonomy_term)
    .filter((term) => term?.taxonomy === parcoursTaxonomy && typeof term.code === "string" && term.code.startsWith(prefix))
    .map((term) => (term!.code as string).slice(prefix.length));
}

/** The terms of other taxonomies than "parcours" among a record's attributes: what the directory mapping reads. */
export function foreignTerms(attributes: unknown): { taxonomy: string; code: string; name: string | undefined }[] {
  if (!Array.isArray(attributes)) return [];
  return attributes
    .map((a) => (a as { taxonomy_term?: { taxonomy?: unknown; taxonomy_detail?: { name?: unknown }; code?: unknown; name?: unknown } } | null)?.taxonomy_term)
    .filter((term) => term !== undefined && term !== null && term.taxonomy !== parcoursTaxonomy && typeof term.code === "string")
    .map((term) => ({
      taxonomy: String(term!.taxonomy ?? term!.taxonomy_detail?.name ?? ""),
      code: term!.code as string,
      name: typeof term!.name === "string" ? term!.name : undefined,
    }));
}
