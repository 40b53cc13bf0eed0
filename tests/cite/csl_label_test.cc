// CslItemLabel: the short label people see for a reference or a work.
#include <gtest/gtest.h>

#include "evq/csl.h"

namespace evq {
namespace {

TEST(CslItemLabelTest, TitleEndingInItsOwnStopGetsNoSecondOne) {
  CslItem item;
  item.author = {{"Gullis", "R J", ""}};
  item.issued.year = 1975;
  item.title = "The stimulation by synaptic transmitters.";
  item.container_title = "The Biochemical journal";
  EXPECT_EQ(CslItemLabel(item),
            "Gullis R J (1975) The stimulation by synaptic transmitters. The Biochemical journal");
  item.title = "Does fascia hurt?";
  EXPECT_EQ(CslItemLabel(item), "Gullis R J (1975) Does fascia hurt? The Biochemical journal");
}

TEST(CslItemLabelTest, RawStringWhenNothingWasParsed) {
  CslItem item;
  item.raw = "Personal communication, 2019";
  EXPECT_EQ(CslItemLabel(item), "Personal communication, 2019");
}

}  // namespace
}  // namespace evq
