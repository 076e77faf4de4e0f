/**
 * A France-sized graph that is plainly synthetic, to measure how the route and the observatory scale:
 * every current commune of France, its département and its EPCI/EPT (real INSEE geography from
 * @etalab/decoupage-administratif), and invented actors and services in a plausible mix — a police
 * station per ~20 000 inhabitants, a town hall social service per commune, the EPCI's services,
 * associations, hospital units and shelters per département, national lines. Every invented name
 * starts with "[synthétique]", every source says "synthétique", every phone number is a fake one
 * (0 999 …) except the emergency numbers of the national lines. It lives in its own Neo4j instance
 * (its own port and data folder: never the development, test or bench database) and nothing exports it.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { parse } from "yaml";
import { readFile } from "node:fs/promises";
import { NATIONAL, searchableName, territorySource } from "../functions/domain/territories";
import { ensureGraphSchema } from "../functions/graph/graph-schema";
import { setMissingPublishedHsdsIds } from "../functions/graph/published-hsds-ids";
import { childEmergencyNumber, emergencyNumbers } from "../functions/routes/emergency-numbers";
import type { ActorKind } from "../generated/graphql";
import { createDriver } from "../functions/graph/driver";
import { startNeo4j, stopNeo4j, type Neo4jInstance } from "./neo4j-process";
import { seedDir } from "./seed-files";

/** Where a synthetic graph lives: France on SYNTH_NEO4J_PORT, the Hauts-de-Seine alone on SYNTH_92_NEO4J_PORT (default: the next port). */
export type SyntheticScale = "france" | "92";
export const syntheticScales: Record<SyntheticScale, readonly string[] | undefined> = { france: undefined, "92": ["92"] };

export function syntheticInstance(scale: SyntheticScale): Neo4jInstance {
  const port = Number(process.env.SYNTH_NEO4J_PORT ?? 7690);
  return {
    port: scale === "france" ? port : Number(process.env.SYNTH_92_NEO4J_PORT ?? port + 1),
    dataDir: join(import.meta.dirname, "..", ".data", `neo4j-synth-${scale}`),
    user: "neo4j",
    password: "parcours-synthetic",
  };
}

/**
 * Starts (or reuses) the synthetic graph of a scale for a benchmark, with the indexes of this version
 * (the API refuses a graph that lacks one, and the graph may have been built before it was added);
 * null, stopped again, when none was built.
 */
export async function startSyntheticGraph(scale: SyntheticScale): Promise<{ instance: Neo4jInstance; uri: string; stop: () => Promise<void> } | null> {
  const instance = syntheticInstance(scale);
  const started = await startNeo4j(instance);
  const stop = async () => {
    if (!started.reused) await stopNeo4j(instance);
  };
  const driver = createDriver({ uri: started.uri, user: instance.user, password: instance.password });
  try {
    const { records } = await driver.executeQuery("MATCH (g:SyntheticGraph {scale: $scale}) RETURN count(g) AS marked", { scale });
    if (records[0]!.get("marked") === 0) {
      console.log(`No synthetic graph at scale ${scale}: run \`npm run synth -- --scale ${scale}\` first`);
      await stop();
      return null;
    }
    await ensureGraphSchema(driver);
  } finally {
    await driver.close();
  }
  return { instance, uri: started.uri, stop };
}

const SOURCE = "synthétique : npm run synth -- --scale france (aucune donnée réelle)";
const MARK = "[synthétique]";
const BATCH = 5_000;

interface EtalabCommune {
  code: string;
  nom: string;
  departement?: string;
  type: string;
  population?: number;
}
interface EtalabDepartement {
  code: string;
  nom: string;
  zone: string;
}
interface EtalabGroup {
  code: string;
  nom: string;
  membres: { code: string }[];
}

const require = createRequire(import.meta.url);
const load = <T>(file: string): T => require(`@etalab/decoupage-administratif/data/${file}.json`) as T;

