/**
 * Runs the local Neo4j (local/neo4j: Neo4j Community 5.26 embedded, Bolt on 127.0.0.1, APOC core)
 * as a detached Java process that outlives the command that started it. The data folder holds the
 * database, `neo4j.log` (the launcher's output) and `launcher.pid`.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { delimiter, dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import neo4j from "neo4j-driver";

export interface Neo4jInstance {
  port: number;
  dataDir: string;
  user: string;
  password: string;
  /** A larger heap than JVM_FLAGS' ("8g"): the transaction memory Neo4j allows is 70 % of it. */
  maxHeap?: string;
  /** Further Neo4j settings (name → value) until the next start (a test's transaction memory limit); an instance already running keeps its own. */
  settings?: Record<string, string>;
}

export interface StartOptions {
  /** Progress messages (the Maven build); silent by default. */
  log?: (message: string) => void;
}

const LAUNCHER_CLASS = "parcours.local.Neo4jLauncher";
const READY_LINE = "Parcours Neo4j ready"; // printed by the launcher once the password is set and APOC checked
// A machine shared by several developers may take longer: NEO4J_START_TIMEOUT_MS raises the wait.
const START_TIMEOUT_MS = Number(process.env.NEO4J_START_TIMEOUT_MS ?? 120_000);
const STOP_TIMEOUT_MS = 30_000;
const MIN_JAVA = 17;

// Two instances (dev + tests) may run side by side on a 2-core, 24 GiB machine; the page cache
// (512 MiB, set by the launcher) comes on top of the heap.
const JVM_FLAGS = [
  "-Xms1g",
  "-Xmx2g",
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
  "-XX:-OmitStackTraceInFastThrow",
  "-Djdk.nio.maxCachedBufferSize=1024",
  // The flags Neo4j's own launcher passes, without which it reports reflective-access failures.
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
];

const localDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = findRepoRoot(localDir);
const launcherDir = join(localDir, "neo4j");
const targetDir = join(launcherDir, "target");
const buildStamp = join(targetDir, "build.stamp");

/** The developer's instance, from NEO4J_* variables; a relative NEO4J_DATA_DIR is under the repo root. */
export function localInstance(env: NodeJS.ProcessEnv = process.env): Neo4jInstance {
  const port = Number(env.NEO4J_PORT || 7687);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`NEO4J_PORT must be a TCP port number, not "${env.NEO4J_PORT}"`);
  }
  return {
    port,
    dataDir: resolve(repoRoot, env.NEO4J_DATA_DIR || ".data/neo4j"),
    user: env.NEO4J_USER || "neo4j",
    password: env.NEO4J_PASSWORD || "parcours-local",
  };
}

export async function startNeo4j(
  instance: Neo4jInstance,
  { log = () => {} }: StartOptions = {},
): Promise<{ uri: string; logFile: string; reused: boolean; startedInMs: number }> {
  const i = withAbsoluteDataDir(instance);
  const { uri, logFile } = paths(i);
  const runningPid = launcherPid(i);
  if (runningPid !== undefined) {
    const startedAt = Date.now();
    await waitUntilReady(i, runningPid);
    return { uri, logFile, reused: true, startedInMs: Date.now() - startedAt };
  }

  const java = findJava();
  if (!(await portIsFree(i.port))) {
    throw new Error(
      `Port ${i.port} on 127.0.0.1 is taken by another process (not the Neo4j of ${i.dataDir}). ` +
        `Stop that process or choose another NEO4J_PORT.`,
    );
  }
  await buildLauncherIfStale(log);

  const startedAt = Date.now();
  const pid = spawnLauncher(java, i);
  try {
    await waitUntilReady(i, pid);
  } catch (error) {
    await stopProcess(pid, i);
    rmSync(paths(i).pidFile, { force: true });
    throw error;
  }
  return { uri, logFile, reused: false, startedInMs: Date.now() - startedAt };
}

/** Stops the instance of this data folder; false when none was running. */
export async function stopNeo4j(instance: Neo4jInstance): Promise<boolean> {
  const i = withAbsoluteDataDir(instance);
  const pid = launcherPid(i);
  if (pid !== undefined) await stopProcess(pid, i);
  rmSync(paths(i).pidFile, { force: true });
  return pid !== undefined;
}

