-- AlterTable
ALTER TABLE "ScanPage" ADD COLUMN     "robotsBlocked" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DomainScanSettings" (
    "domainId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "respectRobots" BOOLEAN NOT NULL DEFAULT false,
    "includePatterns" TEXT[],
    "excludePatterns" TEXT[],
    "maxDepth" INTEGER,
    "authEncrypted" TEXT,
    "authSummary" JSONB,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DomainScanSettings_pkey" PRIMARY KEY ("domainId")
);

-- CreateIndex
CREATE INDEX "DomainScanSettings_organizationId_idx" ON "DomainScanSettings"("organizationId");

-- AddForeignKey
ALTER TABLE "DomainScanSettings" ADD CONSTRAINT "DomainScanSettings_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;
