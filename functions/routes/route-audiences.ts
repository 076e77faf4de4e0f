import type { Audience } from "../../generated/graphql";

/** The services a victim's route reads: those for victims and for anyone. */
export const victimAudiences: Audience[] = ["VICTIMS", "GENERAL_PUBLIC"];
/** The services a perpetrator's route reads. */
export const perpetratorAudiences: Audience[] = ["PERPETRATORS"];
/** Every audiences a route reads services of: a digest is written for each (route-digests-ahead.ts). */
export const routeAudiences = [victimAudiences, perpetratorAudiences];
