/** A region map's drawing area, width by height; its holder keeps this shape before it is drawn. */
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 440;
export const MAP_ASPECT = `${MAP_WIDTH} / ${MAP_HEIGHT}`;
