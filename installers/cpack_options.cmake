# Read by cpack once per generator: the portable archive is a relocatable
# tree (bin/, lib/timoneiro/, share/) for any folder, the .deb lives in /usr.
if(CPACK_GENERATOR STREQUAL "TGZ")
  set(CPACK_PACKAGING_INSTALL_PREFIX "/")
endif()
