/**
 * `JSON.stringify(value, null, 2)`, byte for byte, in pieces of about 64 KB: the exports of a
 * France-sized graph are longer than the longest string V8 can make. Arrays and objects are opened
 * two levels deep (a file's lists and their records); each record is written whole.
 */
const pieceLength = 64 * 1024;
const openedLevels = 2;

export function* prettyJsonPieces(value: unknown): Generator<string> {
  let buffered = "";
  for (const text of pieces(value, "", 0)) {
    buffered += text;
    if (buffered.length >= pieceLength) {
      yield buffered;
      buffered = "";
    }
  }
  if (buffered !== "") yield buffered;
}

type Json = Record<string, unknown> | unknown[];

function* pieces(value: unknown, indent: string, level: number): Generator<string> {
  if (level >= openedLevels || value === null || typeof value !== "object" || hasToJson(value)) {
    yield String(JSON.stringify(value, null, 2)).replaceAll("\n", `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((element) => [null, isWritten(element) ? element : null] as const)
    : Object.entries(value as Json).filter(([, member]) => isWritten(member));
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    yield `${open}${close}`;
    return;
  }
  yield open;
  for (let i = 0; i < entries.length; i++) {
    const [key, member] = entries[i]!;
    yield `${i === 0 ? "" : ","}\n${inner}${key === null ? "" : `${JSON.stringify(key)}: `}`;
    yield* pieces(member, inner, level + 1);
  }
  yield `\n${indent}${close}`;
}

/** What JSON.stringify writes of an array element or an object member (it leaves out the others, or writes null in an array). */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}
