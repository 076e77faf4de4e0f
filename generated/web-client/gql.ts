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
    "\n  query WebCommunes {\n    territories(where: { level: { eq: COMMUNE } }, sort: [{ name: ASC }], limit: 1000) {\n      code\n      name\n    }\n  }\n": typeof types.WebCommunesDocument,
    "\n  query WebReferralRoute($input: RouteRequest!) {\n    referralRoute(input: $input) {\n      communeCode\n      communeName\n      covered\n      needs\n      at\n      emergency {\n        number\n        label\n        available\n        channel\n      }\n      steps {\n        rank\n        need\n        openNow\n        nextOpening\n        placesFree\n        referralOnly\n        reasons\n        actor {\n          id\n          name\n        }\n        service {\n          id\n          name\n          kind\n          audience\n          verifiedAt\n          unverified\n          capacity {\n            placesAvailable\n          }\n          schedule {\n            description\n          }\n          reachableContacts {\n            id\n            channel\n            value\n            label\n          }\n        }\n      }\n      uncoveredNeeds {\n        need\n        reason\n      }\n      excluded {\n        need\n        reasons\n        actor {\n          id\n          name\n        }\n        service {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.WebReferralRouteDocument,
    "\n  query WebSearch($text: String!) {\n    search(text: $text, limit: 30) {\n      id\n      name\n      kind\n      description\n      services {\n        id\n        audience\n      }\n    }\n  }\n": typeof types.WebSearchDocument,
    "\n  query WebActor($id: ID!) {\n    actors(where: { id: { eq: $id } }, limit: 1) {\n      id\n      name\n      aliases\n      kind\n      description\n      departement\n      source\n      verifiedAt\n      unverified\n      contacts {\n        id\n        channel\n        value\n        label\n      }\n      covers {\n        code\n        name\n      }\n      services {\n        id\n        name\n        kind\n        audience\n        description\n        referralRequired\n        referredBy\n        source\n        verifiedAt\n        unverified\n        schedule {\n          openingHours\n          description\n        }\n        reachableContacts {\n          id\n          channel\n          value\n          label\n        }\n        area {\n          code\n          name\n        }\n        capacity {\n          placesAvailable\n        }\n      }\n      coordinates {\n        id\n        name\n      }\n      coordinatedBy {\n        id\n        name\n      }\n      memberOf {\n        id\n        name\n      }\n      members {\n        id\n        name\n      }\n      fundedBy {\n        id\n        name\n      }\n      holdsPermanenceAt {\n        id\n        name\n      }\n      hostsPermanencesOf {\n        id\n        name\n      }\n    }\n  }\n": typeof types.WebActorDocument,
    "\n  query WebShelterPlaces($actorId: ID!) {\n    actors(where: { id: { eq: $actorId } }, limit: 1) {\n      id\n      name\n      services(where: { kind: { eq: HOUSING_PLACES } }, sort: [{ name: ASC }]) {\n        id\n        name\n        capacity {\n          placesFree\n          placesTotal\n          updatedAt\n        }\n      }\n    }\n  }\n": typeof types.WebShelterPlacesDocument,
    "\n  mutation WebUpdatePlacesFree($input: PlacesFreeInput!) {\n    updatePlacesFree(input: $input) {\n      serviceId\n      placesFree\n      updatedAt\n    }\n  }\n": typeof types.WebUpdatePlacesFreeDocument,
};
const documents: Documents = {
    "\n  query WebCommunes {\n    territories(where: { level: { eq: COMMUNE } }, sort: [{ name: ASC }], limit: 1000) {\n      code\n      name\n    }\n  }\n": types.WebCommunesDocument,
    "\n  query WebReferralRoute($input: RouteRequest!) {\n    referralRoute(input: $input) {\n      communeCode\n      communeName\n      covered\n      needs\n      at\n      emergency {\n        number\n        label\n        available\n        channel\n      }\n      steps {\n        rank\n        need\n        openNow\n        nextOpening\n        placesFree\n        referralOnly\n        reasons\n        actor {\n          id\n          name\n        }\n        service {\n          id\n          name\n          kind\n          audience\n          verifiedAt\n          unverified\n          capacity {\n            placesAvailable\n          }\n          schedule {\n            description\n          }\n          reachableContacts {\n            id\n            channel\n            value\n            label\n          }\n        }\n      }\n      uncoveredNeeds {\n        need\n        reason\n      }\n      excluded {\n        need\n        reasons\n        actor {\n          id\n          name\n        }\n        service {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.WebReferralRouteDocument,
    "\n  query WebSearch($text: String!) {\n    search(text: $text, limit: 30) {\n      id\n      name\n      kind\n      description\n      services {\n        id\n        audience\n      }\n    }\n  }\n": types.WebSearchDocument,
    "\n  query WebActor($id: ID!) {\n    actors(where: { id: { eq: $id } }, limit: 1) {\n      id\n      name\n      aliases\n      kind\n      description\n      departement\n      source\n      verifiedAt\n      unverified\n      contacts {\n        id\n        channel\n        value\n        label\n      }\n      covers {\n        code\n        name\n      }\n      services {\n        id\n        name\n        kind\n        audience\n        description\n        referralRequired\n        referredBy\n        source\n        verifiedAt\n        unverified\n        schedule {\n          openingHours\n          description\n        }\n        reachableContacts {\n          id\n          channel\n          value\n          label\n        }\n        area {\n          code\n          name\n        }\n        capacity {\n          placesAvailable\n        }\n      }\n      coordinates {\n        id\n        name\n      }\n      coordinatedBy {\n        id\n        name\n      }\n      memberOf {\n        id\n        name\n      }\n      members {\n        id\n        name\n      }\n      fundedBy {\n        id\n        name\n      }\n      holdsPermanenceAt {\n        id\n        name\n      }\n      hostsPermanencesOf {\n        id\n        name\n      }\n    }\n  }\n": types.WebActorDocument,
    "\n  query WebShelterPlaces($actorId: ID!) {\n    actors(where: { id: { eq: $actorId } }, limit: 1) {\n      id\n      name\n      services(where: { kind: { eq: HOUSING_PLACES } }, sort: [{ name: ASC }]) {\n        id\n        name\n        capacity {\n          placesFree\n          placesTotal\n          updatedAt\n        }\n      }\n    }\n  }\n": types.WebShelterPlacesDocument,
    "\n  mutation WebUpdatePlacesFree($input: PlacesFreeInput!) {\n    updatePlacesFree(input: $input) {\n      serviceId\n      placesFree\n      updatedAt\n    }\n  }\n": types.WebUpdatePlacesFreeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebCommunes {\n    territories(where: { level: { eq: COMMUNE } }, sort: [{ name: ASC }], limit: 1000) {\n      code\n      name\n    }\n  }\n"): typeof import('./graphql').WebCommunesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebReferralRoute($input: RouteRequest!) {\n    referralRoute(input: $input) {\n      communeCode\n      communeName\n      covered\n      needs\n      at\n      emergency {\n        number\n        label\n        available\n        channel\n      }\n      steps {\n        rank\n        need\n        openNow\n        nextOpening\n        placesFree\n        referralOnly\n        reasons\n        actor {\n          id\n          name\n        }\n        service {\n          id\n          name\n          kind\n          audience\n          verifiedAt\n          unverified\n          capacity {\n            placesAvailable\n          }\n          schedule {\n            description\n          }\n          reachableContacts {\n            id\n            channel\n            value\n            label\n          }\n        }\n      }\n      uncoveredNeeds {\n        need\n        reason\n      }\n      excluded {\n        need\n        reasons\n        actor {\n          id\n          name\n        }\n        service {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WebReferralRouteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebSearch($text: String!) {\n    search(text: $text, limit: 30) {\n      id\n      name\n      kind\n      description\n      services {\n        id\n        audience\n      }\n    }\n  }\n"): typeof import('./graphql').WebSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebActor($id: ID!) {\n    actors(where: { id: { eq: $id } }, limit: 1) {\n      id\n      name\n      aliases\n      kind\n      description\n      departement\n      source\n      verifiedAt\n      unverified\n      contacts {\n        id\n        channel\n        value\n        label\n      }\n      covers {\n        code\n        name\n      }\n      services {\n        id\n        name\n        kind\n        audience\n        description\n        referralRequired\n        referredBy\n        source\n        verifiedAt\n        unverified\n        schedule {\n          openingHours\n          description\n        }\n        reachableContacts {\n          id\n          channel\n          value\n          label\n        }\n        area {\n          code\n          name\n        }\n        capacity {\n          placesAvailable\n        }\n      }\n      coordinates {\n        id\n        name\n      }\n      coordinatedBy {\n        id\n        name\n      }\n      memberOf {\n        id\n        name\n      }\n      members {\n        id\n        name\n      }\n      fundedBy {\n        id\n        name\n      }\n      holdsPermanenceAt {\n        id\n        name\n      }\n      hostsPermanencesOf {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').WebActorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebShelterPlaces($actorId: ID!) {\n    actors(where: { id: { eq: $actorId } }, limit: 1) {\n      id\n      name\n      services(where: { kind: { eq: HOUSING_PLACES } }, sort: [{ name: ASC }]) {\n        id\n        name\n        capacity {\n          placesFree\n          placesTotal\n          updatedAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WebShelterPlacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebUpdatePlacesFree($input: PlacesFreeInput!) {\n    updatePlacesFree(input: $input) {\n      serviceId\n      placesFree\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').WebUpdatePlacesFreeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
