/// <reference path="./.sst/platform/config.d.ts" />
/**
 * Parcours on AWS (SST v4). `sst deploy --stage <stage>` builds and deploys; the CLI downloads its
 * engine on first use, so it runs from a developer machine or CI with internet access (README).
 */
export default $config({
  app(input) {
    return {
      name: "parcours",
      home: "aws",
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
      providers: { aws: { region: "eu-west-3" } },
    };
  },
  async run() {
    const { secrets } = await import("./stacks/secrets");
    const { api } = await import("./stacks/api");
    return { api: api.url, secrets: Object.keys(secrets).join(", ") };
  },
});
