/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What kind of organisation an actor is. */
export type ActorKind =
  /** An association (loi 1901), such as ADAVIP 92 or L'Escale. */
  | 'ASSOCIATION'
  /** A company taking part in the network. */
  | 'COMPANY'
  /** A service of a Département (PMI, services des solidarités territoriales…). */
  | 'DEPARTEMENT_SERVICE'
  /** An organisation that funds actors or services without serving people itself. */
  | 'FUNDER'
  /** A health service outside a hospital (centre de santé, CPTS…). */
  | 'HEALTH'
  /** A national or regional telephone line, such as 3919. */
  | 'HELPLINE'
  /** A hospital unit (médecine légale, urgences, unité d'accueil…). */
  | 'HOSPITAL_UNIT'
  /** A court, a prosecutor's office or another justice service. */
  | 'JUSTICE'
  /** A commune, its CCAS or its social landlord. */
  | 'LOCAL_AUTHORITY'
  /** An inter-association scheme or platform, such as FVV 92. */
  | 'NETWORK'
  /** The police or gendarmerie as an institution (a direction, a brigade). */
  | 'POLICE'
  /** A commissariat or gendarmerie where a complaint can be filed. */
  | 'POLICE_STATION'
  /** An organisation that runs shelters or housing places. */
  | 'SHELTER_OPERATOR'
  /** A State service (préfecture, SPIP…). */
  | 'STATE_SERVICE';

/** Who a service is for. Perpetrator programmes never mix with victims' routes. */
export type Audience =
  /** Anyone. */
  | 'GENERAL_PUBLIC'
  /** Perpetrators of violence. */
  | 'PERPETRATORS'
  /** Professionals of the network. */
  | 'PROFESSIONALS'
  /** Women victims of violence (and their children). */
  | 'VICTIMS';

/** Whether a housing service has free places now, as everyone may know it. */
export type Availability =
  /** No place is free. */
  | 'NO'
  /** No one has said how many places are free. */
  | 'UNKNOWN'
  /** At least one place is free. */
  | 'YES';

/** How a contact point is used. */
export type ContactChannel =
  /** An online chat. */
  | 'CHAT'
  /** An email address. */
  | 'EMAIL'
  /** A telephone number, as dialled in France. */
  | 'PHONE'
  /** A number to text. */
  | 'SMS'
  /** A website. */
  | 'WEB';

/** How close the best answer to a need is to a commune. */
export type CoverageReach =
  /** Only services of the whole département answer. */
  | 'DEPARTEMENT'
  /** A service serves the commune itself. */
  | 'IN_COMMUNE'
  /** A service serves the commune's zone (établissement public territorial or antenne sector). */
  | 'IN_ZONE'
  /** Only national services (lines, online services) answer. */
  | 'NATIONAL_ONLY'
  /** Nothing in the graph answers. */
  | 'NONE';

/** A kind of fact that carries verifiedAt. */
export type FactLabel =
  /** An actor. */
  | 'Actor'
  /** Places of a housing service. */
  | 'Capacity'
  /** A contact point (its value is never shown here). */
  | 'ContactPoint'
  /** A convention. */
  | 'Convention'
  /** A location (its address is never shown here). */
  | 'Location'
  /** Opening hours. */
  | 'Schedule'
  /** A service. */
  | 'Service'
  /** A source document or page. */
  | 'Source';

/** A fact a coordinator has checked. */
export type MarkVerifiedInput = {
  /** The record's id. */
  id: string | number;
  /** The record's label. */
  label: FactLabel;
  /** How it was checked. */
  method: VerificationMethod;
};

/** Needs a service answers, in the order a route usually takes them (safety first). */
export type NeedCode =
  /** Protection de l'enfance. */
  | 'CHILD_PROTECTION'
  /** Dépôt de plainte. */
  | 'COMPLAINT'
  /** Hébergement d'urgence. */
  | 'EMERGENCY_SHELTER'
  /** Insertion professionnelle. */
  | 'EMPLOYMENT'
  /** Logement (durable). */
  | 'HOUSING'
  /** Mise en sécurité immédiate. */
  | 'IMMEDIATE_SAFETY'
  /** Conseil juridique. */
  | 'LEGAL_ADVICE'
  /** Écoute, information. */
  | 'LISTENING'
  /** Soins et constatations médico-légales. */
  | 'MEDICAL_FORENSIC'
  /** Suivi des auteurs de violences. */
  | 'PERPETRATOR_FOLLOW_UP'
  /** Soutien psychologique. */
  | 'PSYCHOLOGICAL'
  /** Accompagnement social, droits, ressources. */
  | 'SOCIAL_SUPPORT';

