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
