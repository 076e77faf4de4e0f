import { describe, expect, it } from "vitest";
import { apiSettingsFromEnv } from "../functions/config";
import { formatError, formatErrorUnmasked } from "../functions/api/format-error";

const unexpected = { message: "Neo.ClientError.Statement.SyntaxError: MATCH (n:Location) …", extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at run (driver.js:1)"] } };

describe("per-stage error masking", () => {
  it("masks unexpected errors unless the stage turns masking off", () => {
    const auth = { JWT_SECRET: "a-local-secret-of-at-least-thirty-two-characters" };

    expect(apiSettingsFromEnv(auth)).toMatchObject({ introspection: true, maskErrors: true });
    expect(apiSettingsFromEnv({ ...auth, GRAPHQL_MASK_ERRORS: "false", GRAPHQL_INTROSPECTION: "false" })).toMatchObject({ introspection: false, maskErrors: false });
  });

  it("answers production with a generic message, and a development stage with the message but never the stack", () => {
    expect(formatError(unexpected)).toEqual({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(formatErrorUnmasked(unexpected)).toEqual({ message: unexpected.message, extensions: { code: "INTERNAL_SERVER_ERROR" } });
  });
});
