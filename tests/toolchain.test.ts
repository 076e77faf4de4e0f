import { describe, expect, it } from "vitest";

describe("the project's own toolchain", () => {
  it("runs the tests under the Node it provisions (>= 22), not the machine's Node 20", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(major).toBeGreaterThanOrEqual(22);
  });
});
