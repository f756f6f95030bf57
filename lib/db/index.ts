export { openDatabase, getDatabase, getPrisma, setDatabase, dataDir, type Database, type Prisma } from "./client";
export { applyMigrations, readMigrationFiles } from "./migrate";
export { Prisma as PrismaNS } from "@/generated/prisma/client";