/** A small deterministic generator: the same graph on every run. */
function randomOf(seed: number) {
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return {
    next,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

interface TerritoryRow {
  code: string;
  name: string;
  level: "NATIONAL" | "DEPARTEMENT" | "ZONE" | "COMMUNE";
  partOf: string[];
}
interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  /** null for the national lines, which have no place a caller could go to. */
  communeCode: string | null;
  /** null for the national lines, as for the national actors of seed/. */
  departement: string | null;
  confidential: boolean;
  links: { type: "MEMBER_OF" | "REFERS_TO"; to: string }[];
}
interface ServiceRow {
  id: string;
  actorId: string;
  name: string;
  kind: string;
  audience: string;
  gender: string;
  children: string | null;
  minAge: number | null;
  maxAge: number | null;
  referralRequired: boolean;
  languages: string[];
  actsTonight: boolean;
  areas: string[];
  needs: string[];
  situations: string[];
  openingHours: string;
  capacity: { placesTotal: number; placesFree: number } | null;
  phone: string;
  channel: "PHONE" | "SMS";
}

const officeHours = ["Mo-Fr 09:00-17:00", "Mo-Fr 08:30-12:00,13:30-17:00", "Mo,Tu,Th,Fr 09:00-12:30", "Tu,Th 14:00-18:00", "We 09:00-12:00; Sa 10:00-12:00"];
const violence = ["INTIMATE_PARTNER_VIOLENCE", "SEXUAL_VIOLENCE", "INTRAFAMILY_VIOLENCE", "CHILD_EXPOSURE", "HARASSMENT", "SEXUAL_EXPLOITATION", "FORCED_MARRIAGE", "FGM"];

/** What an association of each kind offers: kind, needs, audience. */
const associationOffers = [
  { kind: "WELCOME_CENTRE", needs: ["LISTENING", "PSYCHOLOGICAL", "LEGAL_ADVICE"], audience: "VICTIMS" },
  { kind: "LEGAL_PERMANENCE", needs: ["LEGAL_ADVICE"], audience: "VICTIMS" },
  { kind: "EMERGENCY_VICTIM_SUPPORT", needs: ["PSYCHOLOGICAL", "LEGAL_ADVICE", "IMMEDIATE_SAFETY"], audience: "VICTIMS" },
  { kind: "VICTIMOLOGY_CONSULTATION", needs: ["PSYCHOLOGICAL"], audience: "VICTIMS" },
  { kind: "SOCIAL_WORKER_PERMANENCE", needs: ["SOCIAL_SUPPORT", "LISTENING"], audience: "VICTIMS" },
  { kind: "EMPLOYMENT_SUPPORT", needs: ["EMPLOYMENT"], audience: "GENERAL_PUBLIC" },
  { kind: "PREVENTION", needs: [], audience: "GENERAL_PUBLIC" },
  { kind: "PERPETRATOR_PROGRAMME", needs: ["PERPETRATOR_FOLLOW_UP"], audience: "PERPETRATORS" },
] as const;

export interface SyntheticFrance {
  territories: TerritoryRow[];
  actors: ActorRow[];
  services: ServiceRow[];
}

/**
 * The synthetic graph as rows, before it is written: France's, or only some départements' (and the
 * national lines). Each département draws from its own generator and numbers its own records, so
 * that a département is the same, ids included, whether it is generated alone or with all the others.
 */
export function syntheticFrance(only?: readonly string[]): SyntheticFrance {
  let random = randomOf(2026);
  const allDepartements = load<EtalabDepartement[]>("departements").filter((d) => d.zone === "metro" || d.zone === "drom");
  const allCodes = new Set(allDepartements.map((d) => d.code));
  const allCommunes = load<EtalabCommune[]>("communes").filter((c) => c.type === "commune-actuelle" && c.departement && allCodes.has(c.departement));
  const departementOfCommune = new Map(allCommunes.map((c) => [c.code, c.departement!]));
  // A zone belongs to the département of its first member, and its services with it; a zone may
  // reach into other départements (the Métropole du Grand Paris).
  const allZones: (TerritoryRow & { members: string[] })[] = [];
  for (const group of [...load<EtalabGroup[]>("epci"), ...load<EtalabGroup[]>("ept")]) {
    const members = group.membres.map((m) => m.code).filter((code) => departementOfCommune.has(code));
    if (members.length > 0) allZones.push({ code: group.code, name: group.nom, level: "ZONE", partOf: [departementOfCommune.get(members[0]!)!], members });
  }
  // Some départements only: with those that own a zone of their communes and those whose communes
  // are in their zones (the EPT Boucle Nord de Seine, of the 92, holds Argenteuil, of the 95), so that
  // a route in them considers exactly what it considers in the France-sized graph.
  const wanted =
    only &&
    new Set([
      ...only,
      ...allZones.filter((z) => z.members.some((m) => only.includes(departementOfCommune.get(m)!))).map((z) => z.partOf[0]!),
      ...allZones.filter((z) => only.includes(z.partOf[0]!)).flatMap((z) => z.members.map((m) => departementOfCommune.get(m)!)),
    ]);
  const departements = allDepartements.filter((d) => !wanted || wanted.has(d.code));
  const included = new Set(departements.map((d) => d.code));
  const communes = allCommunes.filter((c) => included.has(c.departement!));
  const zones: TerritoryRow[] = allZones.filter((z) => included.has(z.partOf[0]!)).map(({ members: _members, ...zone }) => zone);
  const zonesOfCommune = new Map<string, string[]>();
  for (const zone of allZones.filter((z) => included.has(z.partOf[0]!))) {
    for (const member of zone.members) zonesOfCommune.set(member, [...(zonesOfCommune.get(member) ?? []), zone.code]);
  }
  const territories: TerritoryRow[] = [
    { code: NATIONAL, name: "France", level: "NATIONAL", partOf: [] },
    ...departements.map((d) => ({ code: d.code, name: d.nom, level: "DEPARTEMENT" as const, partOf: [NATIONAL] })),
    ...zones,
    ...communes.map((c) => ({ code: c.code, name: c.nom, level: "COMMUNE" as const, partOf: [c.departement!, ...(zonesOfCommune.get(c.code) ?? [])] })),
  ];

  const actors: ActorRow[] = [];
  const services: ServiceRow[] = [];
  let prefix = "FR";
  let actorCount = 0;
  let serviceCount = 0;
  const phone = () => `0 999 ${prefix.padStart(3, "0")} ${String(serviceCount).padStart(5, "0")}`;
  const actor = (name: string, kind: ActorKind, communeCode: string | null, confidential = false, links: ActorRow["links"] = []) => {
    const row = { id: `synth-${prefix}-actor-${++actorCount}`, name: `${MARK} ${name}`, kind, communeCode, departement: prefix === "FR" ? null : prefix, confidential, links };
    actors.push(row);
    return row;
  };
  const service = (of: ActorRow, fields: Partial<ServiceRow> & Pick<ServiceRow, "name" | "kind" | "areas" | "needs">) => {
    const row: ServiceRow = {
      id: `synth-${prefix}-service-${++serviceCount}`,
      actorId: of.id,
      audience: "VICTIMS",
      gender: random.chance(0.3) ? "WOMEN" : "ANY",
      children: random.pick(["ACCEPTED", "NOT_ACCEPTED", null]),
      minAge: null,
      maxAge: null,
      referralRequired: random.chance(0.2),
      languages: random.chance(0.2) ? ["fr", random.pick(["ar", "en", "es", "pt", "tr"])] : [],
      actsTonight: false,
      situations: violence.filter(() => random.chance(0.25)),
      openingHours: random.pick(officeHours),
      capacity: null,
      phone: phone(),
      channel: "PHONE",
      ...fields,
      name: `${MARK} ${fields.name}`,
    };
    services.push(row);
    return row;
  };

  const lines = [
    { number: "17", label: "Police secours", needs: ["IMMEDIATE_SAFETY"], kind: "EMERGENCY_LINE" },
    { number: "112", label: "Numéro d'urgence européen", needs: ["IMMEDIATE_SAFETY"], kind: "EMERGENCY_LINE" },
    { number: "114", label: "Urgences par SMS", needs: ["IMMEDIATE_SAFETY"], kind: "EMERGENCY_LINE", channel: "SMS" as const },
    { number: "3919", label: "Violences Femmes Info", needs: ["LISTENING", "EMERGENCY_SHELTER"], kind: "LISTENING_LINE" },
    { number: childEmergencyNumber, label: "Enfance en danger", needs: ["CHILD_PROTECTION"], kind: "LISTENING_LINE" },
  ];
  if (!emergencyNumbers.every((n) => lines.some((l) => l.number === n))) throw new Error("synth: a national emergency number has no synthetic line");
  for (const line of lines) {
    const provider = actor(`Ligne nationale ${line.number}`, "HELPLINE", null);
    service(provider, {
      name: line.label, kind: line.kind, areas: [NATIONAL], needs: line.needs, actsTonight: true, openingHours: "24/7",
      phone: line.number, channel: line.channel ?? "PHONE", audience: "GENERAL_PUBLIC", referralRequired: false, children: null,
    });
  }
  for (let i = 1; i <= 25; i++) {
    const provider = actor(`Plateforme nationale ${i}`, "NETWORK", null);
    service(provider, { name: `Écoute nationale ${i}`, kind: "LISTENING_LINE", areas: [NATIONAL], needs: ["LISTENING", "PSYCHOLOGICAL"], openingHours: "Mo-Sa 09:00-21:00" });
    service(provider, { name: `Signalement en ligne ${i}`, kind: "ONLINE_REPORTING", areas: [NATIONAL], needs: i % 2 ? ["COMPLAINT"] : ["LEGAL_ADVICE"], openingHours: "24/7" });
  }

  const communesOf = new Map<string, EtalabCommune[]>();
  for (const c of communes) communesOf.set(c.departement!, [...(communesOf.get(c.departement!) ?? []), c]);
  const zonesOf = new Map<string, TerritoryRow[]>();
  for (const z of zones) zonesOf.set(z.partOf[0]!, [...(zonesOf.get(z.partOf[0]!) ?? []), z]);

  for (const d of departements) {
    random = randomOf(2026 + Number.parseInt(d.code.replace("2A", "200").replace("2B", "201"), 10));
    prefix = d.code;
    actorCount = 0;
    serviceCount = 0;
    const inside = communesOf.get(d.code) ?? [];
    const population = inside.reduce((sum, c) => sum + (c.population ?? 0), 0);
    const biggest = [...inside].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    const seat = biggest[0]!.code;
    const council = actor(`Conseil départemental ${d.code}`, "DEPARTEMENT_SERVICE", seat);
    for (const [name, kind, needs] of [
      ["Service social départemental", "SOCIAL_SERVICE", ["SOCIAL_SUPPORT", "HOUSING"]],
      ["Protection maternelle et infantile", "HEALTH_CARE", ["CHILD_PROTECTION"]],
      ["Aide sociale à l'enfance", "SOCIAL_SERVICE", ["CHILD_PROTECTION"]],
      ["Cellule de recueil des informations préoccupantes", "COORDINATION", ["CHILD_PROTECTION"]],
      ["Observatoire départemental", "COORDINATION", []],
      ["Téléphone grave danger", "PROTECTION_DEVICE", ["IMMEDIATE_SAFETY"]],
      ["Service intégré d'accueil et d'orientation", "HOUSING_PLACES", ["EMERGENCY_SHELTER", "HOUSING"]],
      ["Insertion professionnelle", "EMPLOYMENT_SUPPORT", ["EMPLOYMENT"]],
    ] as const) {
      service(council, { name: `${name} (${d.code})`, kind, areas: [d.code], needs: [...needs], referralRequired: kind === "PROTECTION_DEVICE", actsTonight: kind === "HOUSING_PLACES" });
    }
    const court = actor(`Tribunal judiciaire ${d.code}`, "JUSTICE", seat);
    service(court, { name: `Bureau d'aide aux victimes ${d.code}`, kind: "EMERGENCY_VICTIM_SUPPORT", areas: [d.code], needs: ["LEGAL_ADVICE", "PSYCHOLOGICAL"] });

    // A police station per ~20 000 inhabitants, serving neighbouring communes (in code order).
    let chunk: EtalabCommune[] = [];
    let chunkPopulation = 0;
    const station = (served: EtalabCommune[]) => {
      const at = [...served].sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0]!;
      const copies = Math.max(1, Math.round((at.population ?? 0) / 20_000));
      for (let k = 0; k < (served.length === 1 ? copies : 1); k++) {
        const police = actor(`Commissariat ou brigade ${at.nom}${k ? ` ${k + 1}` : ""}`, "POLICE_STATION", at.code);
        const areas = served.map((c) => c.code);
        service(police, { name: `Accueil des plaintes, ${at.nom}`, kind: "COMPLAINT_DESK", areas, needs: ["COMPLAINT", "IMMEDIATE_SAFETY"], actsTonight: true, openingHours: "24/7", audience: "GENERAL_PUBLIC" });
        service(police, { name: `Intervenante sociale, ${at.nom}`, kind: "SOCIAL_WORKER_PERMANENCE", areas, needs: ["SOCIAL_SUPPORT", "LISTENING"] });
      }
    };
    for (const c of inside) {
      if ((c.population ?? 0) >= 20_000) {
        station([c]);
        continue;
      }
      chunk.push(c);
      chunkPopulation += c.population ?? 0;
      if (chunkPopulation >= 20_000) {
        station(chunk);
        chunk = [];
        chunkPopulation = 0;
      }
    }
    if (chunk.length > 0) station(chunk);

    // Each commune's town hall social service; a law access point in the larger ones.
    for (const c of inside) {
      const hall = actor(`Mairie de ${c.nom}`, "LOCAL_AUTHORITY", c.code);
      service(hall, { name: `Action sociale, ${c.nom}`, kind: "SOCIAL_SERVICE", areas: [c.code], needs: ["SOCIAL_SUPPORT", "HOUSING"], audience: "GENERAL_PUBLIC" });
      if ((c.population ?? 0) >= 10_000) service(hall, { name: `Point-justice, ${c.nom}`, kind: "LEGAL_PERMANENCE", areas: [c.code], needs: ["LEGAL_ADVICE"] });
    }
    for (const z of zonesOf.get(d.code) ?? []) {
      const group = actor(`${z.name}, services intercommunaux`, "LOCAL_AUTHORITY", seat);
      service(group, { name: `Centre intercommunal d'action sociale, ${z.name}`, kind: "SOCIAL_SERVICE", areas: [z.code], needs: ["SOCIAL_SUPPORT"] });
      service(group, { name: `Maison de l'emploi, ${z.name}`, kind: "EMPLOYMENT_SUPPORT", areas: [z.code], needs: ["EMPLOYMENT"] });
      service(group, { name: `Prévention, ${z.name}`, kind: "PREVENTION", areas: [z.code], needs: [] });
    }
    // Hospitals: a unit per ~60 000 inhabitants, with forensic medicine at the largest.
    for (let h = 0; h < Math.max(1, Math.round(population / 60_000)); h++) {
      const at = biggest[h % Math.min(biggest.length, 10)]!;
      const hospital = actor(`Centre hospitalier ${at.nom} ${h + 1}`, "HOSPITAL_UNIT", at.code);
      service(hospital, { name: `Urgences, ${at.nom} ${h + 1}`, kind: "HEALTH_CARE", areas: [d.code], needs: ["MEDICAL_FORENSIC"], actsTonight: true, openingHours: "24/7", audience: "GENERAL_PUBLIC" });
      service(hospital, { name: `Consultation de victimologie, ${at.nom} ${h + 1}`, kind: "VICTIMOLOGY_CONSULTATION", areas: [d.code], needs: ["PSYCHOLOGICAL"] });
      if (h === 0) service(hospital, { name: `Unité médico-judiciaire ${d.code}`, kind: "FORENSIC_MEDICINE", areas: [d.code], needs: ["MEDICAL_FORENSIC"], referralRequired: true, openingHours: "24/7" });
    }
    // Shelters (confidential addresses) per ~50 000 inhabitants.
    for (let s = 0; s < Math.max(1, Math.round(population / 50_000)); s++) {
      const shelter = actor(`Centre d'hébergement ${d.code}-${s + 1}`, "SHELTER_OPERATOR", random.pick(biggest.slice(0, 20)).code, true);
      const placesTotal = 6 + Math.floor(random.next() * 30);
      service(shelter, {
        name: `Mise à l'abri ${d.code}-${s + 1}`, kind: "HOUSING_PLACES", areas: [d.code], needs: ["EMERGENCY_SHELTER"], gender: "WOMEN", actsTonight: true,
        openingHours: "24/7", referralRequired: random.chance(0.5), capacity: { placesTotal, placesFree: Math.floor(random.next() * 3) },
      });
      service(shelter, {
        name: `Logement accompagné ${d.code}-${s + 1}`, kind: "HOUSING_PLACES", areas: [d.code], needs: ["HOUSING"], gender: "WOMEN", referralRequired: true,
        capacity: { placesTotal: placesTotal * 2, placesFree: Math.floor(random.next() * 4) },
      });
    }
    // Associations, one per ~3 500 inhabitants, serving the département, an EPCI or a few communes.
    const deptZones = zonesOf.get(d.code) ?? [];
    for (let a = 0; a < Math.max(3, Math.round(population / 3_500)); a++) {
      const home = random.pick(biggest.slice(0, Math.max(1, Math.ceil(biggest.length / 5))));
      const association = actor(`Association ${d.code}-${a + 1}`, "ASSOCIATION", home.code, false, [{ type: "MEMBER_OF", to: council.id }]);
      const reach = random.next();
      const areas =
        reach < 0.45 || deptZones.length === 0 ? [d.code]
        : reach < 0.75 ? [random.pick(deptZones).code]
        : [home.code, ...Array.from({ length: Math.floor(random.next() * 4) }, () => random.pick(inside).code)].filter((code, i, all) => all.indexOf(code) === i);
      for (let k = 0, offers = random.chance(0.4) ? 4 : 3; k < offers; k++) {
        const offer = random.pick(associationOffers);
        service(association, { name: `${offer.kind.toLowerCase().replaceAll("_", " ")} ${d.code}-${a + 1}-${k + 1}`, kind: offer.kind, areas, needs: [...offer.needs], audience: offer.audience });
      }
    }
  }
  return { territories, actors, services };
}

