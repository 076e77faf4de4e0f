/**
 * The numbers a route in danger starts with. Kept apart from referral-route.ts so that codegen
 * (local/emergency-lines.ts) ships their seed facts with the function without importing the route.
 */
export const emergencyNumbers = ["17", "112", "114", "3919"] as const;
/** For a minor, or when children are exposed. */
export const childEmergencyNumber = "119";
