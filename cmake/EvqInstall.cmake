# Install rules: headers, the static and shared libraries, the CMake package
# (find_package(evq): evq::engine, evq::importers, evq::c, and with
# COMPONENTS static evq::engine_static, ...), and evq.pc for pkg-config.
include(CMakePackageConfigHelpers)

set(EVQ_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/evq)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/include/evq ${PROJECT_SOURCE_DIR}/importers/include/evq
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
        FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_SOURCE_DIR}/c_api/include/evq.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)

install(TARGETS evq_engine_shared evq_importers_shared evq_c_shared EXPORT evqTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(TARGETS evq_engine evq_importers evq_c EXPORT evqStaticTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(EXPORT evqTargets NAMESPACE evq:: DESTINATION ${EVQ_CMAKE_DIR} COMPONENT dev)
install(EXPORT evqStaticTargets NAMESPACE evq:: DESTINATION ${EVQ_CMAKE_DIR} COMPONENT dev)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/evqConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/evqConfig.cmake
                              INSTALL_DESTINATION ${EVQ_CMAKE_DIR})
# Before 1.0 a minor release may break the API, so only the same minor
# version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/evqConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/evqConfig.cmake ${PROJECT_BINARY_DIR}/evqConfigVersion.cmake
        DESTINATION ${EVQ_CMAKE_DIR} COMPONENT dev)

# The prefix relative to the .pc file: "lib/pkgconfig" -> "${pcfiledir}/../..".
set(EVQ_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(EVQ_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  string(REGEX REPLACE "[^/]+" ".." EVQ_PC_UP "${EVQ_PC_DIR}")
  set(EVQ_PC_PREFIX "\${pcfiledir}/${EVQ_PC_UP}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/evq.pc.in ${PROJECT_BINARY_DIR}/evq.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/evq.pc
        DESTINATION ${EVQ_PC_DIR} COMPONENT dev)
