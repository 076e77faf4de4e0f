import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lambdaHeapFlags } from "../local/lambda-heap";
import { graphqlFunctionMemoryMb } from "../stacks/function-memory";

describe("the project's own toolchain", () => {
  it("runs the tests under the Node it provisions (>= 22), not the machine's Node 20", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(major).toBeGreaterThanOrEqual(22);
  });

  // The flags are written out in package.json, where npm start's node reads them before any code runs.
  it("runs npm start's server with the V8 heap limits of the GraphQL function's memory", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    const nodeFlags = scripts.start!.split(" --import ")[0]!.split(" ").slice(1);
    expect(nodeFlags).toEqual(lambdaHeapFlags(graphqlFunctionMemoryMb));
  });
});
