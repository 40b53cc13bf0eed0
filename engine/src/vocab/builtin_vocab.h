// The vocabulary files compiled into the library (see engine/CMakeLists.txt).
#ifndef EVQ_VOCAB_BUILTIN_VOCAB_H_
#define EVQ_VOCAB_BUILTIN_VOCAB_H_

namespace evq::internal {

struct BuiltinVocabFile {
  const char* name;      // file name, e.g. "conditions.tsv"; nullptr ends the list
  const char* contents;  // the file's text
};

extern const BuiltinVocabFile kBuiltinVocabFiles[];

}  // namespace evq::internal

#endif  // EVQ_VOCAB_BUILTIN_VOCAB_H_
