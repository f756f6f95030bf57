-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "acceptedUntil" TIMESTAMP(3),
ADD COLUMN     "instancesCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pagesCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "subject" TEXT,
ADD COLUMN     "subjectKind" TEXT;

-- CreateTable
CREATE TABLE "FindingInstance" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "selector" TEXT NOT NULL DEFAULT '',
    "asset" TEXT NOT NULL DEFAULT '',
    "snippet" TEXT,
    "lastScanId" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingEvent" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "fromStatus" "FindingStatus",
    "toStatus" "FindingStatus",
    "justification" TEXT,
    "acceptedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FindingInstance_findingId_lastSeenAt_id_idx" ON "FindingInstance"("findingId", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "FindingInstance_url_idx" ON "FindingInstance"("url");

-- CreateIndex
CREATE UNIQUE INDEX "FindingInstance_findingId_url_selector_asset_key" ON "FindingInstance"("findingId", "url", "selector", "asset");

-- CreateIndex
CREATE INDEX "FindingEvent_findingId_createdAt_idx" ON "FindingEvent"("findingId", "createdAt");

-- CreateIndex
CREATE INDEX "Finding_org_status_severity_seen_idx" ON "Finding"("organizationId", "status", "severity", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_org_severity_seen_idx" ON "Finding"("organizationId", "severity", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_org_status_seen_idx" ON "Finding"("organizationId", "status", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_org_seen_idx" ON "Finding"("organizationId", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_org_status_pillar_seen_idx" ON "Finding"("organizationId", "status", "pillar", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_org_pillar_seen_idx" ON "Finding"("organizationId", "pillar", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_domain_status_severity_seen_idx" ON "Finding"("domainId", "status", "severity", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_status_acceptedUntil_idx" ON "Finding"("status", "acceptedUntil");

-- AddForeignKey
ALTER TABLE "FindingInstance" ADD CONSTRAINT "FindingInstance_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvent" ADD CONSTRAINT "FindingEvent_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvent" ADD CONSTRAINT "FindingEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Trigram indexes for the findings text search (`q`, `url=`): only where pg_trgm is available. PostgreSQL
-- ships it in contrib; the embedded PGlite loads it at open (lib/db/pglite.ts). Without it the search still
-- works (ILIKE), by scanning. Not in schema.prisma: Prisma cannot describe an extension that may be absent.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX IF NOT EXISTS "Finding_title_trgm_idx" ON "Finding" USING gin ("title" gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "Finding_rule_trgm_idx" ON "Finding" USING gin ("rule" gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "FindingInstance_url_trgm_idx" ON "FindingInstance" USING gin ("url" gin_trgm_ops);
  END IF;
END
$$;