const createStatements = {
  territories: `UNWIND $rows AS row CREATE (t:Territory {code: row.code, name: row.name, level: row.level, searchName: row.searchName, source: $territorySource})`,
  parents: `UNWIND $rows AS row MATCH (t:Territory {code: row.code}) UNWIND row.partOf AS parentCode MATCH (parent:Territory {code: parentCode}) CREATE (t)-[:PART_OF]->(parent)`,
  actors: `
UNWIND $rows AS row
OPTIONAL MATCH (commune:Territory {code: row.communeCode})
CREATE (a:Actor {id: row.id, name: row.name, kind: row.kind, aliases: [], departement: row.departement, source: $source, verifiedAt: date('2026-12-01'), unverified: false})
FOREACH (_ IN CASE WHEN commune IS NULL THEN [] ELSE [1] END |
  CREATE (location:Location {id: row.id + ':location', name: row.name, confidential: row.confidential, source: $source, verifiedAt: date('2026-12-01'), unverified: false})
  CREATE (location)-[:IN_COMMUNE]->(commune), (a)-[:BASED_AT]->(location))`,
  links: `UNWIND $rows AS row MATCH (a:Actor {id: row.id}) UNWIND row.links AS link MATCH (to:Actor {id: link.to})
CALL (a, to, link) { WITH a, to, link WHERE link.type = 'MEMBER_OF' CREATE (a)-[:MEMBER_OF {source: $source, verifiedAt: date('2026-12-01'), unverified: false}]->(to) }`,
  services: `
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
OPTIONAL MATCH (location:Location {id: row.actorId + ':location'})
CREATE (a)-[:OFFERS]->(s:Service {
  id: row.id, name: row.name, kind: row.kind, audience: row.audience, gender: row.gender, children: row.children,
  minAge: row.minAge, maxAge: row.maxAge, referralRequired: row.referralRequired, languages: row.languages, access: [row.channel],
  actsTonight: row.actsTonight, servedAreaCodes: row.areas, source: $source, verifiedAt: date('2026-12-01'), unverified: false})
FOREACH (_ IN CASE WHEN location IS NULL THEN [] ELSE [1] END | CREATE (s)-[:AT]->(location))
CREATE (s)-[:HAS_SCHEDULE]->(:Schedule {id: row.id + ':schedule', openingHours: row.openingHours, timezone: 'Europe/Paris', source: $source, verifiedAt: date('2026-12-01'), unverified: false})
CREATE (s)-[:HAS_CONTACT]->(:ContactPoint {id: row.id + ':contact', channel: row.channel, value: row.phone, referralOnly: false, source: $source, verifiedAt: date('2026-12-01'), unverified: false})
WITH s, row
CALL (s, row) { UNWIND row.areas AS code MATCH (x:Territory {code: code}) CREATE (s)-[:SERVES]->(x) }
CALL (s, row) { UNWIND row.needs AS code MATCH (x:Need {code: code}) CREATE (s)-[:ANSWERS]->(x) }
CALL (s, row) { UNWIND row.situations AS code MATCH (x:Situation {code: code}) CREATE (s)-[:HANDLES]->(x) }
CALL (s, row) {
  WITH s, row WHERE row.capacity IS NOT NULL
  CREATE (s)-[:HAS_CAPACITY]->(:Capacity {id: row.id + ':capacity', placesTotal: row.capacity.placesTotal, placesFree: row.capacity.placesFree,
                                          updatedAt: datetime('2026-12-01T08:00:00Z'), source: $source, verifiedAt: date('2026-12-01'), unverified: false})
}`,
};

