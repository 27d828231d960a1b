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
