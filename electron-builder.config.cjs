/**
 * Packaging for Rapport (`npm run package`). The app is bundled by electron-vite into out/,
 * so the package holds out/ and package.json and no node_modules.
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'app.rapport.desktop',
  productName: 'Rapport',
  copyright: 'Copyright © Rapport',
  directories: {
    buildResources: 'build',
    output: 'release',
  },
  files: ['out/**', 'package.json'],
  asar: true,
  // Electron's fuses, flipped in the binary itself: no running as plain Node, no NODE_OPTIONS or
  // --inspect to inject code, and the app loads only from an archive whose integrity is checked.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    // Pages come from app://, never file://, so file: needs none of its historical privileges.
    grantFileProtocolExtraPrivileges: false,
    // Flipping fuses breaks the ad-hoc signature of an Apple-silicon binary, and macOS refuses
    // to launch an arm64 app with a broken signature; re-signing ad hoc keeps an unsigned build
    // launchable (a Developer ID signature, when there is one, replaces it).
    resetAdHocDarwinSignature: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'rapport',
    synopsis: 'A private workspace for independent career coaches',
    maintainer: 'Rapport',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.business',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};
