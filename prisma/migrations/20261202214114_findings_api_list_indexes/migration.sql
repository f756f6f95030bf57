-- CreateIndex
CREATE INDEX "Finding_org_created_idx" ON "Finding"("organizationId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_org_status_created_idx" ON "Finding"("organizationId", "status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_org_severity_created_idx" ON "Finding"("organizationId", "severity", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_org_pillar_created_idx" ON "Finding"("organizationId", "pillar", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Finding_domain_created_idx" ON "Finding"("domainId", "createdAt" DESC, "id" DESC);
