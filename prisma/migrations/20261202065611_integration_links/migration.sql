-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "authMethod" TEXT,
ADD COLUMN     "baseUrl" TEXT,
ADD COLUMN     "encryptedWebhookSecret" TEXT,
ADD COLUMN     "encryptionKeyId" TEXT,
ADD COLUMN     "externalAccount" TEXT,
ADD COLUMN     "lastPolledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IntegrationLink" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "provider" "IntegrationProvider" NOT NULL,
    "externalId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "upstreamUpdatedAt" TIMESTAMP(3),
    "draftHash" TEXT,
    "reopenedUpstream" BOOLEAN NOT NULL DEFAULT false,
    "lastSyncedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationDelivery" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationOAuthState" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "encryptedCodeVerifier" TEXT NOT NULL,
    "encryptionKeyId" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationOAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntegrationLink_integrationId_externalId_idx" ON "IntegrationLink"("integrationId", "externalId");

-- CreateIndex
CREATE INDEX "IntegrationLink_organizationId_findingId_idx" ON "IntegrationLink"("organizationId", "findingId");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationLink_integrationId_findingId_key" ON "IntegrationLink"("integrationId", "findingId");

-- CreateIndex
CREATE INDEX "IntegrationDelivery_receivedAt_idx" ON "IntegrationDelivery"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationDelivery_integrationId_deliveryId_key" ON "IntegrationDelivery"("integrationId", "deliveryId");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationOAuthState_stateHash_key" ON "IntegrationOAuthState"("stateHash");

-- AddForeignKey
ALTER TABLE "IntegrationLink" ADD CONSTRAINT "IntegrationLink_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationLink" ADD CONSTRAINT "IntegrationLink_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationDelivery" ADD CONSTRAINT "IntegrationDelivery_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationOAuthState" ADD CONSTRAINT "IntegrationOAuthState_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
