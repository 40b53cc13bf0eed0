# evq_add_library: one evq library built as a static and a shared library
# from the same objects (compiled once, position independent, with hidden
# symbol visibility so that only EVQ_EXPORT declarations are the ABI).
#
#   evq_add_library(<name>
#     SOURCES <files...>
#     INCLUDE_DIR <public header dir>
#     [PRIVATE_INCLUDE_DIRS <dirs...>]
#     [EVQ_DEPS <names of evq libraries it uses in its public API...>]
#     [PRIVATE_LIBS <targets used only inside...>])
#
# Targets: evq_<name> (static; alias evq::<name>, what the evq program and the
# tests link), evq_<name>_shared (alias evq::<name>_shared; installed as
# evq::<name>), evq_<name>_objects (the shared objects).
function(evq_add_library name)
  cmake_parse_arguments(ARG "" "INCLUDE_DIR" "SOURCES;PRIVATE_INCLUDE_DIRS;EVQ_DEPS;PRIVATE_LIBS" ${ARGN})
  set(objects evq_${name}_objects)
  add_library(${objects} OBJECT ${ARG_SOURCES})
  set_target_properties(${objects} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_compile_definitions(${objects} PRIVATE EVQ_BUILDING_LIBRARY)
  target_compile_options(${objects} PRIVATE ${EVQ_WARNINGS})
  target_include_directories(${objects}
    PUBLIC $<BUILD_INTERFACE:${ARG_INCLUDE_DIR}>
    PRIVATE ${ARG_PRIVATE_INCLUDE_DIRS})
  foreach(dep IN LISTS ARG_EVQ_DEPS)
    # Usage requirements (include directories) only: an object library
    # linked to another does not take in its objects.
    target_link_libraries(${objects} PUBLIC evq_${dep}_objects)
  endforeach()
  target_link_libraries(${objects} PRIVATE ${ARG_PRIVATE_LIBS})

  add_library(evq_${name} STATIC $<TARGET_OBJECTS:${objects}>)
  add_library(evq_${name}_shared SHARED $<TARGET_OBJECTS:${objects}>)
  add_library(evq::${name} ALIAS evq_${name})
  add_library(evq::${name}_shared ALIAS evq_${name}_shared)
  foreach(target evq_${name} evq_${name}_shared)
    set_target_properties(${target} PROPERTIES LINKER_LANGUAGE CXX)
    target_include_directories(${target}
      PUBLIC $<BUILD_INTERFACE:${ARG_INCLUDE_DIR}> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
    target_link_libraries(${target} PRIVATE ${ARG_PRIVATE_LIBS})
  endforeach()
  foreach(dep IN LISTS ARG_EVQ_DEPS)
    target_link_libraries(evq_${name} PUBLIC evq_${dep})
    target_link_libraries(evq_${name}_shared PUBLIC evq_${dep}_shared)
  endforeach()
  # Both are libevq_<name>: -levq_<name> picks the shared one, --static the
  # archive. Installed, the shared library is evq::<name>, the static one
  # evq::<name>_static.
  set_target_properties(evq_${name} PROPERTIES EXPORT_NAME ${name}_static)
  set_target_properties(evq_${name}_shared PROPERTIES
    OUTPUT_NAME evq_${name}
    EXPORT_NAME ${name}
    VERSION ${PROJECT_VERSION}
    SOVERSION ${EVQ_SOVERSION})
  if(NOT EVQ_SANITIZE)
    # Every dependency must be stated: a symbol left undefined would only
    # show when a consumer links. (The sanitizer runtimes are resolved from
    # the executable, hence the exception.)
    target_link_options(evq_${name}_shared PRIVATE LINKER:--no-undefined)
  endif()
endfunction()
