/**
 * Condition types and reasons under the names Flux uses (fluxcd/pkg/apis/meta and the controllers' APIs).
 * Controllers use these constants, never string literals.
 */

// Generic condition types (kstatus).
export const ReadyCondition = 'Ready';
export const ReconcilingCondition = 'Reconciling';
export const StalledCondition = 'Stalled';
export const HealthyCondition = 'Healthy';

// Source condition types.
export const ArtifactInStorageCondition = 'ArtifactInStorage';
export const ArtifactOutdatedCondition = 'ArtifactOutdated';
export const FetchFailedCondition = 'FetchFailed';
export const BuildFailedCondition = 'BuildFailed';
export const StorageOperationFailedCondition = 'StorageOperationFailed';
export const IncludeUnavailableCondition = 'IncludeUnavailable';
export const SourceVerifiedCondition = 'SourceVerified';

// HelmRelease condition types.
export const ReleasedCondition = 'Released';
export const TestSuccessCondition = 'TestSuccess';
export const RemediatedCondition = 'Remediated';

/** Every condition type named above. */
export const conditionTypes = [
  ReadyCondition,
  ReconcilingCondition,
  StalledCondition,
  HealthyCondition,
  ArtifactInStorageCondition,
  ArtifactOutdatedCondition,
  FetchFailedCondition,
  BuildFailedCondition,
  StorageOperationFailedCondition,
  IncludeUnavailableCondition,
  SourceVerifiedCondition,
  ReleasedCondition,
  TestSuccessCondition,
  RemediatedCondition,
] as const;
export type ConditionType = (typeof conditionTypes)[number];

// Generic reasons (fluxcd/pkg/apis/meta).
export const SucceededReason = 'Succeeded';
export const FailedReason = 'Failed';
export const ProgressingReason = 'Progressing';
export const ProgressingWithRetryReason = 'ProgressingWithRetry';
export const SuspendedReason = 'Suspended';
export const DependencyNotReadyReason = 'DependencyNotReady';
export const InvalidPathReason = 'InvalidPath';
export const InvalidURLReason = 'InvalidURL';
export const InsecureConnectionsDisallowedReason = 'InsecureConnectionsDisallowed';
export const UnsupportedConnectionTypeReason = 'UnsupportedConnectionType';
export const PruneFailedReason = 'PruneFailed';
export const ArtifactFailedReason = 'ArtifactFailed';
export const BuildFailedReason = 'BuildFailed';
export const HealthCheckFailedReason = 'HealthCheckFailed';
export const ReconciliationSucceededReason = 'ReconciliationSucceeded';
export const ReconciliationFailedReason = 'ReconciliationFailed';
export const InvalidCELExpressionReason = 'InvalidCELExpression';
export const FeatureGateDisabledReason = 'FeatureGateDisabled';
export const AccessDeniedReason = 'AccessDenied';

// Source reasons (source-controller).
export const URLInvalidReason = 'URLInvalid';
export const AuthenticationFailedReason = 'AuthenticationFailed';
export const VerificationErrorReason = 'VerificationError';
export const DirectoryCreationFailedReason = 'DirectoryCreationFailed';
export const StatOperationFailedReason = 'StatOperationFailed';
export const ReadOperationFailedReason = 'ReadOperationFailed';
export const AcquireLockFailedReason = 'AcquireLockFailed';
export const ArchiveOperationFailedReason = 'ArchiveOperationFailed';
export const SymlinkUpdateFailedReason = 'SymlinkUpdateFailed';
export const ArtifactUpToDateReason = 'ArtifactUpToDate';
export const CacheOperationFailedReason = 'CacheOperationFailed';
export const PatchOperationFailedReason = 'PatchOperationFailed';
export const InvalidSTSConfigurationReason = 'InvalidSTSConfiguration';
export const InvalidProviderConfigurationReason = 'InvalidProviderConfiguration';
export const GitOperationSucceededReason = 'GitOperationSucceeded';
export const GitOperationFailedReason = 'GitOperationFailed';
export const EmptyGitRepositoryReason = 'EmptyGitRepository';
export const NotFoundReason = 'NotFound';
export const NoArtifactReason = 'NoArtifact';
export const IllegalPathReason = 'IllegalPath';
export const CopyFailureReason = 'CopyFailure';
export const SourceIgnoreErrorReason = 'SourceIgnoreError';
export const InvalidVerificationModeReason = 'InvalidVerificationMode';
export const InvalidGitObjectReason = 'InvalidGitObject';
export const InvalidTagSignatureReason = 'InvalidTagSignature';
export const InvalidCommitSignatureReason = 'InvalidCommitSignature';
export const GarbageCollectionFailedReason = 'GarbageCollectionFailed';
export const GarbageCollectionSucceededReason = 'GarbageCollectionSucceeded';
export const OCIArtifactPullFailedReason = 'OCIArtifactPullFailed';
export const OCIArtifactLayerOperationFailedReason = 'OCIArtifactLayerOperationFailed';
export const IndexationFailedReason = 'IndexationFailed';
export const BucketOperationSucceededReason = 'BucketOperationSucceeded';
export const BucketOperationFailedReason = 'BucketOperationFailed';
export const ChartPullSucceededReason = 'ChartPullSucceeded';
export const ChartPackageSucceededReason = 'ChartPackageSucceeded';
export const InvalidChartReferenceReason = 'InvalidChartReference';
export const ChartPullErrorReason = 'ChartPullError';
export const MetadataPatchErrorReason = 'MetadataPatchError';
export const ValuesFilesErrorReason = 'ValuesFilesError';
export const DependencyBuildErrorReason = 'DependencyBuildError';
export const ChartPackageErrorReason = 'ChartPackageError';
export const ChartVerificationErrorReason = 'ChartVerificationError';
export const UnknownReason = 'Unknown';
export const NewRevisionReason = 'NewRevision';
export const IncludeChangeReason = 'IncludeChange';
export const NewChartReason = 'NewChart';

