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
      communes {
        code
        name
        zoneCode
        zoneName
        needsWithoutLocalAnswer
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

export const coverageGapsQuery = graphql(`
  query WebCoverageGaps($departement: String!, $situation: SituationCode, $gapsOffset: Int, $gapsLimit: Int) {
    coverage(departement: $departement, situation: $situation, gapsOffset: $gapsOffset, gapsLimit: $gapsLimit) {
      gapsTotal
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
  query WebFreshness($departement: String!, $limit: Int, $offset: Int) {
    freshness(departement: $departement, limit: $limit, offset: $offset) {
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

export const recordsToQualifyQuery = graphql(`
  query WebRecordsToQualify($limit: Int) {
    recordsToQualify(limit: $limit) {
      id
      recordKind
      feedId
      actorId
      name
      description
      missing
      terms
      areas
      source
      verifiedAt
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
