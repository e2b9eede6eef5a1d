//===- DataDirs.cpp - Where bundled data files are ------------------------===//

#include "digamma/Api/DataDirs.h"

#include <sys/stat.h>
#include <unistd.h>

using namespace digamma;

bool digamma::api::isDirectory(const std::string &path) {
  struct stat info;
  return !path.empty() && ::stat(path.c_str(), &info) == 0 &&
         S_ISDIR(info.st_mode);
}

std::string digamma::api::installedDataDir(std::string_view relativeToBin) {
  char exe[4096];
  ssize_t size = ::readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (size <= 0)
    return "";
  std::string path(exe, size_t(size));
  std::string installed =
      path.substr(0, path.rfind('/') + 1) + std::string(relativeToBin);
  return isDirectory(installed) ? installed : "";
}