/** Writes the synthetic graph into an empty database, in UNWIND batches, logging the time of each step. */
export async function writeSyntheticFrance(driver: Driver, scale: SyntheticScale, graph: SyntheticFrance, log: (message: string) => void): Promise<void> {
  await writeSyntheticReferential(driver, graph, log);
  // Every record cites the one synthetic source, a Source node as in the real data: the dumps and exports read it.
  await driver.executeQuery("CREATE (:Source {id: 'synthetique', ref: $source, title: $title, verifiedAt: date('2026-12-01'), unverified: false})", {
    source: SOURCE,
    title: `${MARK} graphe synthétique, aucune donnée réelle`,
  });
  await inBatches(driver, log, "actors and their places", createStatements.actors, graph.actors);
  await inBatches(driver, log, "actor links", createStatements.links, graph.actors.filter((a) => a.links.length > 0));
  await inBatches(driver, log, "services", createStatements.services, graph.services);
  const publishing = performance.now();
  const published = await setMissingPublishedHsdsIds(driver);
  log(`  ids of the HSDS export: ${published} records in ${((performance.now() - publishing) / 1000).toFixed(1)} s`);
  await driver.executeQuery("CREATE (:SyntheticGraph {scale: $scale, source: $source, generatedAt: datetime()})", { scale, source: SOURCE });
}

