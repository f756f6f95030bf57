// Regenerates lib/services/users/data/common-passwords.json from the zxcvbn-ts common dictionary
// (@zxcvbn-ts/language-common, MIT: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc., (c) 2021 @zxcvbn-ts).
// The dictionary is the zxcvbn password list ordered by frequency in leaked password sets; we keep every entry,
// lower-cased and de-duplicated, in that order.
//
//   npx tsx scripts/generate-common-passwords.ts
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { dictionary } from "@zxcvbn-ts/language-common";

const require = createRequire(import.meta.url);
const version = (require("@zxcvbn-ts/language-common/package.json") as { version: string }).version;
const seen = new Set<string>();
const passwords: string[] = [];
for (const p of dictionary["passwords-common"]) {
  const v = p.toLowerCase();
  if (!seen.has(v)) {
    seen.add(v);
    passwords.push(v);
  }
}
const out = path.join(import.meta.dirname, "..", "lib", "services", "users", "data", "common-passwords.json");
fs.writeFileSync(out, `${JSON.stringify({ source: `@zxcvbn-ts/language-common@${version} passwords-common`, licence: "MIT", passwords })}\n`);
console.log(`Wrote ${passwords.length} passwords to ${path.relative(process.cwd(), out)}`);
