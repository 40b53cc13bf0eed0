// Placeholder until the reader lands.
#include "bibliography_readers.h"

namespace evq::internal {

int ReadRetractionWatch(std::string_view, BibliographySink*) { return 0; }

}  // namespace evq::internal
