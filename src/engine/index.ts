// The grading engine's public surface: pure functions over plain arrays (docs/DESIGN.md §2-3).

export * from "./types";
export { globalWeights } from "./weights";
export {
  columnStats,
  percentileCountBelow,
  percentileCountAbove,
  checkBands,
  pointsOf,
  indicatorPoints,
} from "./points";
export { scoreOf, weightedScore } from "./score";
export { rankEq, rankOf } from "./rank";
export { ExactSum, exactSum } from "./exactSum";
export { sortedOrder } from "./sortedOrder";
export {
  checkShares,
  cumulativeShares,
  shareTier,
  tiersByShares,
  checkParetoCutoffs,
  paretoTiers,
  paretoTierOf,
  paretoTierFromSums,
  checkScoreCutoffs,
  tiersByCutoffs,
  tiersByRules,
} from "./tiers";
export { pyramid } from "./pyramid";
export { grade } from "./grade";
export { RECIPROCAL_TOLERANCE, checkPairwiseMatrix, ahpWeights, ahpConsistency } from "./ahp";
export { entropyWeights } from "./entropy";
export { customerIndicators, serialOfDate } from "./orders";
export type { OrderColumns, CustomerIndicators } from "./orders";
export {
  quantileType7,
  seqProbabilities,
  rfmBreaks,
  rfmBinScores,
  rfmScores,
  rfmSegmentOf,
  rfmSegmentSummary,
  rfmHeatmap,
  rfmAnalysis,
  DEFAULT_RFM_SEGMENTS,
  defaultRfmSegments,
  RFM_OTHERS,
} from "./rfm";
export type { RfmAnalysis, RfmBins, RfmScores, RfmSegment, RfmSegmentSummaryRow } from "./rfm";
export { seededRandom, standardize, kmeans, silhouettes, clusterCustomers, SILHOUETTE_SAMPLE } from "./kmeans";
export type { KMeansResult, ClusterProfile, ClusterResult } from "./kmeans";
export { correlationMatrix, symmetricEigen, pcaWeights } from "./pca";
export type { PcaWeights } from "./pca";
export { explainGrade, changeWords, gapWords } from "./explain";
export type { Explanation, ExplanationReason, IndicatorChange } from "./explain";
export { EngineError, ENGINE_ENGLISH } from "./errors";
export type { EngineErrorCode, EngineErrorParams } from "./errors";
