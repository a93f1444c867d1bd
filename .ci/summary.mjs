// Adds up the Vitest JSON reports of every CI tier and prints one closing line: "N passed, N failed, N skipped".
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const tierPassed = report.numPassedTests;
  const tierFailed = report.numFailedTests;
  const tierSkipped = report.numPendingTests + report.numTodoTests;
  console.log(
    `${path.basename(file, '.json')}: ${tierPassed} passed, ${tierFailed} failed, ${tierSkipped} skipped`,
  );
  passed += tierPassed;
  failed += tierFailed;
  skipped += tierSkipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