/** What a network node is. */
export type NetworkNodeKind =
  /** An actor. */
  | 'ACTOR'
  /** A convention. */
  | 'CONVENTION'
  /** A service. */
  | 'SERVICE';

/** A relation between actors, or between an actor and a service or convention. */
export type NetworkRelationType =
  /** An actor coordinates a network or scheme. */
  | 'COORDINATES'
  /** An actor funds another actor or a service. */
  | 'FUNDS'
  /** An actor holds permanences at another (ADAVIP 92 in the commissariats). */
  | 'HOLDS_PERMANENCE_AT'
  /** An actor is a member of a network. */
  | 'MEMBER_OF'
  /** An actor offers a service. */
  | 'OFFERS'
  /** An actor is a party to a convention. */
  | 'PARTY_TO'
  /** An organisation is part of another. */
  | 'PART_OF'
  /** An actor is known to refer people to another. */
  | 'REFERS_TO';

/** A new count of free places for one housing service. */
export type PlacesFreeInput = {
  /** The number of places free now, 0 or more. */
  placesFree: number;
  /** The housing service (kind HOUSING_PLACES) whose free places change. */
  serviceId: string | number;
};

/** What a front-line worker knows of the situation. Nothing about the woman herself is stored. */
export type RouteRequest = {
  /** Her age in years, when it matters (a minor gets 119 and services for her age). */
  age?: number | null | undefined;
  /** When the route is for; default now. Hours are evaluated in Europe/Paris time. */
  at?: string | null | undefined;
  /**
   * INSEE code ("92050") or name ("Nanterre", "Lyon", accent- and case-insensitive) of the French commune
   * she lives in or is in. A name several communes bear is refused with their INSEE codes.
   */
  commune: string;
  /** ISO 639 codes of the languages she speaks ("fr", "ar"…). */
  languages?: Array<string> | null | undefined;
  /** Options per need, 1 to 10; default 3. */
  maxOptionsPerNeed?: number | null | undefined;
  /**
   * The needs to cover. When absent: the needs typical of the situations (Situation.typicalNeeds), and
   * IMMEDIATE_SAFETY and EMERGENCY_SHELTER first when urgency is IMMEDIATE_DANGER. A route is for a
   * victim or for a perpetrator (PERPETRATOR_FOLLOW_UP), never both.
   */
  needs?: Array<NeedCode> | null | undefined;
  /** The situations of violence she faces; at least one. */
  situations: Array<SituationCode>;
  /** Default PLANNED. */
  urgency?: Urgency | null | undefined;
  /** True when she comes with her children: services that do not accept them are left out. */
  withChildren?: boolean | null | undefined;
};

/** What a service is, in the words of the field. */
export type ServiceKind =
  /** Where a complaint is filed (commissariat, gendarmerie). */
  | 'COMPLAINT_DESK'
  /** Coordination of the network's professionals. */
  | 'COORDINATION'
  /** An emergency number (17, 112, 114). */
  | 'EMERGENCY_LINE'
  /** Emergency support to victims, such as SAVU 92. */
  | 'EMERGENCY_VICTIM_SUPPORT'
  /** Help towards work and training. */
  | 'EMPLOYMENT_SUPPORT'
  /** Family mediation, such as a conférence familiale: never proposed in a route, all of whose situations are violence (Istanbul Convention, art. 48). */
  | 'FAMILY_MEDIATION'
  /** Forensic medicine: injuries recorded for a complaint (UMJ). */
  | 'FORENSIC_MEDICINE'
  /** Medical care. */
  | 'HEALTH_CARE'
  /** Shelter or housing places; their capacity says whether places are free. */
  | 'HOUSING_PLACES'
  /** A permanence of lawyers or jurists. */
  | 'LEGAL_PERMANENCE'
  /** A listening and information line, such as 3919. */
  | 'LISTENING_LINE'
  /** Reporting or pre-complaint online. */
  | 'ONLINE_REPORTING'
  /** A programme for perpetrators, such as ALCV's at SPIP 92. */
  | 'PERPETRATOR_PROGRAMME'
  /** Prevention and awareness actions. */
  | 'PREVENTION'
  /** A protection device granted by the justice system, such as Téléphone Grave Danger. */
  | 'PROTECTION_DEVICE'
  /** A social service (rights, resources, accompaniment). */
  | 'SOCIAL_SERVICE'
  /** A social worker's permanence, as in commissariats. */
  | 'SOCIAL_WORKER_PERMANENCE'
  /** A psychological consultation for victims (psychotraumatisme). */
  | 'VICTIMOLOGY_CONSULTATION'
  /** A day centre that welcomes women (accueil de jour). */
  | 'WELCOME_CENTRE';

