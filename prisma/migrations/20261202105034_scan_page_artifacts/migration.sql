-- CreateTable
CREATE TABLE "ScanPageArtifact" (
    "scanPageId" TEXT NOT NULL,
    "scanId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScanPageArtifact_pkey" PRIMARY KEY ("scanPageId")
);

-- CreateIndex
CREATE INDEX "ScanPageArtifact_scanId_idx" ON "ScanPageArtifact"("scanId");

-- CreateIndex
CREATE INDEX "ScanPageArtifact_createdAt_idx" ON "ScanPageArtifact"("createdAt");

-- AddForeignKey
ALTER TABLE "ScanPageArtifact" ADD CONSTRAINT "ScanPageArtifact_scanPageId_fkey" FOREIGN KEY ("scanPageId") REFERENCES "ScanPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
