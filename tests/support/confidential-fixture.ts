/**
 * A confidential shelter with a known fake address, written through the API by a coordinator of its
 * département (the seed's confidential locations have no address, so they could not show a leak).
 * Every access test probes responses for these strings.
 */
import { graphql } from "./http-api";
import { tokenFor } from "./tokens";

export const secret = {
  street: "7 rue du Secret-Matrice",
  postalCode: "92777",
  latitude: 48.8512345,
  longitude: 2.2512345,
};

/** What must never appear in a response to a caller who may not see the address. */
export const secretStrings = [secret.street, "Secret-Matrice", secret.postalCode, String(secret.latitude), String(secret.longitude)];

export const fixture = {
  locationId: "loc-matrice-hebergement",
  actorId: "matrice-hebergeur",
  serviceId: "matrice-hebergement",
  publicPhone: "01 40 00 00 01",
  referralPhone: "01 40 00 00 02",
  placesFree: 3,
};

export const confidentialDataset = {
  sources: [{ id: "matrice-source", ref: "https://example.org/matrice", title: "Source fictive des tests d'accès", verifiedAt: "2026-11-01" }],
  locations: [
    {
      id: fixture.locationId,
      name: "Hébergement Matrice (adresse confidentielle)",
      address: secret.street,
      postalCode: secret.postalCode,
      commune: "92050",
      latitude: secret.latitude,
      longitude: secret.longitude,
      confidential: true,
      source: "matrice-source",
    },
  ],
  actors: [
    {
      id: fixture.actorId,
      name: "Hébergeur Matrice",
      kind: "SHELTER_OPERATOR",
      description: "Opérateur fictif des tests d'accès.",
      departement: "92",
      covers: ["92"],
      basedAt: fixture.locationId,
      contacts: [
        { channel: "PHONE", value: fixture.publicPhone, label: "Accueil", source: "matrice-source" },
        { channel: "PHONE", value: fixture.referralPhone, label: "Ligne des orientations", referralOnly: true, source: "matrice-source" },
      ],
      services: [
        {
          id: fixture.serviceId,
          name: "Hébergement d'urgence Matrice",
          kind: "HOUSING_PLACES",
          audience: "VICTIMS",
          // What a referral route for a woman in danger tonight in the 92 asks for, so that routes reach it.
          situations: ["INTIMATE_PARTNER_VIOLENCE"],
          needs: ["EMERGENCY_SHELTER", "IMMEDIATE_SAFETY"],
          eligibility: { gender: "WOMEN", children: "ACCEPTED" },
          actsTonight: true,
          area: ["92"],
          at: [fixture.locationId],
          contacts: [{ channel: "PHONE", value: fixture.referralPhone, label: "Ligne des orientations", referralOnly: true, source: "matrice-source" }],
          capacity: { placesTotal: 12, placesFree: fixture.placesFree, updatedAt: "2026-11-20", description: "Douze places fictives.", source: "matrice-source" },
          source: "matrice-source",
        },
      ],
      source: "matrice-source",
    },
  ],
};

export const saveDatasetMutation = `mutation ($input: DatasetInput!) { saveDataset(input: $input) { nodesCreated } }`;

export async function writeConfidentialFixture(): Promise<void> {
  const response = await graphql(saveDatasetMutation, { input: confidentialDataset }, await tokenFor("COORDINATOR", { departement: "92" }));
  if (response.body.errors) throw new Error(`fixture not written: ${JSON.stringify(response.body.errors)}`);
}

export function leakedSecrets(body: string): string[] {
  const text = body.toLowerCase();
  return secretStrings.filter((s) => text.includes(s.toLowerCase()));
}
