import Sequencer from '@jest/test-sequencer';

type Test = Parameters<Sequencer['sort']>[0][number];

/** Files that read what the whole suite left behind, so they run after every other file. */
const LAST = ['log-redaction.test.js'];

/**
 * Jest's own order (slowest and failed first, for speed), except that the files in LAST run at the
 * end: the log check reads the logs of the full run.
 */
export default class SuiteSequencer extends Sequencer {
  override async sort(tests: Array<Test>): Promise<Array<Test>> {
    const sorted = await super.sort(tests);
    const isLast = (test: Test) => LAST.some((name) => test.path.endsWith(name));
    return [...sorted.filter((test) => !isLast(test)), ...sorted.filter(isLast)];
  }
}
