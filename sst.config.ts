/// <reference path="./.sst/platform/config.d.ts" />
/**
 * Parcours on AWS (SST v4). `npm run build` bundles the functions into dist/, then
 * `sst deploy --stage <stage>` deploys them as they are; the CLI downloads its engine on first use, so
 * it runs from a developer machine or CI with internet access (README).
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
    const { edge } = await import("./stacks/edge");
    const { importsBucket, importFunction, importDeadLetters, importAlarms } = await import("./stacks/imports");
    const { exportsBucket, exportFunction } = await import("./stacks/exports");
    const { routeDigestsFunction } = await import("./stacks/route-digests");
    const { web } = await import("./stacks/web");
    return {
      // Callers use the edge's address; the execute-api one refuses what does not come through it.
      api: $interpolate`https://${edge.domainName}/graphql`,
      apiOrigin: api.url,
      web: web.url,
      importsBucket: importsBucket.name,
      importFunction: importFunction.name,
      importDeadLetters: importDeadLetters.url,
      importAlarms: importAlarms.arn,
      exportsBucket: exportsBucket.name,
      exportFunction: exportFunction.name,
      routeDigestsFunction: routeDigestsFunction.name,
      secrets: Object.keys(secrets).join(", "),
    };
  },
});
