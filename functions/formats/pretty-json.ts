/**
 * `JSON.stringify(value, null, 2)`, byte for byte, in pieces of about 64 KB: the exports of a
 * France-sized graph are longer than the longest string V8 can make. Arrays and objects are opened
 * two levels deep (a file's lists and their records); each record is written whole. A list may also
 * be an iterator (a generator), written as an array as its elements are made: the largest export then
 * never holds all its records at once.
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

function* pieces(value: unknown, indent: string, level: number): Generator<string> {
  if (isIterator(value)) yield* listPieces(value, indent, level);
  else if (level >= openedLevels || value === null || typeof value !== "object" || hasToJson(value)) {
    yield String(JSON.stringify(value, null, 2)).replaceAll("\n", `\n${indent}`);
  } else if (Array.isArray(value)) yield* listPieces(value, indent, level);
  else yield* objectPieces(value as Record<string, unknown>, indent, level);
}

function* listPieces(elements: Iterable<unknown>, indent: string, level: number): Generator<string> {
  const inner = `${indent}  `;
  let written = 0;
  for (const element of elements) {
    yield `${written++ === 0 ? "[" : ","}\n${inner}`;
    // JSON.stringify writes null for what it cannot write in an array.
    yield* pieces(isWritten(element) ? element : null, inner, level + 1);
  }
  yield written === 0 ? "[]" : `\n${indent}]`;
}

function* objectPieces(members: Record<string, unknown>, indent: string, level: number): Generator<string> {
  const inner = `${indent}  `;
  let written = 0;
  for (const [key, member] of Object.entries(members)) {
    if (!isWritten(member)) continue;
    yield `${written++ === 0 ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    yield* pieces(member, inner, level + 1);
  }
  yield written === 0 ? "{}" : `\n${indent}}`;
}

/** What JSON.stringify writes of an array element or an object member (it leaves out the others, or writes null in an array). */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function isIterator(value: unknown): value is Iterable<unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as Iterator<unknown>).next === "function" && Symbol.iterator in value;
}
