# Installing Atelier and packaging it for Debian (issue 16).
#   cmake --install build [--prefix ~/.local]   the binary, the icon (hicolor sizes), the menu entry
#   cpack --config build/CPackConfig.cmake       build/atelier_<version>_<arch>.deb
# The binary embeds every asset it runs with (assets/, cmake/embed_assets.cmake): only what the
# desktop itself reads (icons, the .desktop entry, the MIME type) is installed beside it.
include(GNUInstallDirs)

install(TARGETS atelier RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
set(ATELIER_ICON_DIR ${PROJECT_SOURCE_DIR}/assets/icons)
foreach(size 16 24 32 48 64 128 256 512)
  install(FILES ${ATELIER_ICON_DIR}/atelier-${size}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME atelier.png)
endforeach()
install(FILES ${ATELIER_ICON_DIR}/atelier.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/atelier.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/atelier-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME atelier.xml)

set(CPACK_PACKAGE_NAME atelier)
set(CPACK_PACKAGE_VENDOR "Atelier")
set(CPACK_PACKAGE_CONTACT "Atelier <atelier@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Run collaborative public-innovation workshops (défis, timer, boards, votes, report)")
set(CPACK_PACKAGE_DESCRIPTION
    "Atelier runs multi-day public-innovation workshops from one laptop: défis and teams prepared from a spreadsheet, a giant timer on the projector, sticky-note boards, dot votes, prototypes, exhibition feedback and the restitution report. French first, works offline, every change saved at once.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # atelier_0.1.0_amd64.deb
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries' packages come from dpkg-shlibdeps (libglfw3, libsqlite3-0, libfmt9 …);
# what the program opens at run time without linking it is named here: the time-zone database,
# an OpenGL driver, fonts for the interface (fontconfig finds them).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata, libgl1-mesa-dri, fonts-dejavu-core | fonts-noto-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "zenity | kdialog, chromium")
include(CPack)
