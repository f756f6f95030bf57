import { openDatabase, type Database } from "@/lib/db";
import * as createUser from "./create-user";
import * as createApiKey from "./create-api-key";
import * as grantCredits from "./grant-credits";
import * as rotateEncryptionKey from "./rotate-encryption-key";
import type { Output } from "../output";
import { UsageError } from "../usage-error";

interface CommandModule<A> {
  usage: string;
  parse(argv: string[]): A;
  run(args: A, db: Database, out: Output): Promise<void>;
}
interface AdminCommand {
  usage: string;
  /** Parses argv (throwing UsageError) and returns the work to do once the database is open. */
  prepare(argv: string[]): (db: Database, out: Output) => Promise<void>;
}

function command<A>(m: CommandModule<A>): AdminCommand {
  return {
    usage: m.usage,
    prepare: (argv) => {
      const args = m.parse(argv);
      return (db, out) => m.run(args, db, out);
    },
  };
}

const commands: Record<string, AdminCommand> = {
  "create-user": command(createUser),
  "create-api-key": command(createApiKey),
  "grant-credits": command(grantCredits),
  "rotate-encryption-key": command(rotateEncryptionKey),
};

export const adminUsage = `plumb admin <command> [flags]   (database: DATABASE_URL, else the embedded one in PLUMB_DATA_DIR)

${Object.values(commands)
  .map((c) => c.usage)
  .join("\n\n")}`;

/** Parses first (bad flags never touch the database), then opens, runs and closes the database. */
export async function runAdmin(argv: string[], out: Output): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(adminUsage + "\n");
    return;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`Unknown admin command "${name}".`, adminUsage);
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(command.usage + "\n");
    return;
  }
  const work = command.prepare(rest);
  const db = await openDatabase({ role: `plumb admin ${name}` });
  try {
    await work(db, out);
  } finally {
    await db.close();
  }
}
