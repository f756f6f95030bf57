-- CreateEnum
CREATE TYPE "FindingResolution" AS ENUM ('scan', 'verified', 'claimed_upstream', 'manual');

-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "resolution" "FindingResolution";

-- Findings resolved before this column existed: a member's change to resolved writes a status event at the
-- resolving moment; scans write none.
UPDATE "Finding" f SET "resolution" = CASE
    WHEN EXISTS (SELECT 1 FROM "FindingEvent" e
                  WHERE e."findingId" = f."id" AND e."kind" = 'status' AND e."actorId" IS NOT NULL
                    AND e."toStatus" = 'resolved'
                    AND e."createdAt" BETWEEN f."resolvedAt" - interval '5 seconds' AND f."resolvedAt" + interval '5 seconds')
    THEN 'manual'::"FindingResolution"
    ELSE 'scan'::"FindingResolution"
  END
WHERE f."status" = 'resolved';
