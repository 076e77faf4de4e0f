/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query WhatServesACommune($commune: ID!) {\n    territories(where: { code: { eq: $commune } }, limit: 1) {\n      name\n      servicesInReach {\n        name\n        kind\n        providers { name }\n        contacts { value }\n        reachableContacts { channel value }\n        schedule { openingHours description }\n      }\n    }\n  }\n": typeof types.WhatServesACommuneDocument,
    "\n  query FindAnActor($text: String!) {\n    search(text: $text, limit: 5) { id name kind services { name } }\n  }\n": typeof types.FindAnActorDocument,
    "\n  query NationalLines {\n    services(where: { area: { some: { level: { eq: NATIONAL } } }, kind: { in: [EMERGENCY_LINE, LISTENING_LINE] } }, sort: [{ name: ASC }]) {\n      name\n      actsTonight\n      contacts { channel value free }\n    }\n  }\n": typeof types.NationalLinesDocument,
    "\n  query PlacesAvailable {\n    services(where: { kind: { eq: HOUSING_PLACES } }) {\n      name\n      capacity { placesAvailable }\n    }\n  }\n": typeof types.PlacesAvailableDocument,
    "\n  query ReferralRoute($input: RouteRequest!) {\n    referralRoute(input: $input) {\n      emergency { number label }\n      steps { rank need reasons service { name reachableContacts { channel value } } }\n    }\n  }\n": typeof types.ReferralRouteDocument,
};
const documents: Documents = {
    "\n  query WhatServesACommune($commune: ID!) {\n    territories(where: { code: { eq: $commune } }, limit: 1) {\n      name\n      servicesInReach {\n        name\n        kind\n        providers { name }\n        contacts { value }\n        reachableContacts { channel value }\n        schedule { openingHours description }\n      }\n    }\n  }\n": types.WhatServesACommuneDocument,
    "\n  query FindAnActor($text: String!) {\n    search(text: $text, limit: 5) { id name kind services { name } }\n  }\n": types.FindAnActorDocument,
    "\n  query NationalLines {\n    services(where: { area: { some: { level: { eq: NATIONAL } } }, kind: { in: [EMERGENCY_LINE, LISTENING_LINE] } }, sort: [{ name: ASC }]) {\n      name\n      actsTonight\n      contacts { channel value free }\n    }\n  }\n": types.NationalLinesDocument,
    "\n  query PlacesAvailable {\n    services(where: { kind: { eq: HOUSING_PLACES } }) {\n      name\n      capacity { placesAvailable }\n    }\n  }\n": types.PlacesAvailableDocument,
    "\n  query ReferralRoute($input: RouteRequest!) {\n    referralRoute(input: $input) {\n      emergency { number label }\n      steps { rank need reasons service { name reachableContacts { channel value } } }\n    }\n  }\n": types.ReferralRouteDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhatServesACommune($commune: ID!) {\n    territories(where: { code: { eq: $commune } }, limit: 1) {\n      name\n      servicesInReach {\n        name\n        kind\n        providers { name }\n        contacts { value }\n        reachableContacts { channel value }\n        schedule { openingHours description }\n      }\n    }\n  }\n"): typeof import('./graphql').WhatServesACommuneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindAnActor($text: String!) {\n    search(text: $text, limit: 5) { id name kind services { name } }\n  }\n"): typeof import('./graphql').FindAnActorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NationalLines {\n    services(where: { area: { some: { level: { eq: NATIONAL } } }, kind: { in: [EMERGENCY_LINE, LISTENING_LINE] } }, sort: [{ name: ASC }]) {\n      name\n      actsTonight\n      contacts { channel value free }\n    }\n  }\n"): typeof import('./graphql').NationalLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlacesAvailable {\n    services(where: { kind: { eq: HOUSING_PLACES } }) {\n      name\n      capacity { placesAvailable }\n    }\n  }\n"): typeof import('./graphql').PlacesAvailableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralRoute($input: RouteRequest!) {\n    referralRoute(input: $input) {\n      emergency { number label }\n      steps { rank need reasons service { name reachableContacts { channel value } } }\n    }\n  }\n"): typeof import('./graphql').ReferralRouteDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
