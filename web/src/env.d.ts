/// <reference types="vite/client" />

/** True in `vite build --mode developer` (npm start, the tests): the development sign-in is compiled in. */
declare const __DEVELOPMENT_SIGN_IN__: boolean;

interface ImportMetaEnv {
  /** The API's URL when the web app is not served next to it (stacks/web.ts). */
  readonly VITE_API_URL?: string;
}
