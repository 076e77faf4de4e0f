/** The observatory's operations (schema/observatory.graphql); `npm run codegen` types them into generated/web-client/. */
import { graphql } from "../../generated/web-client";

// The table and the map: each cell's reach and count only, the communes' names and figures once. A
// cell's services and explanation come with coverageCommuneQuery when it is chosen: asked for every
// cell, they made ~5 MB for the Pas-de-Calais' 887 communes, near the API's 6 MB cap.
export const coverageQuery = graphql(`
  query WebCoverage($departement: String!, $situation: SituationCode) {
    coverage(departement: $departement, situation: $situation) {
      departement
      populationSource
      populationYear
      reachSource
      cells {
        communeCode
        need
        reach
        servicesInReach
        gap
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
    }
  }
`);

/** One commune's cells, whole, and the services behind them: `communesOffset` is its place in `communes`. */
export const coverageCommuneQuery = graphql(`
  query WebCoverageCommune($departement: String!, $situation: SituationCode, $communesOffset: Int!) {
    coverage(departement: $departement, situation: $situation, communesOffset: $communesOffset, communesLimit: 1, gapsLimit: 0) {
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

/** Every cell as the CSV export writes it. */
export const coverageExportQuery = graphql(`
  query WebCoverageExport($departement: String!, $situation: SituationCode) {
    coverage(departement: $departement, situation: $situation, gapsLimit: 0) {
      cells {
        communeCode
        communeName
        need
        reach
        servicesInReach
        gap
        explanation
        population {
          value
        }
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
