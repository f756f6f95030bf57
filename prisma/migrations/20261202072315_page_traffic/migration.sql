-- CreateTable
CREATE TABLE "PageTraffic" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "pageViews" INTEGER NOT NULL DEFAULT 0,
    "impressions" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PageTraffic_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PageTraffic_organizationId_domainId_idx" ON "PageTraffic"("organizationId", "domainId");

-- CreateIndex
CREATE UNIQUE INDEX "PageTraffic_domainId_url_key" ON "PageTraffic"("domainId", "url");

-- AddForeignKey
ALTER TABLE "PageTraffic" ADD CONSTRAINT "PageTraffic_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;
