//===- SameReport.h - Comparing two cost reports in tests -------*- C++ -*-===//

#ifndef DIGAMMA_UNITTESTS_SAMEREPORT_H
#define DIGAMMA_UNITTESTS_SAMEREPORT_H

#include "digamma/CostModel/CostModel.h"

#include "gtest/gtest.h"

namespace digamma::testing {

/// Two reports of one design agree on validity, reason, cycles, MACs,
/// buffers, every access count and MAESTRO's area; the PE average to
/// rounding.
inline void expectSameFigures(const cost::CostReport &a,
                              const cost::CostReport &b) {
  ASSERT_EQ(a.valid, b.valid);
  EXPECT_EQ(a.reason, b.reason);
  EXPECT_EQ(a.cycles, b.cycles);
  EXPECT_EQ(a.macs, b.macs);
  EXPECT_EQ(a.l1Elements, b.l1Elements);
  EXPECT_EQ(a.l2Elements, b.l2Elements);
  const cost::AccessCounts &x = a.accesses, &y = b.accesses;
  EXPECT_EQ(x.inputL1Read, y.inputL1Read);
  EXPECT_EQ(x.inputL1Write, y.inputL1Write);
  EXPECT_EQ(x.inputL2Read, y.inputL2Read);
  EXPECT_EQ(x.inputL2Write, y.inputL2Write);
  EXPECT_EQ(x.filterL1Read, y.filterL1Read);
  EXPECT_EQ(x.filterL1Write, y.filterL1Write);
  EXPECT_EQ(x.filterL2Read, y.filterL2Read);
  EXPECT_EQ(x.filterL2Write, y.filterL2Write);
  EXPECT_EQ(x.outputL1Read, y.outputL1Read);
  EXPECT_EQ(x.outputL1Write, y.outputL1Write);
  EXPECT_EQ(x.outputL2Read, y.outputL2Read);
  EXPECT_EQ(x.outputL2Write, y.outputL2Write);
  EXPECT_NEAR(a.avgUsedPEs, b.avgUsedPEs, 1e-9 * b.avgUsedPEs);
  EXPECT_DOUBLE_EQ(a.areaMaestroUm2, b.areaMaestroUm2);
}

} // namespace digamma::testing

#endif // DIGAMMA_UNITTESTS_SAMEREPORT_H
