// evq/status.h: how every evq call reports failure.
//
// No exception crosses evq's API. A call that can fail returns a Status, or a
// Result<T> holding either a value or a Status. The message of a failed
// Status names what failed and why, prefixed with the file and line where the
// input was wrong when there is one: "notes.bib:12: unterminated brace".
//
// Thread safety: Status and Result are plain values; distinct objects may be
// used from distinct threads freely.
#ifndef EVQ_STATUS_H_
#define EVQ_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace evq {

// What kind of failure a Status reports.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed (bad query, bad file)
  kNotFound,         // a named file, document or term does not exist
  kIoError,          // reading or writing a file failed
  kCorruption,       // a database or file is damaged or not evq's
  kInternal,         // a bug in evq
};

// The outcome of a call: ok, or a code and a message for a person.
class [[nodiscard]] Status {
 public:
  // An ok status.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) {
    return Status(StatusCode::kNotFound, std::move(msg));
  }
  static Status IoError(std::string msg) {
    return Status(StatusCode::kIoError, std::move(msg));
  }
  static Status Corruption(std::string msg) {
    return Status(StatusCode::kCorruption, std::move(msg));
  }
  static Status Internal(std::string msg) {
    return Status(StatusCode::kInternal, std::move(msg));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // Empty when ok(); otherwise "file:line: cause" or "cause".
  const std::string& message() const { return message_; }

 private:
  Status(StatusCode code, std::string msg)
      : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a T or a failed Status. Check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  // A successful result holding `value`.
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  // A failed result; `status` must not be ok.
  Result(Status status) : status_(std::move(status)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // Precondition: ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace evq

#endif  // EVQ_STATUS_H_