/**
 * The synthetic graph's référentiel (its territories, the taxonomy, the indexes) alone, into an empty
 * database: what a restore of its export expects in place, as `npm run seed` leaves it for the real graph.
 */
export async function writeSyntheticReferential(driver: Driver, graph: SyntheticFrance, log: (message: string) => void): Promise<void> {
  const { records } = await driver.executeQuery("MATCH (n) RETURN count(n) > 0 AS any");
  if (records[0]!.get("any")) throw new Error("synth: the database is not empty; delete its data folder first");
  await ensureGraphSchema(driver);
  const taxonomy = parse(await readFile(join(seedDir, "taxonomy.yaml"), "utf8")) as {
    needs: { code: string; routeOrder: number; label: string }[];
    situations: { code: string; label: string; typicalNeeds: string[] }[];
  };
  await driver.executeQuery(
    `UNWIND $needs AS need CREATE (:Need {code: need.code, label: need.label, routeOrder: need.routeOrder})
     WITH count(*) AS done
     UNWIND $situations AS situation CREATE (s:Situation {code: situation.code, label: situation.label})
     WITH s, situation UNWIND situation.typicalNeeds AS code MATCH (n:Need {code: code}) CREATE (s)-[:TYPICALLY_NEEDS]->(n)`,
    { needs: taxonomy.needs, situations: taxonomy.situations },
  );
  await inBatches(driver, log, "territories", createStatements.territories, graph.territories.map((t) => ({ ...t, searchName: searchableName(t.name) })));
  await inBatches(driver, log, "territory parents", createStatements.parents, graph.territories.filter((t) => t.partOf.length > 0));
}

async function inBatches(driver: Driver, log: (message: string) => void, step: string, statement: string, rows: object[]): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    await driver.executeQuery(statement, { rows: rows.slice(i, i + BATCH), source: SOURCE, territorySource });
  }
  log(`  ${step}: ${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
