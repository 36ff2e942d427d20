export { unpackImage, type UnpackOptions } from './image.js';
export { Driver, type DriverOptions, type UnpackProgress } from './driver.js';
export { LayerContext, standaloneContext } from './context.js';
