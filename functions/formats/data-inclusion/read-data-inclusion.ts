/**
 * A data·inclusion file — `{ structures, services }` in the schema's v1 — read as the HSDS
 * organizations it describes, so that it goes through the same reading as HSDS (./read-hsds.ts):
 * the reviewed mapping for its thématiques and zones, "à qualifier" for what it leaves unknown, the
 * feed's `date_maj` as the date its facts hold. The address of a structure or service the graph
 * already holds is not read: data·inclusion has no id for a place, so it could not say which one.
 */
import type { HsdsRecordKind } from "../hsds/read-hsds";
import { dataInclusionTaxonomy } from "../../domain/directory-mapping";
import { NATIONAL } from "../../domain/territories";

type Json = Record<string, unknown>;

export function looksLikeDataInclusion(raw: unknown): boolean {
  return raw !== null && typeof raw === "object" && !Array.isArray(raw) && Array.isArray((raw as Json).structures) && Array.isArray((raw as Json).services);
}

/** The HSDS organizations of a data·inclusion file; `known` says which ids the graph already holds. */
export function hsdsOfDataInclusion(raw: Json, known: (kind: HsdsRecordKind, id: unknown) => boolean): Json[] {
  const servicesOf = new Map<unknown, Json[]>();
  for (const service of raw.services as Json[]) servicesOf.set(service.structure_id, [...(servicesOf.get(service.structure_id) ?? []), service]);
  return (raw.structures as Json[]).map((structure) => {
    const place = known("actor", structure.id) ? null : location(structure, `${String(structure.id)}--lieu`);
    return {
      id: structure.id,
      name: structure.nom,
      description: structure.description ?? "",
      ...(structure.courriel ? { email: structure.courriel } : {}),
      ...(structure.site_web ? { website: structure.site_web } : {}),
      phones: phones(structure.telephone),
      organization_identifiers: typeof structure.siret === "string" && structure.siret !== "" ? [{ identifier_scheme: "FR-SIRET", identifier: structure.siret }] : [],
      locations: place ? [place] : [],
      attributes: [],
      services: (servicesOf.get(structure.id) ?? []).map((service) => {
        const at = known("service", service.id) ? null : location(service, `${String(service.id)}--lieu`);
        return {
          id: service.id,
          name: service.nom,
          description: service.description,
          status: "active",
          ...(service.lien_source ? { url: service.lien_source } : {}),
          ...(service.courriel ? { email: service.courriel } : {}),
          assured_date: service.date_maj,
          phones: phones(service.telephone),
          attributes: ((service.thematiques as string[] | null) ?? []).map((code) => ({ taxonomy_term: { code, name: code, taxonomy: dataInclusionTaxonomy } })),
          service_areas: ((service.zone_eligibilite as string[] | null) ?? []).map((code) => ({ name: code === "france" ? NATIONAL : code })),
          service_at_locations: at ? [{ location: at }] : [],
        };
      }),
    };
  });
}

/** Dataset fields as a data·inclusion file names them, for problems to name what it says. */
const dataInclusionFields: Record<string, string> = {
  id: "id",
  name: "nom",
  description: "description",
  siret: "siret",
  value: "telephone, courriel, site_web or lien_source",
  area: "zone_eligibilite",
  needs: "thematiques",
  address: "adresse",
  postalCode: "code_postal",
  commune: "code_insee / code_postal",
  latitude: "latitude",
  longitude: "longitude",
};

/**
 * Where the records read from a data·inclusion file are in it, for a problem to give the file's own
 * record — its section, index and id — its field and its line: the organization `i` of
 * hsdsOfDataInclusion is the structure `i`, its service `j` the structure's `j`-th in `services`.
 */
export function dataInclusionPlaces(raw: Json) {
  const structures = raw.structures as Json[];
  const services = raw.services as Json[];
  const servicesOf = new Map<unknown, number[]>();
  services.forEach((service, k) => servicesOf.set(service.structure_id, [...(servicesOf.get(service.structure_id) ?? []), k]));
  const pathOf = (hsdsPath: PropertyKey[]): PropertyKey[] => {
    const [i, section, j] = hsdsPath;
    if (typeof i !== "number") return [];
    const k = section === "services" && typeof j === "number" ? servicesOf.get(structures[i]?.id)?.[j] : undefined;
    return k === undefined ? ["structures", i] : ["services", k];
  };
  return {
    pathOf,
    recordOf: (hsdsPath: PropertyKey[]): string | undefined => {
      const [section, index] = pathOf(hsdsPath);
      if (typeof index !== "number") return undefined;
      return `${String(section)}[${index}]: ${String((section === "services" ? services : structures)[index]?.id)}`;
    },
    fieldOf: (datasetPath: PropertyKey[]): string | undefined => {
      const named = [...datasetPath].reverse().find((key) => typeof key === "string");
      return typeof named === "string" ? dataInclusionFields[named] : undefined;
    },
  };
}

function phones(number: unknown): Json[] {
  return typeof number === "string" && number !== "" ? [{ number, type: "voice" }] : [];
}

/** A structure's or service's address as an HSDS location, when it gives one. */
function location(record: Json, id: string): Json | null {
  if (!record.code_insee && !record.code_postal) return null;
  return {
    id,
    name: record.nom,
    ...(typeof record.latitude === "number" ? { latitude: record.latitude } : {}),
    ...(typeof record.longitude === "number" ? { longitude: record.longitude } : {}),
    addresses: [{ address_1: record.adresse ?? "", postal_code: record.code_postal ?? "", city: record.commune ?? "" }],
    attributes: record.code_insee ? [{ taxonomy_term: { code: `commune:${String(record.code_insee)}`, taxonomy: "parcours" } }] : [],
  };
}
