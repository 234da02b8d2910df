/**
 * The documentation that ships: every symbol that a package's `exports`
 * map gives types for, read from the installed declaration files with
 * TypeScript 5's compiler API (TypeScript 7 has none), must carry TSDoc,
 * and every function, class, constant and method an `@example` as well
 * (interfaces, type aliases, properties and accessors need only the text).
 * Members marked `@internal` never reach the declarations (`stripInternal`).
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The part of TypeScript 5's compiler API used here, typed locally: the
 * repository compiles with TypeScript 7, which has no such API, and the
 * matrix's TypeScript 5 is installed only for the matrix.
 */
export interface CompilerApi {
  createProgram(roots: string[], options: Record<string, unknown>): { getSourceFile(file: string): object | undefined; getTypeChecker(): Checker };
  ModuleKind: { NodeNext: number };
  ModuleResolutionKind: { NodeNext: number };
  ScriptTarget: { ES2022: number };
  SymbolFlags: { Alias: number };
  ModifierFlags: { Private: number; Protected: number };
  isInterfaceDeclaration(node: object): boolean;
  isTypeAliasDeclaration(node: object): boolean;
  isClassDeclaration(node: object): node is ClassNode;
  isPrivateIdentifier(node: object): boolean;
  isConstructorDeclaration(node: object): boolean;
  isMethodDeclaration(node: object): boolean;
  getCombinedModifierFlags(node: object): number;
  displayPartsToString(parts: unknown): string;
}
interface ClassNode {
  members: readonly { name?: { getText(): string } }[];
}
interface ApiSymbol {
  name: string;
  flags: number;
  declarations?: object[];
  getDocumentationComment(checker: Checker): unknown;
  getJsDocTags(checker: Checker): { name: string }[];
}
interface Checker {
  getSymbolAtLocation(node: object): ApiSymbol | undefined;
  getExportsOfModule(module: ApiSymbol): ApiSymbol[];
  getAliasedSymbol(symbol: ApiSymbol): ApiSymbol;
}

/** The `types` files of a package's `exports` map (every condition, every subpath), absolute. */
function typeEntries(packageDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown>; types?: string };
  const found = new Set<string>();
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'types' && value.endsWith('.d.ts')) found.add(join(packageDir, value));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(manifest.exports ?? {}, '');
  if (manifest.types) found.add(join(packageDir, manifest.types));
  return [...found].sort();
}

/**
 * Each public symbol of the packages in `packageDirs` that lacks its TSDoc
 * (or its `@example`), as `entry: name: what is missing`; none when the
 * documentation is complete.
 *
 * @example
 * undocumented(requireTool('typescript-5'), [join(project, 'node_modules/jieba-ts')]); // []
 */
export function undocumented(ts: CompilerApi, packageDirs: readonly string[]): { checked: number; missing: string[] } {
  const entries = packageDirs.flatMap(typeEntries);
  const program = ts.createProgram(entries, { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const missing = new Set<string>();
  let checked = 0;
  const isTypeOnly = (declarations: readonly object[]): boolean => declarations.every((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d));
  const inspect = (symbol: ApiSymbol, label: string, needsExample: boolean): void => {
    checked++;
    if (ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '') missing.add(`${label}: no TSDoc`);
    else if (needsExample && !symbol.getJsDocTags(checker).some((tag) => tag.name === 'example')) missing.add(`${label}: no @example`);
  };
  for (const entry of entries) {
    const source = program.getSourceFile(entry);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) {
      missing.add(`${entry}: not a module`);
      continue;
    }
    const where = entry.slice(entry.lastIndexOf('node_modules/') + 'node_modules/'.length);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.declarations ?? [];
      inspect(symbol, `${where}: ${exported.name}`, !isTypeOnly(declarations));
      for (const declaration of declarations) {
        if (!ts.isClassDeclaration(declaration)) continue;
        for (const member of declaration.members) {
          if (!member.name || ts.isPrivateIdentifier(member.name) || ts.isConstructorDeclaration(member)) continue;
          if (ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
          const memberSymbol = checker.getSymbolAtLocation(member.name);
          if (memberSymbol) inspect(memberSymbol, `${where}: ${exported.name}.${member.name.getText()}`, ts.isMethodDeclaration(member));
        }
      }
    }
  }
  return { checked, missing: [...missing] };
}
