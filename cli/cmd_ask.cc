// evq ask (being written).
#include "common.h"

namespace evq::cli {

int RunAsk(const std::vector<std::string>& args) {
  (void)args;
  PrintError("ask: not available yet");
  return kExitError;
}

}  // namespace evq::cli
