/**
 * The order test files start in. Three workers share two cores, so the run ends when the last long
 * file ends: the sweeps (minutes each) start first, then vitest's own order (slowest known first)
 * for the rest. On a clean clone vitest knows no durations and would start the small sweep files
 * last, leaving one worker alone with a long tail.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest first, as measured (README, "Test"). */
const LONGEST_FIRST = [
  'test/dev/start.test.ts',
  'test/api/faults.test.ts',
  'test/api/authorization-matrix.test.ts',
  'test/api/fuzz.test.ts',
  'test/api/books.test.ts',
  'test/infra/nag.test.ts',
];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((path) => f.moduleId.endsWith(path));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    return [...rest].sort((a, b) => rank(a) - rank(b));
  }
}
