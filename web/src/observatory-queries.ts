/** The observatory's operations (schema/observatory.graphql); `npm run codegen` types them into generated/web-client/. */
import { graphql } from "../../generated/web-client";

export const coverageQuery = graphql(`
  query WebCoverage($departement: String!, $situation: SituationCode) {
    coverage(departement: $departement, situation: $situation) {
      departement
      populationSource
      populationYear
      reachSource
      cells {
        communeCode
        communeName
        need
        reach
        serviceIds
        servicesInReach
        gap
        explanation
        population {
          value
        }
        placesTotal {
          value
        }
      }
      gaps {
        communeCode
        communeName
        need
        reach
        explanation
        population {
          value
        }
      }
      services {
        id
        name
        actorName
        weeklyHours
        placesTotal
        source
        verifiedAt
      }
    }
  }
`);

export const standardsQuery = graphql(`
  query WebStandards($departement: String!) {
    standards(departement: $departement) {
      population
      populationYear
      measures {
        key
        label
        needed
        present
        presentAtLeast
        gap
        counted
        population
        populationYear
        populationSource
        standardSource
      }
    }
  }
`);

export const freshnessQuery = graphql(`
  query WebFreshness($departement: String!, $limit: Int) {
    freshness(departement: $departement, limit: $limit) {
      facts
      meanScore
      toCheck {
        label
        id
        about
        verifiedAt
        ageMonths
        unverified
        source
      }
      campaign {
        since
        toDo
        done
      }
    }
  }
`);

export const markVerifiedMutation = graphql(`
  mutation WebMarkVerified($input: MarkVerifiedInput!) {
    markVerified(input: $input) {
      label
      id
      verifiedAt
      auditId
    }
  }
`);

export const demandQuery = graphql(`
  query WebDemand($departement: String!) {
    demand(departement: $departement) {
      from
      to
      unmetByCommune {
        communeCode
        communeName
        count
      }
    }
  }
`);

export const networkQuery = graphql(`
  query WebNetwork($departement: String!) {
    network(departement: $departement) {
      nodes {
        id
        name
        nodeKind
      }
      relations {
        type
        from
        to
      }
      isolatedActors
      singlePointsOfFailure {
        actorId
        need
        population
        statement
      }
    }
  }
`);
