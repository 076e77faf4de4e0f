/**
 * Where a built function keeps the V8 code cache of its modules, and the environment that makes
 * Node read it: the stacks set the same variables on each function (stacks/settings.ts).
 */
export const compileCacheDirName = "node-compile-cache";

export function compileCacheEnvironment(functionDir: string): Record<string, string> {
  return { NODE_COMPILE_CACHE: `${functionDir}/${compileCacheDirName}`, NODE_COMPILE_CACHE_PORTABLE: "1" };
}
