/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { expect, test } from 'vitest';

// The console's files form no import cycle: a cycle makes the order modules initialise in depend
// on which file is loaded first, and ties features that should stand apart. Type-only imports
// count too, since they tie the files together just the same for a reader.
const consoleRoot = fileURLToPath(new URL('..', import.meta.url));

test('no file of src imports itself through other files', async () => {
  const tree = await parseDependencyTree('src/**/*.{ts,tsx}', {
    cwd: consoleRoot,
    context: consoleRoot,
    tsconfig: `${consoleRoot}tsconfig.json`,
    transform: false,
    skipDynamicImports: false,
  });
  expect(Object.keys(tree).filter((file) => file.startsWith('src/')).length).toBeGreaterThan(50);
  expect(parseCircular(tree)).toEqual([]);
});
