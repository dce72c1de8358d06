/** Activities on the board page (issue 3): gallery, add activity, results panel, "Move to…". */
export { ActivitiesProvider } from './ActivitiesContext'
export { ActivityGallery } from './ActivityGallery'
export { ActivityTools } from './ActivityTools'
