// SHA-256 for the HTML report's Content-Security-Policy script hash.
#ifndef EVQ_REPORT_AUDIT_SHA256_H_
#define EVQ_REPORT_AUDIT_SHA256_H_

#include <string>
#include <string_view>

namespace evq::internal {

// The SHA-256 digest of `data`, base64-encoded (44 characters), as CSP's
// 'sha256-...' source expressions want it.
std::string Sha256Base64(std::string_view data);

}  // namespace evq::internal

#endif  // EVQ_REPORT_AUDIT_SHA256_H_
