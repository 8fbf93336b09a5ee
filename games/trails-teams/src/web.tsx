import { TRAILS_TEAM_COLOURS, TrailsArt, trailsWeb } from "@lobby/game-trails/web";
import { TRAILS_TEAMS_ID } from "./schemas";

const [WARM, COOL] = TRAILS_TEAM_COLOURS;

/** The lobby card's picture: two warm trails and two cool ones closing in on each other. */
function Art() {
  return (
    <TrailsArt gridId="trails-teams-grid">
      <polyline className="trails-art-line" points="6.5,97.5 6.5,71.5 32.5,71.5 32.5,45.5" stroke={WARM[0]} />
      <polyline className="trails-art-line" points="19.5,6.5 19.5,19.5 45.5,19.5 45.5,32.5" stroke={WARM[1]} />
      <polyline className="trails-art-line" points="97.5,6.5 97.5,32.5 71.5,32.5 71.5,58.5" stroke={COOL[0]} />
      <polyline className="trails-art-line" points="84.5,97.5 84.5,84.5 58.5,84.5 58.5,71.5" stroke={COOL[1]} />
      <circle cx="32.5" cy="45.5" r="5" fill="#ffe1e1" />
      <circle cx="45.5" cy="32.5" r="5" fill="#fff0c8" />
      <circle cx="71.5" cy="58.5" r="5" fill="#d8f4ff" />
      <circle cx="58.5" cy="71.5" r="5" fill="#dde4ff" />
    </TrailsArt>
  );
}

/** Trails: Teams in the browser: Trails' arena and roster in team colours, with the team's result words. */
export const web = trailsWeb(TRAILS_TEAMS_ID, {
  Art,
  teams: true,
  words: {
    mine: "Your team outlasted them. Nicely ridden!",
    theirs: "by outlasting the other team.",
    draw: "The last riders of both teams went down together.",
    how: "Last team riding.",
    twoSeat: false,
  },
});
