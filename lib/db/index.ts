export { openDatabase, getDatabase, getPrisma, setDatabase, closeDatabase, dataDir, type Database, type Prisma, type OpenOptions } from "./client";
export { applyMigrations, readMigrationFiles, type SqlRunner, type MigrationFile } from "./migrate";
export { DataDirLockedError } from "./data-dir-lock";
export { Prisma as PrismaNS } from "@/generated/prisma/client";
export { applyDataMigrations, DATA_MIGRATIONS, type DataMigration } from "./data-migrations";
