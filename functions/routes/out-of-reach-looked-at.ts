/**
 * How many services of other communes the route query looks at (its $outOfReachLookedAt), the
 * nearest communes first, whatever needs they answer: a few per need of a route, and never the whole
 * département, whose size would set the route's cost. A module of its own, not rank-route.ts's: the
 * route warm-up a container runs as it starts sends it too, and rank-route.ts loads the opening
 * hours' parser (opening_hours, ~0.1 s), which a container's start need not.
 */
export const outOfReachLookedAt = 30;
