// Validates an RDF file (Turtle, or JSON-LD when it ends in .jsonld) against SHACL shapes in Turtle.
// Usage: node validate.mjs shapes.ttl data.ttl|data.jsonld — prints one line per result and "violations: N"; exits 1 on any violation.
import { readFile } from 'node:fs/promises';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import { Parser } from 'n3';
import jsonld from 'jsonld';

async function load(path) {
  const text = await readFile(path, 'utf8');
  const dataset = rdf.dataset();
  const turtle = path.endsWith('.jsonld') ? await jsonld.toRDF(JSON.parse(text), { format: 'application/n-quads' }) : text;
  for (const quad of new Parser({ format: path.endsWith('.jsonld') ? 'N-Quads' : 'Turtle' }).parse(turtle)) dataset.add(quad);
  return dataset;
}

const [shapesPath, dataPath] = process.argv.slice(2);
const validator = new SHACLValidator(await load(shapesPath), { factory: rdf });
const report = await validator.validate(await load(dataPath));
let violations = 0;
for (const r of report.results) {
  const severity = r.severity?.value.split('#').pop();
  if (severity === 'Violation') violations++;
  console.log(`${severity}: ${r.focusNode?.value} ${r.path?.value ?? ''} — ${r.message.map(m => m.value).join(' ')}`);
}
console.log(`violations: ${violations}`);
process.exit(violations > 0 ? 1 : 0);
