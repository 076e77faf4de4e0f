/** The ranking's input of a route read as the function reads it (route-reads.ts), its statements watched. */
import { autoCommitRead } from "../../functions/graph/auto-commit-read";
import { readAreaVersions } from "../../functions/graph/graph-version";
import { readRankingInput, surroundingsDigestWanted, type RankingInput, type RouteQueryParams } from "../../functions/routes/route-reads";
import { testDriver } from "./graph";

/** A route for harassment in Colombes, in danger, as the function sends it to the route query. */
export const harassmentInColombes: RouteQueryParams = {
  communeCode: "92025",
  departement: "92",
  needs: [],
  urgentNeeds: [],
  situations: ["HARASSMENT"],
  audiences: ["VICTIMS", "GENERAL_PUBLIC"],
  emergencyNumbers: ["17", "112", "114", "3919"],
  outOfReachLookedAt: 30,
};

/** Reads the ranking's input of these parameters, the versions first, each statement and its parameters shown to `watch` as it is sent. */
export function watchedRankingInput(params: RouteQueryParams, watch: (query: string, parameters: Record<string, unknown> | undefined) => void): Promise<RankingInput> {
  return autoCommitRead(testDriver(), 10_000, async (run) => {
    const watched: typeof run = (query, parameters) => {
      watch(query, parameters);
      return run(query, parameters);
    };
    return readRankingInput(watched, testDriver(), await readAreaVersions(watched, params.communeCode, params.departement, surroundingsDigestWanted(params)), params);
  });
}
