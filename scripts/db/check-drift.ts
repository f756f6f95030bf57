// npm run db:check — exits 1 and prints the missing SQL when schema.prisma and prisma/migrations disagree
// (someone edited the schema without `npm run db:migration`). The same check runs in test/db/drift.test.ts.
import { diffMigrationsToSchema } from "./schema-engine";

diffMigrationsToSchema().then(
  (sql) => {
    if (!sql.trim()) {
      console.log("schema.prisma and prisma/migrations agree.");
      process.exit(0);
    }
    console.error(`schema.prisma has changes no migration creates. Run \`npm run db:migration -- <name>\`. Missing SQL:\n\n${sql}`);
    process.exit(1);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
