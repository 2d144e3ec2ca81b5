export { AudienceIndex } from './audience.index';
export { AUDIENCE_FEED_RETENTION_MS, createAudienceEngine } from './audience.engine';
export type { AudienceEngine, AudienceEngineOptions, AudienceLogger, BuildStats } from './audience.engine';
export type { AudienceSnapshotSettings, SnapshotWriteStats } from './audience.snapshot.store';
export { audienceRepository } from './audience.repository';
export type { AudienceQuery, CountableGrant, MemberState } from './member-state';
export { countWithSql, eligibleMembersSql, memberNumbersWithSql, segmentConditionSql } from './segment.sql';
export { accountedEstimates, createEstimateService } from './estimate.service';
export type { EstimateAnswer, EstimateOrganisation, EstimateQuestion, EstimateRelease, EstimateReleaser, EstimateRequest, EstimateService } from './estimate.service';