/** Situations of violence a service handles. Labels are in French, as front-line workers speak. */
export type SituationCode =
  /** Enfants exposés aux violences. */
  | 'CHILD_EXPOSURE'
  /** Mutilations sexuelles féminines. */
  | 'FGM'
  /** Mariage forcé. */
  | 'FORCED_MARRIAGE'
  /** Harcèlement, y compris cyberviolences. */
  | 'HARASSMENT'
  /** Violences conjugales. */
  | 'INTIMATE_PARTNER_VIOLENCE'
  /** Violences intrafamiliales. */
  | 'INTRAFAMILY_VIOLENCE'
  /** Prostitution et exploitation sexuelle. */
  | 'SEXUAL_EXPLOITATION'
  /** Violences sexuelles. */
  | 'SEXUAL_VIOLENCE'
  /** Violences au travail. */
  | 'WORKPLACE_VIOLENCE';

/** How soon the woman needs help. */
export type Urgency =
  /** She is in danger now: the route starts with the emergency numbers and prefers what can act tonight. */
  | 'IMMEDIATE_DANGER'
  /** No urgency: the route is planned. */
  | 'PLANNED'
  /** Help is needed within days. */
  | 'URGENT';

/** How a coordinator checked a fact. */
export type VerificationMethod =
  /** By telephone. */
  | 'CALL'
  /** By e-mail. */
  | 'EMAIL'
  /** On the actor's or an official public page. */
  | 'PAGE'
  /** By a visit. */
  | 'VISIT';

export type WebCoverageQueryVariables = Exact<{
  departement: string;
  situation?: SituationCode | null | undefined;
}>;


export type WebCoverageQuery = { coverage: { departement: string, populationSource: string, populationYear: number, reachSource: string, cells: Array<{ communeCode: string, need: NeedCode, reach: CoverageReach, servicesInReach: number, gap: boolean }>, communes: Array<{ code: string, name: string, zoneCode: string | null, zoneName: string | null, needsWithoutLocalAnswer: number, population: { value: number | null } }> } };

export type WebCoverageCommuneQueryVariables = Exact<{
  departement: string;
  situation?: SituationCode | null | undefined;
  communesOffset: number;
}>;


export type WebCoverageCommuneQuery = { coverage: { cells: Array<{ communeCode: string, communeName: string, need: NeedCode, reach: CoverageReach, serviceIds: Array<string>, servicesInReach: number, gap: boolean, explanation: string | null, population: { value: number | null }, placesTotal: { value: number | null } }>, services: Array<{ id: string, name: string, actorName: string, weeklyHours: number | null, placesTotal: number | null, source: string, verifiedAt: string }> } };

export type WebCoverageExportQueryVariables = Exact<{
  departement: string;
  situation?: SituationCode | null | undefined;
}>;


export type WebCoverageExportQuery = { coverage: { cells: Array<{ communeCode: string, communeName: string, need: NeedCode, reach: CoverageReach, servicesInReach: number, gap: boolean, explanation: string | null, population: { value: number | null } }> } };

export type WebCoverageGapsQueryVariables = Exact<{
  departement: string;
  situation?: SituationCode | null | undefined;
  gapsOffset?: number | null | undefined;
  gapsLimit?: number | null | undefined;
}>;


export type WebCoverageGapsQuery = { coverage: { gapsTotal: number, gaps: Array<{ communeCode: string, communeName: string, need: NeedCode, reach: CoverageReach, explanation: string | null, population: { value: number | null } }> } };

