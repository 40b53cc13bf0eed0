// Record-by-record streaming of large XML record sets. See xml_records.h.
#include "xml_records.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace evq::xml {
namespace {

constexpr size_t kChunk = size_t{1} << 20;

// Reads more bytes into *buf; returns bytes read, 0 at end, -1 on error.
using Reader = std::function<long(std::string* buf)>;

// The position of the start tag `<name` (followed by '>', '/' or space) at
// or after `from`, or npos.
size_t FindStartTag(std::string_view s, std::string_view name, size_t from) {
  std::string open = "<" + std::string(name);
  while ((from = s.find(open, from)) != std::string_view::npos) {
    size_t after = from + open.size();
    if (after >= s.size()) return from;  // maybe; the caller reads more
    char c = s[after];
    if (c == '>' || c == '/' || std::isspace(static_cast<unsigned char>(c))) return from;
    from = after;
  }
  return std::string_view::npos;
}

Status Split(const std::string& source, const Reader& read, const RecordSetSpec& spec,
             const RecordVisitor& visit) {
  std::string buf;
  size_t buf_offset = 0;  // file offset of buf[0]
  int buf_line = 1;       // line of buf[0]
  bool eof = false;
  auto more = [&]() -> Status {
    long n = read(&buf);
    if (n < 0) return Status::IoError(source + ": cannot read");
    if (n == 0) eof = true;
    return Status::Ok();
  };
  auto origin_at = [&](size_t pos) {
    Origin o{source, buf_offset + pos,
             buf_line + static_cast<int>(std::count(buf.begin(), buf.begin() + pos, '\n'))};
    return o;
  };
  auto discard = [&](size_t n) {
    buf_line += static_cast<int>(std::count(buf.begin(), buf.begin() + n, '\n'));
    buf_offset += n;
    buf.erase(0, n);
  };

  // The root element: read until it is in the buffer.
  std::string root;
  size_t root_index = 0;
  while (true) {
    std::string doctype;
    size_t i = 0;
    // Skip prolog items.
    while (true) {
      while (i < buf.size() && std::isspace(static_cast<unsigned char>(buf[i]))) ++i;
      std::string_view rest = std::string_view(buf).substr(i);
      size_t close = std::string_view::npos;
      if (rest.starts_with("<?")) close = buf.find("?>", i), close = close == std::string::npos ? close : close + 2;
      else if (rest.starts_with("<!--")) close = buf.find("-->", i), close = close == std::string::npos ? close : close + 3;
      else if (rest.starts_with("<!DOCTYPE")) {
        size_t open = buf.find_first_of("[>", i);
        if (open != std::string::npos && buf[open] == '[') open = buf.find("]>", open);
        close = open == std::string::npos ? open : buf.find('>', open) + 1;
      } else {
        break;
      }
      if (close == std::string_view::npos) {
        i = std::string::npos;
        break;
      }
      i = close;
    }
    if (i != std::string::npos && i < buf.size()) {
      if (buf[i] != '<') {
        return Malformed(origin_at(0), buf, i, "no root element (text before any element)");
      }
      size_t j = i + 1;
      while (j < buf.size() && !std::isspace(static_cast<unsigned char>(buf[j])) && buf[j] != '>' &&
             buf[j] != '/') {
        ++j;
      }
      if (j < buf.size() || eof) {
        root = buf.substr(i + 1, j - i - 1);
        auto it = std::find(spec.roots.begin(), spec.roots.end(), root);
        if (it == spec.roots.end()) {
          Origin o = origin_at(0);
          int line = o.base_line + static_cast<int>(std::count(buf.begin(), buf.begin() + i, '\n'));
          return Status::InvalidArgument(source + ":" + std::to_string(line) +
                                         ": unexpected root element <" + root + "> at byte " +
                                         std::to_string(i) + ": expected " + spec.expected);
        }
        root_index = static_cast<size_t>(it - spec.roots.begin());
        break;
      }
    }
    if (eof) {
      if (buf.empty()) return Status::InvalidArgument(source + ": empty file");
      return Malformed(origin_at(0), buf, buf.size(), "no root element");
    }
    if (Status st = more(); !st.ok()) return st;
  }
  const std::vector<std::string>& tags = spec.record_tags[root_index];
  // A single record as the root (efetch output: <PubmedArticle>): no set
  // element closes the file.
  bool root_is_record = std::find(tags.begin(), tags.end(), root) != tags.end();

  size_t search = 0;
  while (true) {
    // The earliest record start tag.
    size_t start = std::string::npos;
    std::string tag;
    for (const std::string& t : tags) {
      size_t p = FindStartTag(buf, t, search);
      if (p < start) {
        start = p;
        tag = t;
      }
    }
    if (start != std::string::npos) {
      std::string close = "</" + tag + ">";
      size_t end = buf.find(close, start);
      // A self-closing record (<PubmedArticle/>) has nothing to import.
      if (end != std::string::npos) {
        end += close.size();
        bool stop = false;
        Status st = visit(std::string_view(buf).substr(start, end - start), origin_at(start), &stop);
        if (!st.ok() || stop) return st;
        discard(end);
        search = 0;
        continue;
      }
      if (eof) {
        return Malformed(origin_at(0), buf, buf.size(), "end of file inside <" + tag + ">");
      }
      if (buf.size() - start > kMaxRecord) {
        return Malformed(origin_at(0), buf, start,
                         "<" + tag + "> longer than " + std::to_string(kMaxRecord) + " bytes");
      }
      // Keep the open record; read on.
      if (start > 0) discard(start);
      search = 0;
    } else {
      if (eof) {
        if (!root_is_record && buf.find("</" + root + ">") == std::string::npos) {
          return Malformed(origin_at(0), buf, buf.size(), "end of file before </" + root + ">");
        }
        return Status::Ok();
      }
      // Nothing open: drop what was scanned, keeping a tail that may hold
      // the start of a tag cut by the chunk boundary.
      size_t keep = std::min<size_t>(buf.size(), 64 + root.size());
      if (buf.size() > keep) discard(buf.size() - keep);
      search = 0;
    }
    if (Status st = more(); !st.ok()) return st;
  }
}

}  // namespace

Status ForEachRecordInFile(const std::string& path, const RecordSetSpec& spec,
                           const RecordVisitor& visit) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  gzbuffer(f, 1 << 17);
  std::string chunk(kChunk, '\0');
  Reader read = [&](std::string* buf) -> long {
    int n = gzread(f, chunk.data(), static_cast<unsigned>(chunk.size()));
    if (n > 0) buf->append(chunk.data(), static_cast<size_t>(n));
    return n;
  };
  Status st;
  try {
    st = Split(path, read, spec, visit);
  } catch (const std::bad_alloc&) {
    st = Status::InvalidArgument(path + ": out of memory while reading records");
  }
  gzclose(f);
  return st;
}

Status ForEachRecordInBuffer(const std::string& source, std::string_view bytes,
                             const RecordSetSpec& spec, const RecordVisitor& visit) {
  size_t pos = 0;
  Reader read = [&](std::string* buf) -> long {
    size_t n = std::min(kChunk * 16, bytes.size() - pos);
    buf->append(bytes.substr(pos, n));
    pos += n;
    return static_cast<long>(n);
  };
  try {
    return Split(source, read, spec, visit);
  } catch (const std::bad_alloc&) {
    return Status::InvalidArgument(source + ": out of memory while reading records");
  }
}

}  // namespace evq::xml
