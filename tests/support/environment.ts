import { vi } from "vitest";

/**
 * Runs `work` with one environment variable set and the modules loaded anew (a handler reads its
 * settings when its module loads), then puts the variable and the modules back.
 */
export async function withEnvironment<T>(name: string, value: string, work: () => Promise<T>): Promise<T> {
  const before = process.env[name];
  vi.resetModules();
  process.env[name] = value;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
    vi.resetModules();
  }
}
