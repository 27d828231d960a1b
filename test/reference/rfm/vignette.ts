// The segment summary R's rfm package publishes for its own rfm_data_orders as of 2006-12-31
// (vignette "RFM - Introduction", rfm_segment_summary(): customers, orders, revenue per segment; see
// README.md beside this file). One copy, for every test that must reproduce it.
export const PUBLISHED_SEGMENT_SUMMARY: Readonly<Record<string, readonly [number, number, number]>> = {
  "About To Sleep": [102, 283, 23449],
  "At Risk": [28, 216, 22227],
  "Can't Lose Them": [47, 274, 32446],
  Champions: [35, 316, 31646],
  Lost: [148, 393, 35324],
  "Loyal Customers": [170, 799, 76562],
  "Need Attention": [10, 57, 4562],
  "New Customers": [104, 329, 28837],
  "Potential Loyalist": [342, 2211, 204856],
  Promising: [9, 28, 4249],
};
