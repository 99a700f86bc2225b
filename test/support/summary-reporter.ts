/**
 * Prints "N passed, N failed, N skipped" alone on a line: the plain summary CI reads to
 * tell a run that tested something from one that ran nothing.
 */
class SummaryReporter {
  onRunComplete(_contexts: unknown, results: { numPassedTests: number; numFailedTests: number; numPendingTests: number }): void {
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}

module.exports = SummaryReporter;
