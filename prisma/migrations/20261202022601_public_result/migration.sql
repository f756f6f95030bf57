-- AlterTable
ALTER TABLE "Domain" ADD COLUMN     "directoryShowFindings" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pageCount" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "Scan" ADD COLUMN     "securityTests" JSONB;
