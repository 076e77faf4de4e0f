/** HSDS 3 organizations as a French directory would publish them, with the "parcours" attributes. */
const term = (code: string, n: number) => ({
  id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`,
  taxonomy_term: { id: `00000000-0000-4000-9000-0000000000${String(n).padStart(2, "0")}`, code, name: code, description: code, taxonomy: "parcours" },
});

export const hsdsOrganization = {
  id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c01",
  name: "Association HSDS de test",
  alternate_name: "AHT",
  description: "Association de test publiée par un annuaire HSDS.",
  email: "contact@example.org",
  website: "https://example.org/aht",
  tax_status: "ignored by Parcours",
  year_incorporated: 2001,
  attributes: [term("actor-kind:ASSOCIATION", 1), term("departement:92", 2), term("covers:92", 3)],
  phones: [{ id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c02", number: "+33 1 47 00 00 02", type: "voice" }],
  locations: [
    {
      id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c03",
      location_type: "physical",
      name: "Accueil de Nanterre",
      latitude: 48.892,
      longitude: 2.206,
      transportation: "ignored by Parcours",
      addresses: [
        {
          id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c04",
          address_1: "1 rue de l'Exemple",
          city: "Nanterre",
          state_province: "Hauts-de-Seine",
          postal_code: "92000",
          country: "FR",
          address_type: "physical",
        },
      ],
    },
  ],
  services: [
    {
      id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c05",
      name: "Permanence juridique HSDS",
      description: "Permanence de test.",
      status: "active",
      url: "https://example.org/aht/permanence",
      assured_date: "2026-10-15",
      minimum_age: 18,
      fees_description: "ignored by Parcours",
      attributes: [
        term("service-kind:LEGAL_PERMANENCE", 4),
        term("audience:VICTIMS", 5),
        term("need:LEGAL_ADVICE", 6),
        term("situation:INTIMATE_PARTNER_VIOLENCE", 7),
        term("area:92", 8),
        term("gender:WOMEN", 9),
      ],
      phones: [{ id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c06", number: "0147000003", type: "voice" }],
      schedules: [
        { id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c07", freq: "WEEKLY", byday: "MO,TU,WE,TH,FR", opens_at: "09:00:00", closes_at: "12:00:00", description: "En semaine." },
        { id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c08", freq: "WEEKLY", byday: "MO,TU,WE,TH,FR", opens_at: "14:00", closes_at: "17:00" },
      ],
      service_at_locations: [{ id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c09", location_id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c03" }],
    },
    {
      id: "5d1c2a6e-1b1f-4c3e-9a51-7a0f8f6b2c10",
      name: "Ancien service",
      status: "defunct",
    },
  ],
};

export const secondHsdsOrganization = {
  id: "7e2f3b7f-2c20-4d4f-8b62-8b1a9a7c3d01",
  name: "Second réseau HSDS de test",
  description: "",
  attributes: [term("actor-kind:NETWORK", 10)],
  services: [],
};
