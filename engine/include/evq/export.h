// evq/export.h: which declarations the evq shared libraries export.
//
// evq's libraries are compiled with hidden symbol visibility, so that only
// the API is part of the ABI: internals (the SQLite layer, the classifier,
// the vocabulary index) can change without breaking programs linked against
// libevq_engine.so. Every public function and class is marked EVQ_EXPORT.
// The static libraries are built from the same objects; the attribute does
// nothing there.
//
// Thread safety, ownership, errors: not applicable (a macro only).
#ifndef EVQ_EXPORT_H_
#define EVQ_EXPORT_H_

#if defined(_WIN32)
#if defined(EVQ_BUILDING_LIBRARY)
#define EVQ_EXPORT __declspec(dllexport)
#elif defined(EVQ_SHARED)
#define EVQ_EXPORT __declspec(dllimport)
#else
#define EVQ_EXPORT
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define EVQ_EXPORT __attribute__((visibility("default")))
#else
#define EVQ_EXPORT
#endif

#endif  // EVQ_EXPORT_H_