// HelmRelease reasons (helm-controller).
export const InstallSucceededReason = 'InstallSucceeded';
export const InstallFailedReason = 'InstallFailed';
export const UpgradeSucceededReason = 'UpgradeSucceeded';
export const UpgradeFailedReason = 'UpgradeFailed';
export const TestSucceededReason = 'TestSucceeded';
export const TestFailedReason = 'TestFailed';
export const RollbackSucceededReason = 'RollbackSucceeded';
export const RollbackFailedReason = 'RollbackFailed';
export const UninstallSucceededReason = 'UninstallSucceeded';
export const UninstallFailedReason = 'UninstallFailed';
export const ValuesErrorReason = 'ValuesError';
export const SourceNotReadyReason = 'SourceNotReady';
export const ChartMutateErrorReason = 'ChartMutateError';
export const RESTClientErrorReason = 'RESTClientError';
export const ReconcileErrorReason = 'ReconcileError';
export const StateErrorReason = 'StateError';
export const RetriesExceededReason = 'RetriesExceeded';
export const MissingRollbackTargetReason = 'MissingRollbackTarget';
export const DriftDetectedReason = 'DriftDetected';
export const DriftCorrectedReason = 'DriftCorrected';
export const DriftCorrectionFailedReason = 'DriftCorrectionFailed';
export const HelmChartCreatedReason = 'HelmChartCreated';
export const HelmChartInSyncReason = 'HelmChartInSync';

// Notification reasons (notification-controller).
export const TokenNotFoundReason = 'TokenNotFound';
export const InvalidConfigReason = 'InvalidConfig';
export const NotificationDispatchFailedReason = 'NotificationDispatchFailed';
export const MetadataAppendFailedReason = 'MetadataAppendFailed';

// Image reasons (image-reflector-controller, image-automation-controller).
export const ImageURLInvalidReason = 'ImageURLInvalid';
export const InvalidPolicyReason = 'InvalidPolicy';
export const IntervalNotConfiguredReason = 'IntervalNotConfigured';
export const FailureReason = 'Failure';
export const InvalidSourceConfigurationReason = 'InvalidSourceConfiguration';
export const SourceManagerFailedReason = 'SourceManagerFailed';
export const UpdateFailedReason = 'UpdateFailed';
export const InvalidUpdateStrategyReason = 'InvalidUpdateStrategy';
export const InvalidPolicySelectorReason = 'InvalidPolicySelector';
export const RemovedTemplateFieldReason = 'RemovedTemplateField';

/** The finalizer every Flux controller puts on the objects it reconciles. */
export const fluxFinalizer = 'finalizers.fluxcd.io';

/** Annotations and labels of the Flux API contract. */
export const ReconcileRequestAnnotation = 'reconcile.fluxcd.io/requestedAt';
export const ForceRequestAnnotation = 'reconcile.fluxcd.io/forceAt';
export const ResetRequestAnnotation = 'reconcile.fluxcd.io/resetAt';
export const WatchLabel = 'reconcile.fluxcd.io/watch';
export const ShardingKeyLabel = 'sharding.fluxcd.io/key';
