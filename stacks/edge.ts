/**
 * Per-client throttling for partner apps and the public: CloudFront in front of the API with an AWS
 * WAF web ACL of rate-based rules. Why WAF and not API Gateway usage plans: usage plans exist only for
 * REST APIs (v1) and count per API key, which partners would have to send beside their token; the API
 * is an HTTP API (v2), whose own throttling (stacks/api.ts) is one bucket for everyone. WAF rate rules
 * count per caller without changing what callers send: per bearer token (each partner app, each
 * professional) and per IP address for callers without one. WAF cannot attach to an HTTP API
 * directly, hence CloudFront (caching nothing: the API sets its own cache headers for public reads).
 *
 * CloudFront adds a secret header to every request it forwards; the handler refuses requests without
 * it (EDGE_SECRET, functions/api/edge-origin.ts), so the execute-api URL cannot be used to go around
 * the limits. The application's own limits on expensive queries (cost, depth, aliases, list sizes,
 * 10 s per query: README, Roles and access) apply behind this.
 */
import { api } from "./api";
import { edgeSecret } from "./settings";

/** Requests per 5 minutes (WAF's window) before a caller gets 429 for a while. */
export const rateLimits = { perToken: 3_000, perAddressWithoutToken: 600 };

const usEast1 = new aws.Provider("UsEast1", { region: "us-east-1" });

const tooManyRequests = { block: { customResponse: { responseCode: 429, customResponseBodyKey: "tooManyRequests" } } };

const webAcl = new aws.wafv2.WebAcl(
  "ApiRateLimits",
  {
    scope: "CLOUDFRONT",
    defaultAction: { allow: {} },
    customResponseBodies: [
      {
        key: "tooManyRequests",
        contentType: "APPLICATION_JSON",
        content: JSON.stringify({ errors: [{ message: "Too many requests: slow down and try again in a few minutes.", extensions: { code: "TOO_MANY_REQUESTS" } }] }),
      },
    ],
    rules: [
      {
        name: "per-token",
        priority: 1,
        action: tooManyRequests,
        statement: {
          rateBasedStatement: {
            limit: rateLimits.perToken,
            evaluationWindowSec: 300,
            aggregateKeyType: "CUSTOM_KEYS",
            // Requests without an Authorization header have no key here: the next rule counts them.
            customKeys: [{ header: { name: "authorization", textTransformations: [{ priority: 0, type: "NONE" }] } }],
          },
        },
        visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "parcours-per-token", sampledRequestsEnabled: false },
      },
      {
        name: "per-address-without-token",
        priority: 2,
        action: tooManyRequests,
        statement: {
          rateBasedStatement: {
            limit: rateLimits.perAddressWithoutToken,
            evaluationWindowSec: 300,
            aggregateKeyType: "IP",
            scopeDownStatement: {
              notStatement: { statements: [{ sizeConstraintStatement: { fieldToMatch: { singleHeader: { name: "authorization" } }, comparisonOperator: "GT", size: 0, textTransformations: [{ priority: 0, type: "NONE" }] } }] },
            },
          },
        },
        visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "parcours-per-address", sampledRequestsEnabled: false },
      },
    ],
    visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "parcours-api", sampledRequestsEnabled: false },
  },
  { provider: usEast1 },
);

const apiDomain = api.url.apply((url) => new URL(url).hostname);

export const edge = new aws.cloudfront.Distribution("ApiEdge", {
  enabled: true,
  comment: "Parcours API behind per-client rate limits",
  webAclId: webAcl.arn,
  origins: [
    {
      originId: "api",
      domainName: apiDomain,
      customOriginConfig: { originProtocolPolicy: "https-only", httpPort: 80, httpsPort: 443, originSslProtocols: ["TLSv1.2"] },
      customHeaders: [{ name: "x-parcours-edge", value: edgeSecret }],
    },
  ],
  defaultCacheBehavior: {
    targetOriginId: "api",
    viewerProtocolPolicy: "https-only",
    allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
    cachedMethods: ["GET", "HEAD"],
    // AWS managed policies: CachingDisabled, and AllViewerExceptHostHeader (Authorization and the body go through).
    cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    originRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
  },
  restrictions: { geoRestriction: { restrictionType: "none" } },
  viewerCertificate: { cloudfrontDefaultCertificate: true },
});
