-- AlterTable
ALTER TABLE "DomainScanSettings" ADD COLUMN     "consent" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Scan" ADD COLUMN     "consent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "consentReport" JSONB;
