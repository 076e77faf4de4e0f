/** The professional's session: in memory only, gone when the page is closed or left. */
export interface Session {
  token: string;
  role: string;
  actor?: string;
  departement?: string;
}

let current: Session | undefined;

export const session = {
  get: () => current,
  set: (next: Session | undefined) => {
    current = next;
  },
};
