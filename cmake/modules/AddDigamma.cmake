#===- AddDigamma.cmake - Libraries, tools and the DiGamma package ---------===#
#
# What makes the project installable as a CMake package:
#
#   add_digamma_library(DigammaFoo ...)   add_mlir_library(DigammaFoo ...) that
#                                         is also installed and exported as
#                                         DiGamma::Foo (same arguments), an
#                                         MLIR component of the package
#   digamma_install_library(DigammaFoo)   installs and exports a plain
#                                         add_library target as DiGamma::Foo,
#                                         a plain C++ component
#   digamma_install_tool(digamma-foo      installs a tool to bin/ and exports
#                        [MLIR])          it as DiGamma::digamma-foo (MLIR:
#                                         with the MLIR components)
#   digamma_package_dependency(<args>)    a find_dependency(<args>) call of
#                                         DiGammaConfig.cmake, for a package
#                                         a plain C++ component links
#   digamma_mlir_package_dependency(...)  the same for the MLIR components
#
# At the end of the top-level CMakeLists.txt (even after its early return in
# the MLIR-free build) the headers, the exported targets (DiGammaTargets.cmake
# and, with MLIR, DiGammaMLIRTargets.cmake) and DiGammaConfig.cmake are
# installed. A consumer then writes
#
#   find_package(DiGamma CONFIG REQUIRED)
#   target_link_libraries(my-opt PRIVATE DiGamma::InitAll MLIROptLib)
#
# with -DCMAKE_PREFIX_PATH=<prefix> (or -DDiGamma_DIR=<prefix>/lib/cmake/
# DiGamma); MLIR is found through the dependency recorded here, and only
# when an MLIR component is asked for (all of them, without COMPONENTS):
#
#   find_package(DiGamma CONFIG REQUIRED COMPONENTS Api)   # no MLIR
#
#===----------------------------------------------------------------------===#

