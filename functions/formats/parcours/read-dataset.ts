/**
 * Reads dataset files (YAML or JSON) into documents that know the line of each value, then validates
 * them (functions/domain/validate-dataset.ts). Kept apart so that what validates a GraphQL input carries no YAML parser.
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import { noKnownIds, validateDataset, type DatasetDocument, type DatasetProblem, type DatasetReadResult, type KnownIds } from "../../domain/validate-dataset";

export interface DatasetText {
  file: string;
  text: string;
}

export function readDataset(inputs: DatasetText[], known: KnownIds = noKnownIds): DatasetReadResult {
  const documents: DatasetDocument[] = [];
  const problems: DatasetProblem[] = [];
  for (const input of inputs) {
    const result = parseDatasetText(input);
    if ("problems" in result) problems.push(...result.problems);
    else documents.push(result);
  }
  if (problems.length > 0) return { ok: false, problems };
  return validateDataset(documents, known);
}

/**
 * JSON is parsed natively (an export of the whole graph is large); its lines are only looked up, with
 * the YAML parser, when a record is invalid.
 */
export function parseDatasetText({ file, text }: DatasetText): DatasetDocument | { problems: DatasetProblem[] } {
  if (/^\s*\{/.test(text)) {
    try {
      return { file, raw: JSON.parse(text) as unknown, lineOf: lazyLineOf(text) };
    } catch {
      // Not valid JSON: the YAML parser below names the line.
    }
  }
  const parsed = yamlLines(text);
  if (parsed.errors.length > 0) {
    return {
      problems: parsed.errors.map((error) => ({
        file,
        line: error.linePos?.[0]?.line ?? null,
        record: null,
        field: "",
        reason: `not valid YAML/JSON: ${error.code}`,
      })),
    };
  }
  return { file, raw: parsed.document.toJS() ?? {}, lineOf: parsed.lineOf };
}

/**
 * The parser that finds lines holds many times the text: an invalid 173 MB export (npm run
 * bench:restore) ran a function of 8 GB out of heap. A larger text's problems name their record and
 * field, without a line.
 */
const longestTextWithLines = 16 * 1024 * 1024;

/** The line of the node at a path of a JSON or YAML text, parsed (slowly) on the first question only. */
export function lazyLineOf(text: string): DatasetDocument["lineOf"] {
  if (text.length > longestTextWithLines) return () => null;
  let lineOf: DatasetDocument["lineOf"] | undefined;
  return (path) => (lineOf ??= yamlLines(text).lineOf)(path);
}

function yamlLines(text: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOf = (path: PropertyKey[]): number | null => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  return { document, errors: document.errors, lineOf };
}
