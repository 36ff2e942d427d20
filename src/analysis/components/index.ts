export type { Component, IdentifiedBy, Occurrence, OsInfo, TreeInventory } from './types.js';
export { inventoryOfTree, kernelComponents, fromBinary } from './inventory.js';
export { identifyBinary, distributionBuild, type BinaryHit } from './binary.js';
export { appletsOf } from './busybox.js';
export { osOf, ecosystemOf } from './os-release.js';
export { dpkgPackages, opkgPackages, apkPackages, type PackageRecord } from './packages.js';
export { PRODUCTS, productById, productOfPackage, type Product } from './products.js';
export { purlOf, cpeOf, cpeValue } from './ids.js';
export { paragraphs } from './control.js';
