/**
 * What the commune map can colour by, and each commune's figure for it: a level (the colour and the
 * legend's line), a short text on the tile and a long one for screen readers and the table.
 */
import type { WebCoverageQuery } from "../../../generated/web-client/graphql";
import type { Catalogue } from "../i18n/catalogue";

type Coverage = WebCoverageQuery["coverage"];

export const mapMeasures = ["reach", "gapCount", "unmet", "uncoveredPopulation"] as const;
export type MapMeasure = (typeof mapMeasures)[number];

/** Upper bounds of levels 0, 1 and 2; level 3 is anything above. The legend's words say the same. */
export const levelBounds = {
  gapCount: [0, 4, 8],
  unmet: [0, 4, 19],
  uncoveredPopulation: [0, 19_999, 49_999],
} as const;

export interface CommuneFigures {
  commune: Coverage["communes"][number];
  /** The commune × chosen need. */
  cell: Coverage["cells"][number] | undefined;
  /** Unmet demand as published: a count, or "< 5"; null when none. */
  unmet: string | null;
}

export function levelOf(measure: Exclude<MapMeasure, "reach">, value: number): string {
  const index = levelBounds[measure].findIndex((bound) => value <= bound);
  return `level-${index === -1 ? 3 : index}`;
}

export function communeMeasure(measure: MapMeasure, figures: CommuneFigures, t: Catalogue, number: Intl.NumberFormat): { level: string; short: string; long: string } {
  const o = t.observatory;
  const { commune, cell, unmet } = figures;
  switch (measure) {
    case "reach":
      return cell ? { level: `reach-${cell.reach}`, short: o.reachLetters[cell.reach], long: o.reaches[cell.reach] } : { level: "reach-NONE", short: "?", long: t.unknown };
    case "gapCount": {
      const count = commune.needsWithoutLocalAnswer;
      return { level: levelOf(measure, count), short: number.format(count), long: `${number.format(count)} ${o.map.needsWithoutLocalAnswer}` };
    }
    case "unmet": {
      // "< 5" is under 5 and more than 0: level 1, without telling the count.
      if (unmet === null) return { level: "level-0", short: "0", long: o.map.noUnmet };
      const count = unmet.startsWith("<") ? 1 : Number(unmet);
      return { level: levelOf(measure, count), short: unmet, long: `${unmet} ${o.map.unmetNeeds}` };
    }
    case "uncoveredPopulation": {
      if (!cell) return { level: "level-0", short: "?", long: t.unknown };
      if (!cell.gap) return { level: "level-0", short: "0", long: o.map.localAnswer };
      const population = commune.population.value;
      if (population === null || population === undefined) return { level: "level-3", short: "?", long: `${o.population} ${t.unknown}` };
      return { level: levelOf(measure, population), short: number.format(population), long: `${number.format(population)} ${o.inhabitants} ${o.map.withoutLocalAnswer}` };
    }
  }
}