export async function neo4jStatus(
  instance: Neo4jInstance,
): Promise<{ running: boolean; pid?: number; uri: string; logFile: string }> {
  const i = withAbsoluteDataDir(instance);
  const { uri, logFile } = paths(i);
  const pid = launcherPid(i);
  return pid === undefined ? { running: false, uri, logFile } : { running: true, pid, uri, logFile };
}

/** The launcher runs in the data folder and the pid check compares command lines: both need one absolute path. */
function withAbsoluteDataDir(i: Neo4jInstance): Neo4jInstance {
  return { ...i, dataDir: resolve(i.dataDir) };
}

function paths(i: Neo4jInstance) {
  return {
    uri: `bolt://127.0.0.1:${i.port}`,
    logFile: join(i.dataDir, "neo4j.log"),
    pidFile: join(i.dataDir, "launcher.pid"),
  };
}

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dir === dirname(dir)) throw new Error(`No package.json above ${from}`);
  }
}

/** Kills the instance of this data folder at once (SIGKILL: no shutdown hook, as a crash would), for `npm run chaos`. */
export async function killNeo4j(instance: Neo4jInstance): Promise<boolean> {
  const i = withAbsoluteDataDir(instance);
  const pid = launcherPid(i);
  if (pid === undefined) return false;
  signal(pid, "SIGKILL");
  return (await exited(pid, i, 10_000)) && (await portReleased(i.port, 10_000));
}

/**
 * A JVM killed loses its command line when its main thread has exited, and its Bolt port when the last
 * of its threads has: a restart between the two found the port taken (a fresh-clone test run, 2026-12-06).
 */
async function portReleased(port: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!(await portIsFree(port))) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** The pid in launcher.pid when that process is alive and is the launcher of this data folder. */
function launcherPid(i: Neo4jInstance): number | undefined {
  const { pidFile } = paths(i);
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && isLauncherOf(pid, i) ? pid : undefined;
}

function isLauncherOf(pid: number, i: Neo4jInstance): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync("/proc")) return true; // no cheap way to read a command line elsewhere
  try {
    // Guards against a recycled pid; a dead child not yet reaped (zombie) has an empty command line.
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return commandLine.includes(LAUNCHER_CLASS) && commandLine.includes(`-Dparcours.neo4j.home=${i.dataDir}`);
  } catch {
    return false;
  }
}

function findJava(): string {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
  const probe = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (probe.error) {
    throw new Error(
      `Java not found (${process.env.JAVA_HOME ? `JAVA_HOME=${process.env.JAVA_HOME}` : "no java on PATH"}). ` +
        `Neo4j 5.26 needs a JDK ${MIN_JAVA} or 21: install one, or set JAVA_HOME.`,
    );
  }
  const [, first, second] = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr) ?? [];
  const major = first === "1" ? Number(second) : Number(first); // "1.8.0" is Java 8
  if (!(major >= MIN_JAVA)) {
    throw new Error(`${java} is Java ${major || "of unknown version"}; Neo4j 5.26 needs Java ${MIN_JAVA} or 21 (set JAVA_HOME).`);
  }
  return java;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once("error", () => done(false));
    server.listen(port, "127.0.0.1", () => server.close(() => done(true)));
  });
}

