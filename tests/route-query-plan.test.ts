/**
 * Neo4j keys a query's plan on its text and on its parameters' types, a list's size among them (0, 1,
 * 2–10…), and planning the route query costs it about a second of CPU (ten on a cold JVM). The query
 * reads every value of the request from one map, so that routes of every shape share one plan: after
 * a restart, 36 shapes cost Neo4j 2.5 s of CPU where separate lists cost 20 s (npm run bench:route-plans).
 */
import { describe, expect, it } from "vitest";
import { referralRouteCypher } from "../generated/cypher";

describe("the route query", () => {
  it("takes one parameter, the request as a map, so that Neo4j plans it once for routes of every shape", () => {
    const parameters = new Set([...referralRouteCypher.matchAll(/\$(\w+)/g)].map((match) => match[1]));

    expect([...parameters]).toEqual(["request"]);
  });
});
