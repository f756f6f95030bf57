-- AlterTable
ALTER TABLE "IntegrationLink" ALTER COLUMN "externalId" DROP NOT NULL,
ALTER COLUMN "url" DROP NOT NULL;
