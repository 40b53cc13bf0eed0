// evq audit (being written).
#include "common.h"

namespace evq::cli {

int RunAudit(const std::vector<std::string>& args) {
  (void)args;
  PrintError("audit: not available yet");
  return kExitError;
}

}  // namespace evq::cli