export type WebStandardsQueryVariables = Exact<{
  departement: string;
}>;


export type WebStandardsQuery = { standards: { population: number, populationYear: number, measures: Array<{ key: string, label: string, needed: number, present: number | null, presentAtLeast: number | null, gap: number | null, counted: string, population: number, populationYear: number, populationSource: string, standardSource: string }> } };

export type WebFreshnessQueryVariables = Exact<{
  departement: string;
  limit?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type WebFreshnessQuery = { freshness: { facts: number, meanScore: number, toCheck: Array<{ label: FactLabel, id: string, about: string, verifiedAt: string, ageMonths: number, unverified: boolean, source: string }>, campaign: { since: string, toDo: number, done: number } } };

export type WebRecordsToQualifyQueryVariables = Exact<{
  limit?: number | null | undefined;
}>;


export type WebRecordsToQualifyQuery = { recordsToQualify: Array<{ id: string, recordKind: string, feedId: string, actorId: string | null, name: string, description: string | null, missing: Array<string>, terms: Array<string>, areas: Array<string>, source: string, verifiedAt: string }> };

export type WebMarkVerifiedMutationVariables = Exact<{
  input: MarkVerifiedInput;
}>;


export type WebMarkVerifiedMutation = { markVerified: { label: FactLabel, id: string, verifiedAt: string, auditId: string } };

export type WebDemandQueryVariables = Exact<{
  departement: string;
}>;


export type WebDemandQuery = { demand: { from: string, to: string, unmetByCommune: Array<{ communeCode: string, communeName: string, count: string }> } };

export type WebNetworkQueryVariables = Exact<{
  departement: string;
}>;


export type WebNetworkQuery = { network: { isolatedActors: Array<string>, nodes: Array<{ id: string, name: string, nodeKind: NetworkNodeKind }>, relations: Array<{ type: NetworkRelationType, from: string, to: string }>, singlePointsOfFailure: Array<{ actorId: string, need: NeedCode, population: number, statement: string }> } };

export type WebCommunesQueryVariables = Exact<{ [key: string]: never; }>;


export type WebCommunesQuery = { territories: Array<{ code: string, name: string }> };

export type WebReferralRouteQueryVariables = Exact<{
  input: RouteRequest;
}>;


export type WebReferralRouteQuery = { referralRoute: { communeCode: string, communeName: string, covered: boolean, needs: Array<NeedCode>, at: string, excludedTruncated: boolean, emergency: Array<{ number: string, label: string, available: string, channel: ContactChannel }>, steps: Array<{ rank: number, need: NeedCode, openNow: boolean | null, nextOpening: string | null, placesFree: number | null, referralOnly: boolean, reasons: Array<string>, actor: { id: string, name: string }, service: { id: string, name: string, kind: ServiceKind, audience: Audience, verifiedAt: string, unverified: boolean, capacity: { placesAvailable: Availability } | null, schedule: { description: string | null } | null, reachableContacts: Array<{ id: string, channel: ContactChannel, value: string, label: string | null }> } }>, uncoveredNeeds: Array<{ need: NeedCode, reason: string }>, excluded: Array<{ need: NeedCode, reasons: Array<string>, actor: { id: string, name: string }, service: { id: string, name: string } }> } };

export type WebSearchQueryVariables = Exact<{
  text: string;
}>;


export type WebSearchQuery = { search: Array<{ id: string, name: string, kind: ActorKind, description: string | null, services: Array<{ id: string, audience: Audience }> }> };

export type WebActorQueryVariables = Exact<{
  id: string | number;
}>;


export type WebActorQuery = { actors: Array<{ id: string, name: string, aliases: Array<string>, kind: ActorKind, description: string | null, departement: string | null, source: string, verifiedAt: string, unverified: boolean, contacts: Array<{ id: string, channel: ContactChannel, value: string, label: string | null }>, covers: Array<{ code: string, name: string }>, services: Array<{ id: string, name: string, kind: ServiceKind, audience: Audience, description: string | null, referralRequired: boolean, referredBy: string | null, source: string, verifiedAt: string, unverified: boolean, schedule: { openingHours: string | null, description: string | null } | null, reachableContacts: Array<{ id: string, channel: ContactChannel, value: string, label: string | null }>, area: Array<{ code: string, name: string }>, capacity: { placesAvailable: Availability } | null }>, coordinates: Array<{ id: string, name: string }>, coordinatedBy: Array<{ id: string, name: string }>, memberOf: Array<{ id: string, name: string }>, members: Array<{ id: string, name: string }>, fundedBy: Array<{ id: string, name: string }>, holdsPermanenceAt: Array<{ id: string, name: string }>, hostsPermanencesOf: Array<{ id: string, name: string }> }> };

export type WebShelterPlacesQueryVariables = Exact<{
  actorId: string | number;
}>;


export type WebShelterPlacesQuery = { actors: Array<{ id: string, name: string, services: Array<{ id: string, name: string, capacity: { placesFree: number | null, placesTotal: number | null, updatedAt: string | null } | null }> }> };

export type WebUpdatePlacesFreeMutationVariables = Exact<{
  input: PlacesFreeInput;
}>;


export type WebUpdatePlacesFreeMutation = { updatePlacesFree: { serviceId: string, placesFree: number, updatedAt: string } };

export type WebPlacesAuditQueryVariables = Exact<{
  limit: number;
}>;


export type WebPlacesAuditQuery = { auditRecords: Array<{ id: string, at: string, subject: string, role: string, changes: string }> };

export type WebServicesOfCapacitiesQueryVariables = Exact<{
  capacityIds: Array<string | number> | string | number;
}>;


export type WebServicesOfCapacitiesQuery = { services: Array<{ id: string, name: string, capacity: { id: string } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const WebCoverageDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:44293bc4b0d972cbc548d91b8dadeec85f84383dae53a2d0e416315bfcf0bbf7"}) as unknown as TypedDocumentString<WebCoverageQuery, WebCoverageQueryVariables>;
export const WebCoverageCommuneDocument = new TypedDocumentString(`
    query WebCoverageCommune($departement: String!, $situation: SituationCode, $communesOffset: Int!) {
  coverage(
    departement: $departement
    situation: $situation
    communesOffset: $communesOffset
    communesLimit: 1
    gapsLimit: 0
  ) {
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
    `, {"hash":"sha256:786ddc010b3376cdc518468f119edff8bb19e674fb0ab2572edd446daa7a9a75"}) as unknown as TypedDocumentString<WebCoverageCommuneQuery, WebCoverageCommuneQueryVariables>;
export const WebCoverageExportDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:5cdfbe941e2a5e59fffe4de88a2b044c94c6258cf1e419c8c92db5ea944b6dd6"}) as unknown as TypedDocumentString<WebCoverageExportQuery, WebCoverageExportQueryVariables>;
export const WebCoverageGapsDocument = new TypedDocumentString(`
    query WebCoverageGaps($departement: String!, $situation: SituationCode, $gapsOffset: Int, $gapsLimit: Int) {
  coverage(
    departement: $departement
    situation: $situation
    gapsOffset: $gapsOffset
    gapsLimit: $gapsLimit
  ) {
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
    `, {"hash":"sha256:5cf2335d8186464ad3072b0a68cd48ab9267cac7d3d6670793658535d13124e6"}) as unknown as TypedDocumentString<WebCoverageGapsQuery, WebCoverageGapsQueryVariables>;
export const WebStandardsDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:e4048df061222045557cb445dfb4127e7cfe68a20b34214968421818b3e8767d"}) as unknown as TypedDocumentString<WebStandardsQuery, WebStandardsQueryVariables>;
export const WebFreshnessDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:e9731e730627c01cd626c9e5f233115b1a58f0b1fc848e139d0ab9190e86c9fc"}) as unknown as TypedDocumentString<WebFreshnessQuery, WebFreshnessQueryVariables>;
export const WebRecordsToQualifyDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:2219b3bbda232b0b43d29bacdf1c0d0a16779a9695e71a2f8608fcd10b1f8b71"}) as unknown as TypedDocumentString<WebRecordsToQualifyQuery, WebRecordsToQualifyQueryVariables>;
export const WebMarkVerifiedDocument = new TypedDocumentString(`
    mutation WebMarkVerified($input: MarkVerifiedInput!) {
  markVerified(input: $input) {
    label
    id
    verifiedAt
    auditId
  }
}
    `, {"hash":"sha256:e23815eb5d8fb4161f8f657c16295c980022712e3008e7ea018a6782bc03ac15"}) as unknown as TypedDocumentString<WebMarkVerifiedMutation, WebMarkVerifiedMutationVariables>;
export const WebDemandDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:595ae1ae0cc072b96fc27f836809ec12c3a2f9486d504888f80bec3186b50fa0"}) as unknown as TypedDocumentString<WebDemandQuery, WebDemandQueryVariables>;
export const WebNetworkDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:38b518843a2e843774fd06b928d1a824a66b593f03cf486328b8386aa790fabd"}) as unknown as TypedDocumentString<WebNetworkQuery, WebNetworkQueryVariables>;
export const WebCommunesDocument = new TypedDocumentString(`
    query WebCommunes {
  territories(where: {level: {eq: COMMUNE}}, sort: [{name: ASC}], limit: 1000) {
    code
    name
  }
}
    `, {"hash":"sha256:eb7d923d8d1c1a8990ea921bef9d98be4bbcc2c9d18ee48918453e91e5974a88"}) as unknown as TypedDocumentString<WebCommunesQuery, WebCommunesQueryVariables>;
export const WebReferralRouteDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:cc8c992fe97ee50c44d0ba1ccc78400471c6925e0fdc4051cc74c9ecb3119416"}) as unknown as TypedDocumentString<WebReferralRouteQuery, WebReferralRouteQueryVariables>;
export const WebSearchDocument = new TypedDocumentString(`
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
    `, {"hash":"sha256:85b1b89519a6f5ada671566f1cecb63d943b78cc45df01ebc6b8b0a60b2ffe0c"}) as unknown as TypedDocumentString<WebSearchQuery, WebSearchQueryVariables>;
export const WebActorDocument = new TypedDocumentString(`
    query WebActor($id: ID!) {
  actors(where: {id: {eq: $id}}, limit: 1) {
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
    `, {"hash":"sha256:d462ed0f1bddcdcda6a54fb5782e4f0b585145aee09cdd7ac229efe9239a9a1d"}) as unknown as TypedDocumentString<WebActorQuery, WebActorQueryVariables>;
export const WebShelterPlacesDocument = new TypedDocumentString(`
    query WebShelterPlaces($actorId: ID!) {
  actors(where: {id: {eq: $actorId}}, limit: 1) {
    id
    name
    services(where: {kind: {eq: HOUSING_PLACES}}, sort: [{name: ASC}]) {
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
    `, {"hash":"sha256:feaaafa9f113cd1708d92210b434be7b9dca4270d81ba3c52ec2abbc774b756d"}) as unknown as TypedDocumentString<WebShelterPlacesQuery, WebShelterPlacesQueryVariables>;
export const WebUpdatePlacesFreeDocument = new TypedDocumentString(`
    mutation WebUpdatePlacesFree($input: PlacesFreeInput!) {
  updatePlacesFree(input: $input) {
    serviceId
    placesFree
    updatedAt
  }
}
    `, {"hash":"sha256:c59f142e3f267560eb353277b4404c5e59a72c7c0b9f56df83b876102934a7e8"}) as unknown as TypedDocumentString<WebUpdatePlacesFreeMutation, WebUpdatePlacesFreeMutationVariables>;
export const WebPlacesAuditDocument = new TypedDocumentString(`
    query WebPlacesAudit($limit: Int!) {
  auditRecords(
    where: {operation: {eq: "updatePlacesFree"}}
    sort: [{at: DESC}]
    limit: $limit
  ) {
    id
    at
    subject
    role
    changes
  }
}
    `, {"hash":"sha256:eac293d0be01a089df501ec3e85b41cca8a174a21380315874c230a4976bc496"}) as unknown as TypedDocumentString<WebPlacesAuditQuery, WebPlacesAuditQueryVariables>;
export const WebServicesOfCapacitiesDocument = new TypedDocumentString(`
    query WebServicesOfCapacities($capacityIds: [ID!]!) {
  services(where: {capacity: {id: {in: $capacityIds}}}, limit: 100) {
    id
    name
    capacity {
      id
    }
  }
}
    `, {"hash":"sha256:447c2404fe2d6713a3327d68f910b25b73547de19142bae7a9333fedb0e410c2"}) as unknown as TypedDocumentString<WebServicesOfCapacitiesQuery, WebServicesOfCapacitiesQueryVariables>;