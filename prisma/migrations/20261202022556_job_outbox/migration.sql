-- CreateTable
CREATE TABLE "JobOutbox" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "key" TEXT NOT NULL,
    "organizationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "JobOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "JobOutbox_key_key" ON "JobOutbox"("key");

-- CreateIndex
CREATE INDEX "JobOutbox_sentAt_createdAt_idx" ON "JobOutbox"("sentAt", "createdAt");
