-- AlterTable
ALTER TABLE "Scan" ADD COLUMN     "live" JSONB;
