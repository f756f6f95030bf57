-- CreateTable
CREATE TABLE "ScanThirdParty" (
    "id" TEXT NOT NULL,
    "scanId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "site" TEXT NOT NULL,
    "trackerId" TEXT,
    "trackerName" TEXT,
    "trackerCompany" TEXT,
    "trackerCategory" TEXT,
    "requests" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "bytesSent" INTEGER NOT NULL DEFAULT 0,
    "pages" INTEGER NOT NULL,
    "resourceTypes" JSONB NOT NULL,
    "cookies" TEXT[],
    "firstSeenOn" TEXT NOT NULL,
    "receives" TEXT[],
    "beacons" JSONB NOT NULL,
    "probableTracker" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScanThirdParty_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScanThirdParty_organizationId_scanId_idx" ON "ScanThirdParty"("organizationId", "scanId");

-- CreateIndex
CREATE UNIQUE INDEX "ScanThirdParty_scanId_host_key" ON "ScanThirdParty"("scanId", "host");

-- AddForeignKey
ALTER TABLE "ScanThirdParty" ADD CONSTRAINT "ScanThirdParty_scanId_fkey" FOREIGN KEY ("scanId") REFERENCES "Scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
