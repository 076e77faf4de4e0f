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

export type WhatServesACommuneQueryVariables = Exact<{
  commune: string | number;
}>;


export type WhatServesACommuneQuery = { territories: Array<{ name: string, servicesInReach: Array<{ name: string, kind: ServiceKind, providers: Array<{ name: string }>, contacts: Array<{ value: string }>, reachableContacts: Array<{ channel: ContactChannel, value: string }>, schedule: { openingHours: string | null, description: string | null } | null }> }> };

export type FindAnActorQueryVariables = Exact<{
  text: string;
}>;


export type FindAnActorQuery = { search: Array<{ id: string, name: string, kind: ActorKind, services: Array<{ name: string }> }> };

export type NationalLinesQueryVariables = Exact<{ [key: string]: never; }>;


export type NationalLinesQuery = { services: Array<{ name: string, actsTonight: boolean, contacts: Array<{ channel: ContactChannel, value: string, free: boolean | null }> }> };

export type PlacesAvailableQueryVariables = Exact<{ [key: string]: never; }>;


export type PlacesAvailableQuery = { services: Array<{ name: string, capacity: { placesAvailable: Availability } | null }> };

export type ReferralRouteQueryVariables = Exact<{
  input: RouteRequest;
}>;


export type ReferralRouteQuery = { referralRoute: { emergency: Array<{ number: string, label: string }>, steps: Array<{ rank: number, need: NeedCode, reasons: Array<string>, service: { name: string, reachableContacts: Array<{ channel: ContactChannel, value: string }> } }> } };

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

export const WhatServesACommuneDocument = new TypedDocumentString(`
    query WhatServesACommune($commune: ID!) {
  territories(where: {code: {eq: $commune}}, limit: 1) {
    name
    servicesInReach {
      name
      kind
      providers {
        name
      }
      contacts {
        value
      }
      reachableContacts {
        channel
        value
      }
      schedule {
        openingHours
        description
      }
    }
  }
}
    `, {"hash":"sha256:e60e4567ca3edd974ca753dff1c308fe181c5f8741b6ac9e6c446d52eeebb384"}) as unknown as TypedDocumentString<WhatServesACommuneQuery, WhatServesACommuneQueryVariables>;
export const FindAnActorDocument = new TypedDocumentString(`
    query FindAnActor($text: String!) {
  search(text: $text, limit: 5) {
    id
    name
    kind
    services {
      name
    }
  }
}
    `, {"hash":"sha256:2de4d6e4137930d3315643bc476540b39ab4e0dd0bdca1a4ad98e61b5f50bab1"}) as unknown as TypedDocumentString<FindAnActorQuery, FindAnActorQueryVariables>;
export const NationalLinesDocument = new TypedDocumentString(`
    query NationalLines {
  services(
    where: {area: {some: {level: {eq: NATIONAL}}}, kind: {in: [EMERGENCY_LINE, LISTENING_LINE]}}
    sort: [{name: ASC}]
  ) {
    name
    actsTonight
    contacts {
      channel
      value
      free
    }
  }
}
    `, {"hash":"sha256:a8ed4bf625378cca36130ade8e48ac9cde0a5faf10174a9607b0c21c0a86489a"}) as unknown as TypedDocumentString<NationalLinesQuery, NationalLinesQueryVariables>;
export const PlacesAvailableDocument = new TypedDocumentString(`
    query PlacesAvailable {
  services(where: {kind: {eq: HOUSING_PLACES}}) {
    name
    capacity {
      placesAvailable
    }
  }
}
    `, {"hash":"sha256:e7779ca3ed5b9a12c308f8956a89a87cc9795adb5a50666b4fbdfa8498bb9338"}) as unknown as TypedDocumentString<PlacesAvailableQuery, PlacesAvailableQueryVariables>;
export const ReferralRouteDocument = new TypedDocumentString(`
    query ReferralRoute($input: RouteRequest!) {
  referralRoute(input: $input) {
    emergency {
      number
      label
    }
    steps {
      rank
      need
      reasons
      service {
        name
        reachableContacts {
          channel
          value
        }
      }
    }
  }
}
    `, {"hash":"sha256:9a7f85c62d08de633ef9c7e9a616c91af9c91d197bd98e57734beff33ccb76cf"}) as unknown as TypedDocumentString<ReferralRouteQuery, ReferralRouteQueryVariables>;