/** A large import file in the CSV layout, for the benchmark and the large-file test: made-up partners, ten services each. */
import { knownTerritoryCodes } from "../functions/domain/territories";

const header =
  "actor_id,actor_name,actor_kind,actor_covers,service_id,service_name,service_kind,audience,needs,situations,area,service_phone,opening_hours,location_id,location_name,commune";

export function generatedCsv(rows: number, prefix = "bench"): string {
  const communes = knownTerritoryCodes().filter((code) => /^92\d{3}$/.test(code));
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const actor = `${prefix}-actor-${String(Math.floor(i / 10)).padStart(6, "0")}`;
    const commune = communes[Math.floor(i / 10) % communes.length]!;
    const phone = `01 ${String(Math.floor(i / 10000) % 100).padStart(2, "0")} ${String(Math.floor(i / 100) % 100).padStart(2, "0")} ${String(i % 100).padStart(2, "0")} 00`;
    lines.push(
      [
        actor,
        `Partenaire ${actor}`,
        "ASSOCIATION",
        "92",
        `${actor}-service-${i % 10}`,
        `Permanence ${i}`,
        "LEGAL_PERMANENCE",
        "VICTIMS",
        "LEGAL_ADVICE|LISTENING",
        "INTIMATE_PARTNER_VIOLENCE",
        commune,
        phone,
        '"Mo-Fr 09:00-12:00,14:00-17:00"',
        `${actor}-lieu`,
        `Lieu de ${actor}`,
        commune,
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A foreign directory's HSDS feed of as many services, ten per organization, without Parcours' needs:
 * its data·inclusion terms and service areas are read through the reviewed mapping (seed/mappings/).
 */
export function generatedHsdsFeed(services: number, prefix = "bench"): { contents: Record<string, unknown>[] } {
  const attribute = (taxonomy: string, code: string) => ({ taxonomy_term: { code, name: code, taxonomy } });
  const organizations = [];
  for (let o = 0; o < Math.ceil(services / 10); o++) {
    const id = `${prefix}-org-${String(o).padStart(6, "0")}`;
    organizations.push({
      id,
      name: `Annuaire partenaire ${id}`,
      description: "",
      attributes: [attribute("parcours", "actor-kind:ASSOCIATION")],
      services: Array.from({ length: Math.min(10, services - o * 10) }, (_, s) => ({
        id: `${id}-service-${s}`,
        name: `Accompagnement ${o * 10 + s}`,
        status: "active",
        assured_date: "2026-11-01",
        attributes: [
          attribute("parcours", "service-kind:WELCOME_CENTRE"),
          attribute("parcours", "audience:VICTIMS"),
          attribute("data-inclusion", "famille--surmonter-conflits-separation-violence"),
        ],
        service_areas: [{ name: "Hauts-de-Seine" }],
        phones: [{ number: `01 ${String(Math.floor(o / 10000) % 100).padStart(2, "0")} ${String(Math.floor(o / 100) % 100).padStart(2, "0")} ${String(o % 100).padStart(2, "0")} ${String(10 + s)}`, type: "voice" }],
      })),
    });
  }
  return { contents: organizations };
}
