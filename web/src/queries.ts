/** The web app's operations; `npm run codegen` types them into generated/web-client/. */
import { graphql } from "../../generated/web-client";

export const communesQuery = graphql(`
  query WebCommunes {
    territories(where: { level: { eq: COMMUNE } }, sort: [{ name: ASC }], limit: 1000) {
      code
      name
    }
  }
`);

export const routeQuery = graphql(`
  query WebReferralRoute($input: RouteRequest!) {
    referralRoute(input: $input) {
      communeCode
      communeName
      covered
      needs
      at
      emergency {
        number
        label
        available
        channel
      }
      steps {
        rank
        need
        openNow
        nextOpening
        placesFree
        referralOnly
        reasons
        actor {
          id
          name
        }
        service {
          id
          name
          kind
          audience
          verifiedAt
          unverified
          capacity {
            placesAvailable
          }
          schedule {
            description
          }
          reachableContacts {
            id
            channel
            value
            label
          }
        }
      }
      uncoveredNeeds {
        need
        reason
      }
      excludedTruncated
      excluded {
        need
        reasons
        actor {
          id
          name
        }
        service {
          id
          name
        }
      }
    }
  }
`);

export const searchQuery = graphql(`
  query WebSearch($text: String!) {
    search(text: $text, limit: 30) {
      id
      name
      kind
      description
      services {
        id
        audience
      }
    }
  }
`);

export const actorQuery = graphql(`
  query WebActor($id: ID!) {
    actors(where: { id: { eq: $id } }, limit: 1) {
      id
      name
      aliases
      kind
      description
      departement
      source
      verifiedAt
      unverified
      contacts {
        id
        channel
        value
        label
      }
      covers {
        code
        name
      }
      services {
        id
        name
        kind
        audience
        description
        referralRequired
        referredBy
        source
        verifiedAt
        unverified
        schedule {
          openingHours
          description
        }
        reachableContacts {
          id
          channel
          value
          label
        }
        area {
          code
          name
        }
        capacity {
          placesAvailable
        }
      }
      coordinates {
        id
        name
      }
      coordinatedBy {
        id
        name
      }
      memberOf {
        id
        name
      }
      members {
        id
        name
      }
      fundedBy {
        id
        name
      }
      holdsPermanenceAt {
        id
        name
      }
      hostsPermanencesOf {
        id
        name
      }
    }
  }
`);

export const shelterPlacesQuery = graphql(`
  query WebShelterPlaces($actorId: ID!) {
    actors(where: { id: { eq: $actorId } }, limit: 1) {
      id
      name
      services(where: { kind: { eq: HOUSING_PLACES } }, sort: [{ name: ASC }]) {
        id
        name
        capacity {
          placesFree
          placesTotal
          updatedAt
        }
      }
    }
  }
`);

export const updatePlacesMutation = graphql(`
  mutation WebUpdatePlacesFree($input: PlacesFreeInput!) {
    updatePlacesFree(input: $input) {
      serviceId
      placesFree
      updatedAt
    }
  }
`);

/** The last updates of free places a coordinator may read (those of its département), newest first. */
export const placesAuditQuery = graphql(`
  query WebPlacesAudit($limit: Int!) {
    auditRecords(where: { operation: { eq: "updatePlacesFree" } }, sort: [{ at: DESC }], limit: $limit) {
      id
      at
      subject
      role
      changes
    }
  }
`);

/** The housing services behind capacity records, to name them in the audit log. */
export const servicesOfCapacitiesQuery = graphql(`
  query WebServicesOfCapacities($capacityIds: [ID!]!) {
    services(where: { capacity: { id: { in: $capacityIds } } }, limit: 100) {
      id
      name
      capacity {
        id
      }
    }
  }
`);
