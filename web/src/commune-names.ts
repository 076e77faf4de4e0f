/** Close names for a commune the API does not know, among the covered communes the form offers. */
export interface CommuneOption {
  code: string;
  name: string;
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export const communeLabel = (c: CommuneOption) => `${c.name} (${c.code})`;

export function closeCommunes(typed: string, communes: CommuneOption[], limit = 5): string[] {
  const wanted = fold(typed);
  if (wanted.length < 2) return [];
  return communes
    .map((c) => ({ c, distance: editDistance(wanted, fold(c.name).slice(0, Math.max(wanted.length, 3))) }))
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.c.name.localeCompare(b.c.name))
    .slice(0, limit)
    .map(({ c }) => communeLabel(c));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