async function buildLauncherIfStale(log: (message: string) => void): Promise<void> {
  const pom = join(launcherDir, "pom.xml");
  const javaSources = readdirSync(join(launcherDir, "src"), { recursive: true, encoding: "utf8" });
  const sources = [pom, ...javaSources.map((file) => join(launcherDir, "src", file))];
  const builtAt = existsSync(buildStamp) ? statSync(buildStamp).mtimeMs : 0;
  if (sources.every((file) => statSync(file).mtimeMs <= builtAt)) return;

  // copy-dependencies never deletes: drop the jars of an older pom so two Neo4j versions never mix.
  if (statSync(pom).mtimeMs > builtAt) {
    for (const dir of ["lib", "plugins"]) rmSync(join(targetDir, dir), { recursive: true, force: true });
  }
  const firstBuild = !existsSync(join(targetDir, "lib"));
  log(`Building the Neo4j launcher with Maven${firstBuild ? " (the first build may download ~140 MB)" : ""}…`);
  const startedAt = Date.now();
  const { code, output, error } = await run("mvn", ["-q", "-B", "-DskipTests", "-f", pom, "package"]);
  if (error) throw new Error("Maven (mvn) not found: it is needed once to build local/neo4j. Install Maven 3.8+.");
  if (code !== 0) throw new Error(`The Maven build of local/neo4j failed:\n${lastLines(output, 30)}`);
  writeFileSync(buildStamp, `${new Date().toISOString()}\n`);
  log(`Built the Neo4j launcher in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string; error?: Error }> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", (error) => done({ code: null, output, error }));
    child.once("close", (code) => done({ code, output }));
  });
}

function spawnLauncher(java: string, i: Neo4jInstance): number {
  const { logFile, pidFile } = paths(i);
  mkdirSync(i.dataDir, { recursive: true });
  const logFd = openSync(logFile, "w");
  const settingsFile = join(i.dataDir, "settings.conf");
  rmSync(settingsFile, { force: true });
  if (i.settings) writeFileSync(settingsFile, Object.entries(i.settings).map(([name, value]) => `${name}=${value}\n`).join(""));
  const child = spawn(
    java,
    [
      ...JVM_FLAGS,
      ...(i.maxHeap ? [`-Xmx${i.maxHeap}`] : []),
      `-Dparcours.neo4j.home=${i.dataDir}`,
      `-Dparcours.neo4j.port=${i.port}`,
      `-Dparcours.neo4j.plugins=${join(targetDir, "plugins")}`,
      ...(i.settings ? [`-Dparcours.neo4j.settings=${settingsFile}`] : []),
      "-cp",
      [join(targetDir, "classes"), join(targetDir, "lib", "*")].join(delimiter),
      LAUNCHER_CLASS,
    ],
    {
      cwd: i.dataDir,
      detached: true,
      stdio: ["ignore", logFd, logFd],
      env: { ...process.env, NEO4J_PASSWORD: i.password }, // not on the command line, where ps shows it
    },
  );
  closeSync(logFd);
  child.unref();
  if (child.pid === undefined) throw new Error(`Could not start ${java}`);
  writeFileSync(pidFile, `${child.pid}\n`);
  return child.pid;
}

/** Until the launcher has printed its ready line and `RETURN 1` succeeds with the instance's credentials. */
async function waitUntilReady(i: Neo4jInstance, pid: number): Promise<void> {
  const { uri, logFile } = paths(i);
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastProblem = "no answer yet";
  for (;;) {
    if (!isLauncherOf(pid, i)) {
      const reason = /^Parcours Neo4j launcher: (.*)$/m.exec(readLog(logFile))?.[1];
      throw new Error(`Neo4j exited during startup${reason ? `: ${reason}` : ""}\nLast lines of ${logFile}:\n${logTail(logFile)}`);
    }
    // Before the ready line, a fresh database still has Neo4j's initial password.
    if (readLog(logFile).includes(READY_LINE)) {
      const problem = await returnOne(i);
      if (problem === undefined) return;
      if (problem.code === "Neo.ClientError.Security.Unauthorized") {
        throw new Error(
          `Neo4j at ${uri} refused user "${i.user}" with the configured password: the data folder ${i.dataDir} ` +
            `was created with another password. Set NEO4J_PASSWORD to that password, or delete ${i.dataDir} ` +
            `to start from an empty database.`,
        );
      }
      lastProblem = problem.message;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Neo4j did not answer on ${uri} within ${START_TIMEOUT_MS / 1000} s (${lastProblem}). ` +
          `Last lines of ${logFile}:\n${logTail(logFile)}`,
      );
    }
    await sleep(500);
  }
}

async function returnOne(i: Neo4jInstance): Promise<{ code?: string; message: string } | undefined> {
  const driver = neo4j.driver(paths(i).uri, neo4j.auth.basic(i.user, i.password), {
    connectionTimeout: 2_000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.executeQuery("RETURN 1");
    return undefined;
  } catch (error) {
    if (!(error instanceof Error)) return { message: String(error) };
    return { code: (error as { code?: string }).code, message: error.message };
  } finally {
    await driver.close();
  }
}

async function stopProcess(pid: number, i: Neo4jInstance): Promise<void> {
  signal(pid, "SIGTERM"); // the launcher's shutdown hook closes the databases
  if (await exited(pid, i, STOP_TIMEOUT_MS)) return;
  signal(pid, "SIGKILL");
  await exited(pid, i, 5_000);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

async function exited(pid: number, i: Neo4jInstance, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (isLauncherOf(pid, i)) {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

function readLog(logFile: string): string {
  return existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
}

function logTail(logFile: string): string {
  return lastLines(readLog(logFile), 30) || "(empty log)";
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}
