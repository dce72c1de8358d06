import { useMemo } from 'react'
import './facilitation.css'
import { useBoard, useFacilitation } from '../boardContext'
import type { Facilitation } from './useFacilitationState'
import { FacilitationDock } from './FacilitationDock'
import { HeadingEditors } from './HeadingEditors'
import { PrivateNoteMarkers } from './PrivateNoteMarkers'
import { SeatHighlights } from './SeatHighlights'
import { circlesOf } from './talkingPiece'
import { useActivities } from './useActivities'
import { useFollow } from './useFollow'
import { useVoting } from './useVoting'
import { VoteBadges } from './VoteBadges'

function Layer({ fac }: { fac: Facilitation }) {
  // The outline view holds the panel's sections while it is open (one of each on the page).
  const outlineOpen = useBoard()?.sheet === 'outline'
  const voting = useVoting(fac)
  const follow = useFollow(fac)
  const activities = useActivities(fac.controlDoc)
  const circles = useMemo(() => circlesOf(activities, fac.control.talkingPiece), [activities, fac.control.talkingPiece])
  return (
    <div className="fac-layer">
      <SeatHighlights circles={circles} />
      <PrivateNoteMarkers fac={fac} />
      <VoteBadges fac={fac} voting={voting} />
      <HeadingEditors fac={fac} />
      {!outlineOpen && <FacilitationDock fac={fac} voting={voting} follow={follow} activities={activities} circles={circles} />}
    </div>
  )
}

/** tldraw's InFrontOfTheCanvas slot: vote badges, the talking-piece seat, private-note markers and the facilitation panel. */
export function FacilitationLayer() {
  const fac = useFacilitation()
  return fac ? <Layer fac={fac} /> : null
}
