import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rule of DESIGN.md §4 is only worth having if it fails: lint a forbidden import as if
 * it stood in each layer and check the rule reports it (and that allowed imports pass).
 */
// The snippets are linted as files that do not exist, which the type-aware rules cannot type-check;
// they are switched off here, the layering rule is what is under test.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  const forbidden: [string, string][] = [
    ['renderer/src/screens/x.tsx', `import x from 'node:fs';`],
    ['renderer/src/screens/x.tsx', `import x from 'fs';`],
    ['renderer/src/screens/x.tsx', `import x from 'fs/promises';`],
    ['renderer/src/screens/x.tsx', `import x from 'electron';`],
    ['renderer/src/screens/x.tsx', `import x from 'better-sqlite3';`],
    ['renderer/src/screens/x.tsx', `import x from '../../../db/open.js';`],
    ['renderer/src/screens/x.tsx', `import x from '../../../electron/host/start-host.js';`],
    ['electron/domain/x.ts', `import x from 'node:crypto';`],
    ['electron/domain/x.ts', `import x from 'electron';`],
    ['electron/domain/x.ts', `import x from '../../db/open.js';`],
    ['electron/domain/contract/x.ts', `import x from 'react';`],
    ['electron/host/x.ts', `import x from 'electron';`],
    ['electron/host/x.ts', `import x from '../shell/main.js';`],
    ['db/x.ts', `import x from 'electron';`],
    // Domain code is reached by its alias, not by a path that changes with every folder's depth.
    ['renderer/src/screens/x.tsx', `import x from '../../../electron/domain/contract/api.js';`],
  ];
  for (const [file, source] of forbidden) {
    it(`refuses ${source} in ${file}`, async () => {
      expect(await restricted(file, source)).toHaveLength(1);
    });
  }

  const allowed: [string, string][] = [
    ['renderer/src/screens/x.tsx', `import x from '@domain/contract/api.js';`],
    ['renderer/src/screens/x.tsx', `import x from 'react';`],
    ['electron/domain/x.ts', `import x from 'zod';`],
    ['electron/host/x.ts', `import x from 'node:fs';`],
    ['electron/host/x.ts', `import x from '../domain/roles.js';`],
    ['db/x.ts', `import x from '../electron/domain/roles.js';`],
    ['electron/shell/x.ts', `import x from 'electron';`],
  ];
  for (const [file, source] of allowed) {
    it(`allows ${source} in ${file}`, async () => {
      expect(await restricted(file, source)).toEqual([]);
    });
  }
});
