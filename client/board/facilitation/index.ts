/** Live facilitation on the board page (issue 4). */
export { FacilitationProvider, useFacilitation } from './FacilitationContext'
export { FacilitationLayer } from './FacilitationLayer'
export { dockInsetPx } from './dockMemory'
