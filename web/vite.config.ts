/**
 * The web app's build. `--mode developer` (npm start, the tests, the benchmark) compiles in the
 * development sign-in and writes web/dist-developer/; the default production mode leaves it out and
 * writes web/dist/, which stacks/web.ts deploys. index.html's static strings come from the catalogue.
 */
import { defineConfig, type Plugin } from "vite";
import { catalogues } from "./src/i18n/catalogue";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function staticStrings(): Plugin {
  return {
    name: "parcours-static-strings",
    transformIndexHtml(html) {
      const text = (key: string) => {
        const value = catalogues.fr[key as keyof typeof catalogues.fr];
        if (typeof value !== "string") throw new Error(`index.html names "${key}", which the catalogue lacks`);
        return escapeHtml(value);
      };
      return html.replace(/\{\{(\w+)\}\}/g, (_, key: string) => text(key)).replace(/<([a-z0-9]+)([^>]*?) data-t="(\w+)"([^>]*)><\/\1>/g, (_, tag: string, before: string, key: string, after: string) => {
        return `<${tag}${before} data-t="${key}"${after}>${text(key)}</${tag}>`;
      });
    },
  };
}

/**
 * The page's Content-Security-Policy, also where a static host sets no header: its own origin, the
 * API's when deployed apart, and the identity provider's, which only the sign-in calls.
 */
function contentSecurityPolicy(): Plugin {
  const origins = [process.env.VITE_API_URL, process.env.VITE_OIDC_ISSUER].filter((url): url is string => Boolean(url)).map((url) => ` ${new URL(url).origin}`);
  const policy = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'${origins.join("")}; base-uri 'none'; form-action 'self'`;
  return {
    name: "parcours-content-security-policy",
    transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: policy }, injectTo: "head-prepend" }],
  };
}

export default defineConfig(({ mode }) => ({
  root: import.meta.dirname,
  plugins: [staticStrings(), contentSecurityPolicy()],
  define: { __DEVELOPMENT_SIGN_IN__: JSON.stringify(mode === "developer") },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: mode === "developer" ? "dist-developer" : "dist",
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rolldownOptions: { input: { index: `${import.meta.dirname}/index.html`, signInReturn: `${import.meta.dirname}/sign-in-return.html` } },
    target: "es2022",
  },
  server: { port: Number(process.env.WEB_DEV_PORT ?? 5173), proxy: { "/graphql": `http://localhost:${process.env.PORT ?? 4000}`, "/local": `http://localhost:${process.env.PORT ?? 4000}` } },
}));
