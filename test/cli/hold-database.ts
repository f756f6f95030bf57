// Test helper process: opens the embedded database like a running server would and keeps it open.
import { openDatabase } from "@/lib/db";

await openDatabase({ role: "plumb server" });
process.stdout.write("ready\n");
setInterval(() => undefined, 60_000);
