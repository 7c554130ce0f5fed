// Turns zod issues into readable diagnostics: friendly wording, the most precise path, a position.
import type { z } from 'zod';
import { formatPath, type Diagnostic } from '../diagnostics.ts';
import type { ParsedDocument } from './yaml-document.ts';

type Issue = z.core.$ZodIssue;

export function issuesToDiagnostics(issues: readonly Issue[], doc: ParsedDocument, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of flatten(issues, [])) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const pos = doc.locate(issue.path, key === undefined ? undefined : { key });
      out.push({
        severity: 'error',
        rule: 'schema',
        file,
        ...pos,
        path: formatPath(path.map((p) => (typeof p === 'symbol' ? String(p) : p))) || undefined,
        message: issueMessage(issue, key),
      });
    }
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * A union error hides the real problem when the value clearly meant one branch (an object with a
 * bad field): report that branch's issues instead of "expected a string or an object".
 */
function flatten(issues: readonly Issue[], prefix: PropertyKey[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const meant = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (meant.length === 1) {
        out.push(...flatten(meant[0]!, path));
        continue;
      }
    }
    out.push({ ...issue, path } as Issue);
  }
  return out;
}

function issueMessage(issue: Issue, key: string | undefined): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key "${key}"`;
    case 'invalid_type':
      if (issue.message.startsWith('Invalid input')) {
        return issue.input === undefined ? `missing; expected ${article(issue.expected)}` : `expected ${article(issue.expected)}, got ${describe(issue.input)}`;
      }
      return issue.input === undefined ? `missing; ${issue.message}` : `${issue.message}, got ${describe(issue.input)}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}
