// c_api/evq_c_internal.h: the structs behind the C API's opaque handles, and
// the guard that keeps C++ exceptions from reaching C callers.
#ifndef EVQ_C_API_EVQ_C_INTERNAL_H_
#define EVQ_C_API_EVQ_C_INTERNAL_H_

#include <memory>
#include <new>
#include <string>

#include "evq.h"
#include "evq/corpus.h"
#include "evq/status.h"

struct evq_db {
  std::unique_ptr<evq::Corpus> corpus;  // null when evq_open failed
  int errcode = EVQ_OK;
  std::string errmsg;
  int open_cursors = 0;  // evq_close refuses while any is open

  // Records the outcome of a call; returns its code.
  int Set(int code, std::string message) {
    errcode = code;
    errmsg = std::move(message);
    return code;
  }
  int Ok() { return Set(EVQ_OK, std::string()); }
};

namespace evq::capi {

// The C code for a failed Status.
int CodeOf(const Status& status);

// Records `status` on `db` and returns its code.
inline int Fail(evq_db* db, const Status& status) {
  return db->Set(CodeOf(status), status.message());
}

// Runs `body` (returning an int code), turning any exception into an error
// recorded on `db`: the C API must never let one unwind into C frames.
template <typename Body>
int Guard(evq_db* db, const char* what, Body&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return db->Set(EVQ_NOMEM, std::string(what) + ": out of memory");
  } catch (const std::exception& e) {
    return db->Set(EVQ_ERROR, std::string(what) + ": " + e.what());
  } catch (...) {
    return db->Set(EVQ_ERROR, std::string(what) + ": unexpected failure");
  }
}

}  // namespace evq::capi

#endif  // EVQ_C_API_EVQ_C_INTERNAL_H_
