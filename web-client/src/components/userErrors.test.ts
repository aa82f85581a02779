import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  buildSchema,
  type GraphQLNamedType,
  isInterfaceType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { firstUserError, userErrorsOf } from './userErrors';

// Issue 14: one shared user-error selection. Every document in the client spreads
// `...UserErrorFields`; none writes `message`/`code`/`field` of a UserError out by itself.
// This scans the sources (not the generated src/gql), so a new document that copies the
// selection fails here, naming the file and the operation.

// vitest runs in web-client/ (jsdom's import.meta.url is no file URL).
const src = resolve('src');
const schema = buildSchema(readFileSync(resolve('../api/schema.graphql'), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'gql' && dir === src ? [] : sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every GraphQL document written in a source file: `graphql(`…`)` and `gql`…``. */
function documentsIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:graphql\(\s*|gql)`([^`]*)`/g)) found.push(m[1] ?? '');
  return found;
}

function isUserErrorType(type: GraphQLNamedType | null | undefined): boolean {
  if (!type) return false;
  if (type.name === 'UserError') return true;
  return !isInterfaceType(type) && 'getInterfaces' in type && type.getInterfaces().some((i) => i.name === 'UserError');
}

/** The places in one document that select a UserError's own fields outside the shared fragment. */
function inlineUserErrorSelections(document: string): string[] {
  const typeInfo = new TypeInfo(schema);
  const found: string[] = [];
  let definition = '';
  visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        definition = node.name?.value ?? '(anonymous)';
      },
      FragmentDefinition(node) {
        definition = node.name.value;
      },
      Field(node) {
        if (definition === 'UserErrorFields') return;
        if (node.name.value === '__typename') return;
        if (isUserErrorType(typeInfo.getParentType())) found.push(`${definition}: ${typeInfo.getParentType()?.name}.${node.name.value}`);
      },
    }),
  );
  return found;
}

describe('the shared user-error fragment', () => {
  it('is the only selection of UserError fields in the client', () => {
    const offenders: string[] = [];
    let documents = 0;
    for (const file of sources(src)) {
      for (const document of documentsIn(readFileSync(file, 'utf8'))) {
        if (!/^\s*(query|mutation|subscription|fragment)\b/m.test(document)) continue;
        documents++;
        for (const place of inlineUserErrorSelections(document)) offenders.push(`${relative(src, file)} — ${place}`);
      }
    }
    expect(documents).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });

  it('catches a document that writes the fields out', () => {
    const inline = `mutation M { withdrawProposal(input: { proposal: "1" }) { errors { __typename ... on UserError { message code } } } }`;
    expect(inlineUserErrorSelections(inline)).toEqual(['M: UserError.message', 'M: UserError.code']);
    const spread = `mutation M { withdrawProposal(input: { proposal: "1" }) { errors { __typename ...UserErrorFields } } }
      fragment UserErrorFields on UserError { message code field }`;
    expect(inlineUserErrorSelections(spread)).toEqual([]);
  });

  it('reads errors given with their fields (as tests answer) and through the fragment alike', () => {
    const errors = [{ __typename: 'ValidationError', message: 'Too long.', code: 'INVALID_INPUT', field: 'reason' }];
    expect(firstUserError(errors)).toEqual({ message: 'Too long.', code: 'INVALID_INPUT', field: 'reason' });
    expect(userErrorsOf(null)).toEqual([]);
  });
});