include_guard(GLOBAL)
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(DIGAMMA_INSTALL_PACKAGE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/DiGamma")

# Exported name of a library: its target name without the Digamma prefix.
function(_digamma_export_name target out)
  string(REGEX REPLACE "^Digamma" "" name "${target}")
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

# The export set of the plain C++ components, or with MLIR the MLIR ones'.
function(_digamma_export_set out)
  cmake_parse_arguments(ARG "MLIR" "" "" ${ARGN})
  if(ARG_MLIR)
    set(${out} DiGammaMLIRTargets PARENT_SCOPE)
  else()
    set(${out} DiGammaTargets PARENT_SCOPE)
  endif()
endfunction()

function(digamma_install_library target)
  _digamma_export_name(${target} exportName)
  _digamma_export_set(exportSet ${ARGN})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${exportName})
  target_include_directories(${target} INTERFACE
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(${target} PUBLIC cxx_std_17)
  install(TARGETS ${target} EXPORT ${exportSet}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  set_property(GLOBAL APPEND PROPERTY DIGAMMA_EXPORTED_LIBRARIES ${exportName})
endfunction()

# add_mlir_library installs into MLIR's own export set (MLIRTargets), which
# an out-of-tree project never exports; DISABLE_INSTALL turns that off and
# the library joins DiGammaTargets instead, next to the MLIR-free ones it
# links.
function(add_digamma_library name)
  add_mlir_library(${name} DISABLE_INSTALL ${ARGN})
  digamma_install_library(${name} MLIR)
  _digamma_export_name(${name} exportName)
  # Their headers include MLIR's: DiGammaConfig.cmake adds MLIR's include
  # directories to these targets.
  set_property(GLOBAL APPEND PROPERTY DIGAMMA_EXPORTED_MLIR_LIBRARIES
    ${exportName})
endfunction()

function(digamma_install_tool target)
  _digamma_export_set(exportSet ${ARGN})
  install(TARGETS ${target} EXPORT ${exportSet}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endfunction()

# A find_dependency(<args>) line, appended to the global property \p property.
function(_digamma_record_dependency property)
  set(quoted)
  foreach(arg ${ARGN})
    list(APPEND quoted "\"${arg}\"")
  endforeach()
  list(JOIN quoted " " call)
  set_property(GLOBAL APPEND PROPERTY ${property} "find_dependency(${call})")
endfunction()

function(digamma_package_dependency)
  _digamma_record_dependency(DIGAMMA_PACKAGE_DEPENDENCIES ${ARGN})
endfunction()

function(digamma_mlir_package_dependency)
  _digamma_record_dependency(DIGAMMA_MLIR_PACKAGE_DEPENDENCIES ${ARGN})
endfunction()

# Headers: the sources (.h, .td) and the generated .inc files. Without MLIR
# only the MLIR-free directories are installed. The build tree's CMakeFiles
# directories hold none of them (they would be installed empty).
set(DIGAMMA_MLIR_FREE_HEADER_DIRS Api CostModel Search)
function(_digamma_install_headers)
  set(patterns FILES_MATCHING PATTERN "*.h" PATTERN "*.td" PATTERN "*.inc"
    PATTERN "CMakeFiles" EXCLUDE)
  if(DIGAMMA_ENABLE_MLIR)
    install(DIRECTORY ${DIGAMMA_SOURCE_DIR}/include/digamma
                      ${DIGAMMA_BINARY_DIR}/include/digamma
      DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} ${patterns})
  else()
    foreach(dir ${DIGAMMA_MLIR_FREE_HEADER_DIRS})
      install(DIRECTORY ${DIGAMMA_SOURCE_DIR}/include/digamma/${dir}
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/digamma ${patterns})
    endforeach()
  endif()
endfunction()

function(_digamma_install_package)
  # Install-tree files only (paths are relative to the install prefix), so
  # they are kept out of the build tree's lib/.
  set(DIGAMMA_PACKAGE_BUILD_DIR ${DIGAMMA_BINARY_DIR}/CMakeFiles/DiGammaPackage)
  _digamma_install_headers()
  install(EXPORT DiGammaTargets NAMESPACE DiGamma::
    DESTINATION ${DIGAMMA_INSTALL_PACKAGE_DIR})
  if(DIGAMMA_ENABLE_MLIR)
    install(EXPORT DiGammaMLIRTargets NAMESPACE DiGamma::
      DESTINATION ${DIGAMMA_INSTALL_PACKAGE_DIR})
  endif()

  get_property(deps GLOBAL PROPERTY DIGAMMA_PACKAGE_DEPENDENCIES)
  list(JOIN deps "\n" DIGAMMA_FIND_DEPENDENCIES)
  get_property(deps GLOBAL PROPERTY DIGAMMA_MLIR_PACKAGE_DEPENDENCIES)
  list(JOIN deps "\n  " DIGAMMA_FIND_MLIR_DEPENDENCIES)
  get_property(DIGAMMA_EXPORTED_LIBRARIES GLOBAL
    PROPERTY DIGAMMA_EXPORTED_LIBRARIES)
  get_property(DIGAMMA_EXPORTED_MLIR_LIBRARIES GLOBAL
    PROPERTY DIGAMMA_EXPORTED_MLIR_LIBRARIES)
  set(DIGAMMA_EXPORTED_PLAIN_LIBRARIES ${DIGAMMA_EXPORTED_LIBRARIES})
  if(DIGAMMA_EXPORTED_MLIR_LIBRARIES)
    list(REMOVE_ITEM DIGAMMA_EXPORTED_PLAIN_LIBRARIES
      ${DIGAMMA_EXPORTED_MLIR_LIBRARIES})
  endif()
  configure_package_config_file(
    ${DIGAMMA_SOURCE_DIR}/cmake/DiGammaConfig.cmake.in
    ${DIGAMMA_PACKAGE_BUILD_DIR}/DiGammaConfig.cmake
    INSTALL_DESTINATION ${DIGAMMA_INSTALL_PACKAGE_DIR})
  write_basic_package_version_file(
    ${DIGAMMA_PACKAGE_BUILD_DIR}/DiGammaConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
  install(FILES
    ${DIGAMMA_PACKAGE_BUILD_DIR}/DiGammaConfig.cmake
    ${DIGAMMA_PACKAGE_BUILD_DIR}/DiGammaConfigVersion.cmake
    DESTINATION ${DIGAMMA_INSTALL_PACKAGE_DIR})
endfunction()

cmake_language(DEFER DIRECTORY ${DIGAMMA_SOURCE_DIR}
  CALL _digamma_install_package)
